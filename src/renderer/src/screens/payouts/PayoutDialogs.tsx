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
  if (dialog.kind === 'bulk') return <BulkDialog action={dialog.action} rows={bulkRows} reasons={reasons} />;
  if (dialog.kind === 'four-eyes')
    return <FourEyesDialog retry={dialog.retry} message={dialog.message} refusal={dialog.refusal} />;
  if (!single)
    return (
      <LeftQueueNotice
        item="Request"
        tid={dialog.tid}
        sending={inFlight.has(dialog.tid)}
        onClose={payoutActions.close}
      />
    );
  switch (dialog.kind) {
    case 'approve':
      return <ApproveDialog key={dialog.tid} row={single} nextTid={dialog.nextTid} />;
    case 'reject':
      return <RejectDialog key={dialog.tid} row={single} reasons={reasons} nextTid={dialog.nextTid} />;
    case 'split':
      return <SplitDialog key={dialog.tid} row={single} nextTid={dialog.nextTid} />;
  }
}
