import { useState } from 'react';
import { missingNote, reasonNeedsNote } from '../../../shared/queue-views';
import type { PickableReason } from './ReasonDialog';

/** One reason and a note (needed for "Other") for every item of a bulk reject or void (kept in the audit log). */
function BulkReasonFields({
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
        placeholder={
          reasons.some((r) => r.code === reason && reasonNeedsNote(r))
            ? 'note (needed for this reason, kept in the audit log)'
            : 'note (optional, kept in the audit log)'
        }
        value={note}
        onChange={(e) => onNote(e.target.value)}
      />
    </>
  );
}

/** The bulk dialog's reason and note, their fields (id: the pick-list's), and why it cannot be sent yet (or null). */
export function useBulkReason(id: string, reasons: readonly PickableReason[]) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const fields = (
    <BulkReasonFields id={id} reasons={reasons} reason={reason} onReason={setReason} note={note} onNote={setNote} />
  );
  const blockedWhy = reason
    ? missingNote(
        reasons.find((r) => r.code === reason),
        note,
      )
    : 'Pick a reason first.';
  return { reason, note, fields, blockedWhy };
}
