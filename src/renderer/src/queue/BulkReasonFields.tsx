import { useState } from 'react';
import { missingNote, reasonNeedsNote } from '../../../shared/queue-views';
import type { PickableReason } from './ReasonDialog';
import { useReasonPick } from './use-reason-pick';

/**
 * One reason and a note (needed for "Other") for every item of a bulk reject or void (kept in the audit log). Keys 1–9
 * pick a reason, as in a single reject or void, and one that needs a note takes the focus to the note.
 */
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
  const { pick, noteField } = useReasonPick(reasons, note, onReason);
  return (
    <>
      <label className="field-label" htmlFor={id}>
        Reason for all (press its number)
      </label>
      <select id={id} value={reason} onChange={(e) => pick(e.target.value)}>
        <option value="">pick a reason…</option>
        {reasons.map((r, i) => (
          <option key={r.code} value={r.code}>
            {i < 9 ? `${i + 1} · ${r.label}` : r.label}
          </option>
        ))}
      </select>
      <textarea
        ref={noteField}
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
