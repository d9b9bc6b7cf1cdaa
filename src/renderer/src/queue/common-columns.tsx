import { displayStatus } from './queue-filter';
import { claimText, type QueueRow } from './queue-row';
import type { QueueColumn, QueueColumnMeta } from './QueueTable';

/** What a journal state shows instead of Praxis's status: no one may act on it. */
const STATUS_LABEL: Record<string, string> = { unknown: 'OUTCOME UNKNOWN', sending: 'sending…' };

/** The item's Praxis id, in every queue. */
export const tidColumn = <Row extends QueueRow>(meta: QueueColumnMeta): QueueColumn<Row> => ({
  id: 'tid',
  header: 'tid',
  cell: ({ row }) => <span className="mono">{row.original.tid}</span>,
  meta,
});

/** Praxis's status, or the journal's "OUTCOME UNKNOWN" / "sending…" (or who is acting on it) over it. */
export const statusColumn = <Row extends QueueRow & { status: string }>(meta: QueueColumnMeta): QueueColumn<Row> => ({
  id: 'status',
  header: 'Status',
  cell: ({ row: { original: r } }) => {
    const status = displayStatus(r);
    if (status === 'sending' && r.claimedBy)
      // Two small lines, so the name shows whole in a narrow column.
      return (
        <span className="status status-sending claim" title={claimText(r.claimedBy)}>
          <span>In progress by</span> <b>{r.claimedBy}</b>
        </span>
      );
    const text = STATUS_LABEL[status] ?? status;
    return (
      <span className={`status status-${status.replace(/\s+/g, '-')}`} title={text}>
        {text}
      </span>
    );
  },
  // Pinned to the right edge: a table wider than its pane (beside the detail) still shows who holds an item.
  meta: { className: 'status-cell', showForClaims: true, ...meta },
});
