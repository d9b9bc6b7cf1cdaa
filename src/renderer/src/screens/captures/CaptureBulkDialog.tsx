import type { CaptureRow, VoidReason } from '../../../../shared/captures';
import { timeLeftText } from '../../../../shared/hold-windows';
import { captureActions, useCaptureActions } from '../../stores/captures-actions';
import { useBulkReason } from '../../queue/BulkReasonFields';
import { BulkDialogFrame, type BulkRowParts } from '../../queue/BulkDialogFrame';
import { CAPTURE_WORDS, customerOf, instrumentOf } from './capture-words';

/** A capture takes the whole hold. */
export const CAPTURE_BULK_PARTS: BulkRowParts<CaptureRow> = {
  amountOf: (r) => r.amountMinor,
  customerOf,
};

const extraColumns = (now: number) => [
  { header: 'Card · wallet', cell: (r: CaptureRow) => instrumentOf(r) },
  { header: 'Time left', cell: (r: CaptureRow) => timeLeftText(r.lapsesAt, now) },
];

/** Bulk capture / void on the selection, in the shared bulk frame; a void takes one reason for all. */
export function CaptureBulkDialog({
  action,
  rows,
  reasons,
  now,
}: {
  action: 'capture' | 'void';
  rows: CaptureRow[];
  reasons: VoidReason[];
  now: number;
}) {
  const run = useCaptureActions();
  const { reason, note, fields, blockedWhy } = useBulkReason('bulk-void-reason', reasons);
  const verb = action === 'capture' ? 'Capture' : 'Void';
  return (
    <BulkDialogFrame
      action={action}
      title={`${verb} ${rows.length} hold${rows.length === 1 ? '' : 's'}`}
      verb={verb}
      tone={action === 'capture' ? 'primary' : 'danger'}
      noun={['hold', 'holds']}
      rows={rows}
      parts={CAPTURE_BULK_PARTS}
      extraColumns={extraColumns(now)}
      summary={(sendable) => (
        <>
          You are about to {action} <strong>{sendable.length}</strong> hold{sendable.length === 1 ? '' : 's'}
          {action === 'capture'
            ? ', each in full (Praxis captures the whole hold)'
            : ', releasing them to the customers'}
          .
        </>
      )}
      totalsLabel={action === 'capture' ? 'Totals to capture' : 'Totals of the holds to void'}
      blockedWhy={action === 'void' ? blockedWhy : null}
      fields={
        action === 'void' ? (
          fields
        ) : (
          <p className="muted">A failure on one does not stop the others; each result is listed when the run ends.</p>
        )
      }
      run={run}
      words={CAPTURE_WORDS}
      succeededLabel={action === 'capture' ? 'Captured' : 'Voided'}
      onSend={(sendable) =>
        void captureActions.bulk(
          action,
          sendable.map((r) => r.tid),
          action === 'void' ? { reasonCode: reason, note } : {},
        )
      }
      onClose={captureActions.close}
    />
  );
}
