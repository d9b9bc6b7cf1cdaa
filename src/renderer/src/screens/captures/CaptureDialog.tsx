import { amountInWords } from '../../../../shared/money-words';
import type { CaptureRow } from '../../../../shared/captures';
import { lapseLocalText, timeLeftText, windowText } from '../../../../shared/hold-windows';
import { captureActions, useCaptureActions } from '../../stores/captures-actions';
import { DialogFrame } from '../../queue/DialogFrame';
import { holdMoney } from './capture-words';
import { HoldLine } from './HoldLine';

const inWords = (minor: number, currency: string) => {
  try {
    return amountInWords(minor, currency);
  } catch {
    return `${minor} minor units of ${currency}`;
  }
};

/** Capture = capture-authorization: Praxis captures the whole hold, and the dialog says so before anything is sent. */
export function CaptureDialog({ row, nextTid, now }: { row: CaptureRow; nextTid: number | null; now: number }) {
  const busy = useCaptureActions((s) => s.inFlight.has(row.tid));
  const left = timeLeftText(row.lapsesAt, now);
  return (
    <DialogFrame
      title={`Capture ${holdMoney(row)}`}
      label="Capture authorization"
      onCancel={captureActions.close}
      busy={busy}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void captureActions.capture(row.tid, nextTid);
        }}
      >
        <p className="amount-words" aria-label="Amount in words">
          {inWords(row.amountMinor, row.currency)}
        </p>
        <HoldLine row={row} />
        <p className="whole-hold" aria-label="Whole hold">
          Praxis captures the whole hold: all of {holdMoney(row)} is taken from the customer. It cannot capture part of
          it.
        </p>
        <p className="muted" aria-label="Lower amount">
          Need a lower amount? Void this hold, then take a new authorization (hold) for the lower amount in the Virtual
          terminal (G T).
        </p>
        <p className="muted">
          {left === 'lapsed'
            ? `By the desk’s hold window (${windowText(row.holdWindow)}) this hold lapsed ${lapseLocalText(row.lapsesAt)}; Praxis may refuse the capture.`
            : `${left} left: lapses ${lapseLocalText(row.lapsesAt)} · window: ${windowText(row.holdWindow)}.`}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={captureActions.close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy} autoFocus>
            {busy ? 'Sending…' : `Capture ${holdMoney(row)}`}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
