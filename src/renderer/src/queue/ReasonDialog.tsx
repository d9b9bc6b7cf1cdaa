import { useState, type ReactNode } from 'react';
import { missingNote, reasonNeedsNote } from '../../../shared/queue-views';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { DialogFrame } from './DialogFrame';
import { useReasonPick } from './use-reason-pick';

export interface PickableReason {
  code: string;
  label: string;
}

/**
 * A decision that takes a reason and a note, optional except for "Other" (kept in the audit log; Praxis takes no
 * reason): keys 1–9 pick a reason, Enter sends only when no control has focus (on Cancel, Enter is Cancel's).
 */
export function ReasonDialog({
  title,
  label,
  intro,
  reasons,
  busy,
  confirmLabel,
  noteId,
  onSend,
  onCancel,
}: {
  title: string;
  /** The dialog's accessible name ("Reject withdrawal", "Void authorization"). */
  label: string;
  /** What the operator should know before choosing (a consequence, what Praxis does). */
  intro?: ReactNode;
  reasons: readonly PickableReason[];
  busy: boolean;
  /** The confirm button once a reason is picked ("Reject request", "Void hold"). */
  confirmLabel: string;
  noteId: string;
  onSend(reasonCode: string, note: string): void;
  onCancel(): void;
}) {
  const [reason, setReason] = useState<string>('');
  const [note, setNote] = useState('');
  const { pick, noteField } = useReasonPick(reasons, note, setReason);
  const picked = reasons.find((r) => r.code === reason);
  const noNote = missingNote(picked, note);
  const send = (code: string) => {
    if (code && !busy && !noNote) onSend(code, note);
  };
  useShortcuts({ enter: () => send(reason) }, true, 'dialog');
  const whyId = `${noteId}-why`;

  return (
    <DialogFrame title={title} label={label} onCancel={onCancel} busy={busy}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send(reason);
        }}
      >
        {intro}
        <fieldset
          className="reason-list"
          onKeyDown={(e) => {
            // A radio is a field for the shortcuts; Enter on a picked reason sends, as the form's Enter would.
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
              e.preventDefault();
              send(reason);
            }
          }}
        >
          <legend>Reason (press its number)</legend>
          {reasons.length === 0 && (
            <p className="form-error">No reasons are set up: add them in Settings before sending this.</p>
          )}
          {reasons.map((r, i) => (
            <label key={r.code} className={reason === r.code ? 'reason checked' : 'reason'}>
              <input
                type="radio"
                name="reason"
                value={r.code}
                checked={reason === r.code}
                onChange={() => pick(r.code)}
              />
              {i < 9 && <kbd>{i + 1}</kbd>} {r.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={noteId} className="field-label">
          {picked && reasonNeedsNote(picked)
            ? 'Note (needed for this reason, kept in the audit log)'
            : 'Note (optional, kept in the audit log)'}
        </label>
        <textarea
          ref={noteField}
          id={noteId}
          rows={2}
          maxLength={500}
          value={note}
          aria-describedby={noNote ? whyId : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        <p className="muted key-hint">
          <kbd>Ctrl Enter</kbd> sends from the note
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          {(!reason || noNote) && !busy && (
            <span className="muted disabled-why" id={whyId}>
              {noNote ?? 'Pick a reason first (press its number).'}
            </span>
          )}
          <button
            type="submit"
            className="danger"
            disabled={busy || !reason || noNote !== null}
            aria-describedby={(!reason || noNote) && !busy ? whyId : undefined}
          >
            {busy ? 'Sending…' : reason ? confirmLabel : 'Pick a reason'}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
