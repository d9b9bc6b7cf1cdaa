import type { CaptureRow, VoidReason } from '../../../../shared/captures';
import type { CaptureDialog as CaptureDialogState } from '../../stores/captures-actions';
import { findRow } from '../../queue/queue-row';
import { useHeldRows } from '../../queue/use-held-rows';
import { CaptureBulkDialog } from './CaptureBulkDialog';
import { CaptureDialog } from './CaptureDialog';
import { VoidDialog } from './VoidDialog';

/** The one open capture dialog, if any. A hold that left the queue meanwhile closes its dialog. */
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
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'capture':
      return single ? <CaptureDialog key={dialog.tid} row={single} nextTid={dialog.nextTid} now={now} /> : null;
    case 'void':
      return single ? <VoidDialog key={dialog.tid} row={single} reasons={reasons} nextTid={dialog.nextTid} /> : null;
    case 'bulk':
      return <CaptureBulkDialog action={dialog.action} rows={bulkRows} reasons={reasons} now={now} />;
  }
}
