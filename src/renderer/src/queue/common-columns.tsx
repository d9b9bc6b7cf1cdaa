import { displayStatus } from './queue-filter';
import type { QueueRow } from './queue-row';
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

/** Praxis's status, or the journal's "OUTCOME UNKNOWN" / "sending…" over it. */
export const statusColumn = <Row extends QueueRow & { status: string }>(meta: QueueColumnMeta): QueueColumn<Row> => ({
  id: 'status',
  header: 'Status',
  cell: ({ row: { original: r } }) => {
    const status = displayStatus(r);
    return <span className={`status status-${status.replace(/\s+/g, '-')}`}>{STATUS_LABEL[status] ?? status}</span>;
  },
  meta,
});
