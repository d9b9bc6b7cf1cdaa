import type { CaptureRow } from '../../../../shared/captures';
import { capturesRows } from '../../stores/captures';
import { captureActions, useCaptureActions } from '../../stores/captures-actions';
import { ItemActions } from '../../queue/ItemActions';

/** Capture / Void for one hold; an unknown outcome offers only "Reconcile now". */
export function CaptureActionButtons({ row }: { row: CaptureRow }) {
  const busy = useCaptureActions((s) => s.inFlight.has(row.tid));
  const next = () => capturesRows.nextTidAfter(row.tid);
  return (
    <ItemActions
      tid={row.tid}
      journalState={row.journalState}
      claimedBy={row.claimedBy}
      busy={busy}
      noun="hold"
      onReconcile={() => void captureActions.reconcile(row.tid)}
    >
      {(props) => (
        <>
          <button
            type="button"
            className="primary"
            {...props}
            onClick={() => captureActions.openCapture(row.tid, next())}
          >
            Capture <kbd>C</kbd>
          </button>
          <button type="button" {...props} onClick={() => captureActions.openVoid(row.tid, next())}>
            Void <kbd>V</kbd>
          </button>
        </>
      )}
    </ItemActions>
  );
}
