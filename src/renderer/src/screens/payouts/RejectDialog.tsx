import type { PayoutRow, RejectReason } from '../../../../shared/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { ReasonDialog } from '../../queue/ReasonDialog';
import { remainingText } from './row-format';
import { RequestLine } from './RequestLine';

/** Reject = cancel-withdrawal-request; the reason and note go to the audit log (Praxis takes no reason). */
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
  return (
    <ReasonDialog
      title={`Reject ${remainingText(row)} for ${row.customerName ?? row.cid ?? row.tid}`}
      label="Reject withdrawal"
      intro={<RequestLine row={row} />}
      reasons={reasons}
      busy={busy}
      confirmLabel="Reject request"
      noteId="reject-note"
      onSend={(code, note) => void payoutActions.reject(row.tid, code, note, nextTid)}
      onCancel={payoutActions.close}
    />
  );
}
