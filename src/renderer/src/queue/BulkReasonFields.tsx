import type { PickableReason } from './ReasonDialog';

/** One reason and an optional note for every item of a bulk reject or void (kept in the audit log). */
export function BulkReasonFields({
  id,
  reasons,
  reason,
  onReason,
  note,
  onNote,
}: {
  id: string;
  reasons: readonly PickableReason[];
  reason: string;
  onReason(code: string): void;
  note: string;
  onNote(text: string): void;
}) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        Reason for all
      </label>
      <select id={id} value={reason} onChange={(e) => onReason(e.target.value)}>
        <option value="">pick a reason…</option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
      <textarea
        aria-label="Note for all"
        rows={2}
        maxLength={500}
        placeholder="note (optional, kept in the audit log)"
        value={note}
        onChange={(e) => onNote(e.target.value)}
      />
    </>
  );
}
