import { useState } from 'react';
import type { PayoutRow, RejectReason } from '../../../../shared/payouts';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { DialogFrame } from '../../queue/DialogFrame';
import { remainingText } from './row-format';

/** Reject = cancel-withdrawal-request; the reason and note go to the audit log (Praxis takes no reason). Keys 1–9 pick a reason. */
export function RejectDialog({
  row,
  reasons,
  nextTid,
}: {
  row: PayoutRow;
  reasons: RejectReason[];
  nextTid: number | null;
}) {
  const busy = usePayoutActions((s) => s.inFlight.has(row.tid));
  const [reason, setReason] = useState<string>('');
  const [note, setNote] = useState('');
  const send = (code: string) => {
    if (code && !busy) void payoutActions.reject(row.tid, code, note, nextTid);
  };
  const keys: Record<string, () => void> = {};
  reasons.slice(0, 9).forEach((r, i) => (keys[String(i + 1)] = () => setReason(r.code)));
  // Enter sends only when no control has focus: on Cancel, Enter is Cancel's.
  keys.enter = () => send(reason);
  useShortcuts(keys, true, 'dialog');

  return (
    <DialogFrame
      title={`Reject ${remainingText(row)} for ${row.customerName ?? row.cid ?? row.tid}`}
      label="Reject withdrawal"
      onCancel={payoutActions.close}
      busy={busy}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send(reason);
        }}
      >
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
          {reasons.map((r, i) => (
            <label key={r.code} className={reason === r.code ? 'reason checked' : 'reason'}>
              <input
                type="radio"
                name="reason"
                value={r.code}
                checked={reason === r.code}
                onChange={() => setReason(r.code)}
              />
              {i < 9 && <kbd>{i + 1}</kbd>} {r.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor="reject-note" className="field-label">
          Note (optional, kept in the audit log)
        </label>
        <textarea id="reject-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="dialog-actions">
          <button type="button" onClick={payoutActions.close} disabled={busy}>
            Cancel
          </button>
          {!reason && !busy && (
            <span className="muted disabled-why" id="reject-why">
              Pick a reason first (press its number).
            </span>
          )}
          <button
            type="submit"
            className="danger"
            disabled={busy || !reason}
            aria-describedby={!reason && !busy ? 'reject-why' : undefined}
          >
            {busy ? 'Sending…' : reason ? 'Reject request' : 'Pick a reason'}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
