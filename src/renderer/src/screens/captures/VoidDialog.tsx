import type { CaptureRow, VoidReason } from '../../../../shared/captures';
import { captureActions, useCaptureActions } from '../../stores/captures-actions';
import { ReasonDialog } from '../../queue/ReasonDialog';
import { customerOf, holdMoney } from './capture-words';
import { HoldLine } from './HoldLine';

/** Void = cancel-authorization: the hold is released; the reason and note go to the audit log (Praxis takes none). */
export function VoidDialog({
  row,
  reasons,
  nextTid,
}: {
  row: CaptureRow;
  reasons: VoidReason[];
  nextTid: number | null;
}) {
  const busy = useCaptureActions((s) => s.inFlight.has(row.tid));
  return (
    <ReasonDialog
      title={`Void the ${holdMoney(row)} hold of ${customerOf(row)}`}
      label="Void authorization"
      intro={
        <>
          <HoldLine row={row} />
          <p className="muted">
            Praxis releases the hold: nothing is taken from the customer, and this authorization can no longer be
            captured.
          </p>
        </>
      }
      reasons={reasons}
      busy={busy}
      confirmLabel="Void hold"
      noteId="void-note"
      onSend={(code, note) => void captureActions.void(row.tid, code, note, nextTid)}
      onCancel={captureActions.close}
    />
  );
}
