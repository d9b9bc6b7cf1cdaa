import type { PayoutRow, RejectReason } from '../../../../shared/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { useBulkReason } from '../../queue/BulkReasonFields';
import { BulkDialogFrame, type BulkRowParts } from '../../queue/BulkDialogFrame';
import { FLAG_TEXT, PAYOUT_WORDS, remainingText } from './row-format';

/** What a bulk approval pays: a split request's remainder. */
export const PAYOUT_BULK_PARTS: BulkRowParts<PayoutRow> = {
  amountOf: (r) => r.remainingMinor,
  customerOf: (r) => r.customerName ?? r.cid ?? 'unknown customer',
  amountLabelOf: remainingText,
};

const aboveFourEyes = (rows: readonly PayoutRow[]) => rows.filter((r) => r.flags.includes('four_eyes'));

/** Which requests need the second operator, by tid and amount, and how many are approved with them. */
function fourEyesWhy(above: readonly PayoutRow[], count: number): string {
  const named = above.slice(0, 5).map((r) => `${r.tid} (${remainingText(r)})`);
  const more = above.length > named.length ? ` and ${above.length - named.length} more` : '';
  return `Approving these ${count} requests needs a second operator: ${named.join(', ')}${more} ${above.length === 1 ? 'is' : 'are'} above the four-eyes threshold.`;
}

const RISK_COLUMN = [{ header: 'Risk', cell: (r: PayoutRow) => r.flags.map((f) => FLAG_TEXT[f].label).join(', ') }];

/** Bulk approve / reject on the selection, in the shared bulk frame; a reject takes one reason for all. */
export function BulkDialog({
  action,
  rows,
  reasons,
}: {
  action: 'approve' | 'reject';
  rows: PayoutRow[];
  reasons: RejectReason[];
}) {
  const run = usePayoutActions();
  const { reason, note, fields, blockedWhy } = useBulkReason('bulk-reject-reason', reasons);
  const fourEyes = run.bulkResult?.results.filter((r) => r.errorCode === 'FOUR_EYES').map((r) => r.tid) ?? [];

  return (
    <BulkDialogFrame
      action={action}
      title={`${action === 'approve' ? 'Approve' : 'Reject'} ${rows.length} request${rows.length === 1 ? '' : 's'}`}
      verb={action === 'approve' ? 'Approve' : 'Reject'}
      tone={action === 'approve' ? 'primary' : 'danger'}
      noun={['request', 'requests']}
      rows={rows}
      parts={PAYOUT_BULK_PARTS}
      extraColumns={RISK_COLUMN}
      summary={(sendable) => {
        const flagged = sendable.filter((r) => r.flags.length > 0).length;
        const needSecond = action === 'approve' ? aboveFourEyes(sendable).length : 0;
        return (
          <>
            You are about to {action} <strong>{sendable.length}</strong> withdrawal request
            {sendable.length === 1 ? '' : 's'}
            {flagged > 0 ? (
              <>
                , <strong>{flagged}</strong> with risk flags
              </>
            ) : (
              ', none with risk flags'
            )}
            .
            {needSecond > 0 && (
              <>
                {' '}
                <strong>{needSecond}</strong> of them {needSecond === 1 ? 'is' : 'are'} above the four-eyes threshold: a
                second operator confirms with their PIN before anything is sent.
              </>
            )}
          </>
        );
      }}
      totalsLabel={action === 'approve' ? 'Totals to pay' : 'Totals of the requests to reject'}
      blockedWhy={action === 'reject' ? blockedWhy : null}
      fields={
        action === 'reject' ? (
          fields
        ) : (
          <p className="muted">
            Each is paid through the gateway it came with. A failure on one does not stop the others.
          </p>
        )
      }
      run={run}
      words={PAYOUT_WORDS}
      succeededLabel={action === 'approve' ? 'Paid' : 'Rejected'}
      resultActions={
        fourEyes.length > 0 && (
          <button type="button" className="primary" onClick={() => payoutActions.askSecondOperator(fourEyes)}>
            Second operator for {fourEyes.length}…
          </button>
        )
      }
      onSend={(sendable) => {
        const tids = sendable.map((r) => r.tid);
        const above = action === 'approve' ? aboveFourEyes(sendable) : [];
        // Asked first, for the whole selection, rather than found out from the failures of a first run.
        if (above.length > 0) return payoutActions.askSecondOperator(tids, fourEyesWhy(above, tids.length));
        void payoutActions.bulk(action, tids, action === 'reject' ? { reasonCode: reason, note } : {});
      }}
      onClose={payoutActions.close}
    />
  );
}
