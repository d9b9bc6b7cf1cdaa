import type { CaptureRow, VoidReason } from '../../../../shared/captures';
import {
  captureActions,
  useCaptureActions,
  type CaptureDialog as CaptureDialogState,
} from '../../stores/captures-actions';
import { LeftQueueNotice } from '../../queue/LeftQueueNotice';
import { findRow } from '../../queue/queue-row';
import { useHeldRows } from '../../queue/use-held-rows';
import { CaptureBulkDialog } from './CaptureBulkDialog';
import { CaptureDialog } from './CaptureDialog';
import { VoidDialog } from './VoidDialog';

/**
 * The one open capture dialog, if any. A hold that left the queue meanwhile, while nothing of this window's was on its
 * way, turns its dialog into a notice that says so.
 */
export function CaptureDialogs({
  dialog,
  rows,
  reasons,
  now,
}: {
  dialog: CaptureDialogState | null;
  rows: CaptureRow[];
  reasons: VoidReason[];
  now: number;
}) {
  const single = dialog && 'tid' in dialog ? findRow(rows, dialog.tid) : null;
  const bulkRows = useHeldRows(rows, dialog?.kind === 'bulk' ? dialog.tids : null);
  const inFlight = useCaptureActions((s) => s.inFlight);
  if (!dialog) return null;
  if (dialog.kind === 'bulk')
    return <CaptureBulkDialog action={dialog.action} rows={bulkRows} reasons={reasons} now={now} />;
  if (!single)
    return (
      <LeftQueueNotice item="Hold" tid={dialog.tid} sending={inFlight.has(dialog.tid)} onClose={captureActions.close} />
    );
  switch (dialog.kind) {
    case 'capture':
      return <CaptureDialog key={dialog.tid} row={single} nextTid={dialog.nextTid} now={now} />;
    case 'void':
      return <VoidDialog key={dialog.tid} row={single} reasons={reasons} nextTid={dialog.nextTid} />;
  }
}
