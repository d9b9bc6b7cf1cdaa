import type { PayoutRow } from '../../../../shared/payouts';
import { payoutsRows } from '../../stores/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { ItemActions } from '../../queue/ItemActions';

/** Approve / Reject / Split for one request; an unknown outcome offers only "Reconcile now". */
export function ActionButtons({ row }: { row: PayoutRow }) {
  const busy = usePayoutActions((s) => s.inFlight.has(row.tid));
  const next = () => payoutsRows.nextTidAfter(row.tid);
  return (
    <ItemActions
      tid={row.tid}
      journalState={row.journalState}
      claimedBy={row.claimedBy}
      busy={busy}
      noun="request"
      onReconcile={() => void payoutActions.reconcile(row.tid)}
    >
      {(props) => (
        <>
          <button
            type="button"
            className="primary"
            {...props}
            onClick={() => void payoutActions.openApprove(row.tid, next())}
          >
            Approve <kbd>A</kbd>
          </button>
          <button type="button" {...props} onClick={() => payoutActions.openReject(row.tid, next())}>
            Reject <kbd>R</kbd>
          </button>
          <button type="button" {...props} onClick={() => void payoutActions.openSplit(row.tid, next())}>
            Split <kbd>S</kbd>
          </button>
        </>
      )}
    </ItemActions>
  );
}
