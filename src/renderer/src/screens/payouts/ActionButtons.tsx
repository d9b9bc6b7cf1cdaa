import type { PayoutRow } from '../../../../shared/payouts';
import { payoutsRows } from '../../stores/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';

/** Approve / Reject / Split for one request; an unknown outcome offers only "Reconcile now". */
export function ActionButtons({ row }: { row: PayoutRow }) {
  const busy = usePayoutActions((s) => s.inFlight.has(row.tid));
  if (row.journalState === 'unknown') {
    return (
      <div className="action-buttons">
        <p className="outcome-unknown-note" role="status">
          The last action on this request has no known outcome. Nothing else may be done until the desk has asked Praxis
          what happened.
        </p>
        <button type="button" className="primary" disabled={busy} onClick={() => void payoutActions.reconcile(row.tid)}>
          {busy ? 'Reconciling…' : 'Reconcile now'}
        </button>
      </div>
    );
  }
  const sending = busy || row.journalState === 'sending';
  // A disabled button says why, to a screen reader as well as on screen.
  const why = sending ? { 'aria-describedby': `in-flight-${row.tid}` } : {};
  return (
    <div className="action-buttons">
      <button
        type="button"
        className="primary"
        disabled={sending}
        {...why}
        onClick={() => void payoutActions.openApprove(row.tid, payoutsRows.nextTidAfter(row.tid))}
      >
        Approve <kbd>A</kbd>
      </button>
      <button
        type="button"
        disabled={sending}
        {...why}
        onClick={() => payoutActions.openReject(row.tid, payoutsRows.nextTidAfter(row.tid))}
      >
        Reject <kbd>R</kbd>
      </button>
      <button type="button" disabled={sending} {...why} onClick={() => void payoutActions.openSplit(row.tid)}>
        Split <kbd>S</kbd>
      </button>
      {sending && (
        <span className="muted" id={`in-flight-${row.tid}`}>
          An action is in flight on this request; wait for its outcome.
        </span>
      )}
    </div>
  );
}
