import { useHeldRows } from '../../queue/use-held-rows';
import type { PayoutRow, RejectReason } from '../../../../shared/payouts';
import { findRow } from '../../queue/queue-row';
import { LeftQueueNotice } from '../../queue/LeftQueueNotice';
import { payoutActions, usePayoutActions, type PayoutDialog } from '../../stores/payouts-actions';
import { ApproveDialog } from './ApproveDialog';
import { BulkDialog } from './BulkDialog';
import { FourEyesDialog } from './FourEyesDialog';
import { RejectDialog } from './RejectDialog';
import { SplitDialog } from './SplitDialog';

/**
 * The one open payout dialog, if any. A request that left the queue meanwhile, while nothing of this window's was on its
 * way, turns its dialog into a notice that says so.
 */
export function PayoutDialogs({
  dialog,
  rows,
  reasons,
}: {
  dialog: PayoutDialog | null;
  rows: PayoutRow[];
  reasons: RejectReason[];
}) {
  const single = dialog && 'tid' in dialog ? findRow(rows, dialog.tid) : null;
  const bulkTids = dialog?.kind === 'bulk' ? dialog.tids : null;
  const bulkRows = useHeldRows(rows, bulkTids);
  const inFlight = usePayoutActions((s) => s.inFlight);
  if (!dialog) return null;
  // This window's own send may take the row out before its answer closes the dialog: that is no news.
  if ('tid' in dialog && !single)
    return inFlight.has(dialog.tid) ? null : (
      <LeftQueueNotice item="Request" tid={dialog.tid} onClose={payoutActions.close} />
    );
  switch (dialog.kind) {
    case 'approve':
      return single ? <ApproveDialog key={dialog.tid} row={single} nextTid={dialog.nextTid} /> : null;
    case 'reject':
      return single ? <RejectDialog key={dialog.tid} row={single} reasons={reasons} nextTid={dialog.nextTid} /> : null;
    case 'split':
      return single ? <SplitDialog key={dialog.tid} row={single} nextTid={dialog.nextTid} /> : null;
    case 'bulk':
      return <BulkDialog action={dialog.action} rows={bulkRows} reasons={reasons} />;
    case 'four-eyes':
      return <FourEyesDialog retry={dialog.retry} message={dialog.message} />;
  }
}
