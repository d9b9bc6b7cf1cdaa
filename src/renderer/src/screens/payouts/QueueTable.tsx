import { memo, useEffect, useMemo, useRef } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PayoutRow } from '../../../../shared/payouts';
import {
  ageMinutes,
  displayStatus,
  slaLevel,
  type QueueSort,
  type SlaThresholds,
  type SortColumn,
} from '../../stores/payouts-filter';
import { payoutsActions } from '../../stores/payouts';
import { FLAG_SEVERITY, FLAG_TEXT, formatAge, remainingText, STATUS_LABEL } from './row-format';
import { AlignedAmount } from './AlignedAmount';

const ROW_HEIGHT = 30;

interface Props {
  rows: PayoutRow[];
  sort: QueueSort;
  now: number;
  sla: SlaThresholds;
  cursorTid: number | null;
  selected: ReadonlySet<number>;
  inFlight: ReadonlySet<number>;
  /** Beside the detail pane: the method and status columns give way (the pane shows both), so nothing clips. */
  compact: boolean;
}

interface Meta {
  sortKey?: SortColumn;
  className?: string;
  width: number;
  /** Width beside the detail pane. */
  compactWidth?: number;
}

function columnsFor(
  now: number,
  sla: SlaThresholds,
  selected: ReadonlySet<number>,
  compact: boolean,
): ColumnDef<PayoutRow>[] {
  return [
    {
      id: 'select',
      header: () => <span className="visually-hidden">Selected</span>,
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${row.original.tid}`}
          checked={selected.has(row.original.tid)}
          onChange={() => payoutsActions.toggleSelected(row.original.tid)}
          onClick={(e) => e.stopPropagation()}
        />
      ),
      meta: { className: 'select-cell', width: 36 } satisfies Meta,
    },
    {
      id: 'tid',
      header: 'tid',
      cell: ({ row }) => <span className="mono">{row.original.tid}</span>,
      meta: { sortKey: 'tid', width: 90, compactWidth: 80 } satisfies Meta,
    },
    {
      id: 'age',
      header: 'Age',
      cell: ({ row }) => {
        const level = slaLevel(row.original, now, sla);
        return (
          <span
            className={`sla sla-${level}`}
            title={`Waiting since ${new Date(row.original.createdAt).toLocaleString()} — ${level === 'ok' ? 'within SLA' : level === 'warn' ? `past the ${sla.slaWarnMinutes} min warning` : `past the ${sla.slaLateMinutes} min SLA`}`}
          >
            {formatAge(ageMinutes(row.original, now))}
          </span>
        );
      },
      meta: { sortKey: 'age', width: 100, compactWidth: 100 } satisfies Meta,
    },
    {
      id: 'customer',
      header: 'Customer',
      cell: ({ row: { original: r } }) => (
        <span
          className="cell-customer"
          title={[r.cid, r.customerName, r.country].filter(Boolean).join(' · ') || undefined}
        >
          <span className="mono">{r.cid ?? '—'}</span>{' '}
          <span>{r.customerName ?? <span className="muted">no name</span>}</span>
          {r.country && <span className="muted"> · {r.country}</span>}
        </span>
      ),
      meta: { sortKey: 'customer', width: 240, compactWidth: 136 } satisfies Meta,
    },
    {
      id: 'amount',
      header: 'Amount',
      // A split request shows what is left to pay: that is what an approval sends.
      cell: ({ row: { original: r } }) => (
        <AlignedAmount
          amountMinor={r.remainingMinor}
          currency={r.currency}
          note={r.remainingMinor !== r.amountMinor ? 'left' : undefined}
          label={remainingText(r)}
        />
      ),
      meta: { sortKey: 'amount', className: 'num', width: 150, compactWidth: 132 } satisfies Meta,
    },
    {
      id: 'method',
      header: 'Method · destination',
      cell: ({ row: { original: r } }) => (
        <span>
          {r.paymentMethod ?? <span className="muted">unknown</span>}{' '}
          <span className="mono muted">{r.destination ?? ''}</span>
        </span>
      ),
      meta: { sortKey: 'method', width: 200 } satisfies Meta,
    },
    {
      id: 'flags',
      header: 'Risk',
      cell: ({ row: { original: r } }) => {
        // Beside the pane two badges fit; the rest is counted, never cut ("+2" says which on hover).
        const shown = compact ? r.flags.slice(0, r.flags.length > 2 ? 1 : 2) : r.flags;
        const more = r.flags.slice(shown.length);
        return (
          <span className="flags" title={r.flags.map((f) => FLAG_TEXT[f].reason).join('\n') || undefined}>
            {shown.map((f) => (
              <span key={f} className={`flag flag-${FLAG_SEVERITY[f]}`}>
                {FLAG_TEXT[f].badge}
              </span>
            ))}
            {more.length > 0 && (
              <span className="flag flag-more" aria-label={more.map((f) => FLAG_TEXT[f].label).join(', ')}>
                +{more.length}
              </span>
            )}
          </span>
        );
      },
      meta: { width: 150, compactWidth: 116 } satisfies Meta,
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row: { original: r } }) => {
        const status = displayStatus(r);
        return <span className={`status status-${status.replace(/\s+/g, '-')}`}>{STATUS_LABEL[status] ?? status}</span>;
      },
      meta: { sortKey: 'status', width: 140, compactWidth: 120 } satisfies Meta,
    },
  ];
}

/** The queue: TanStack Table for the columns, TanStack Virtual so only the rows on screen are in the DOM. */
export const QueueTable = memo(function QueueTable({
  rows,
  sort,
  now,
  sla,
  cursorTid,
  selected,
  inFlight,
  compact,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => columnsFor(now, sla, selected, compact), [now, sla, selected, compact]);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1]!.index + 1 : 0;
  // The table models only the rows on screen, so a filter over 100,000 rows does not build 100,000 row objects.
  const windowRows = useMemo(() => rows.slice(first, last), [rows, first, last]);
  const table = useReactTable({
    data: windowRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    getRowId: (r) => String(r.tid),
    state: { columnVisibility: { method: !compact, status: !compact } },
  });

  const cursorIndex = useMemo(
    () => (cursorTid === null ? -1 : rows.findIndex((r) => r.tid === cursorTid)),
    [rows, cursorTid],
  );
  useEffect(() => {
    if (cursorIndex >= 0) virtual.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtual]);

  const tableRows = table.getRowModel().rows;
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtual.getTotalSize() - items[items.length - 1]!.end : 0;
  const metaOf = (m: unknown) => m as Meta;

  return (
    <div className="queue-scroller" ref={scroller}>
      <table className="grid queue" aria-label="Payout queue" aria-rowcount={rows.length}>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col
              key={c.id}
              style={{ width: (compact && metaOf(c.columnDef.meta).compactWidth) || metaOf(c.columnDef.meta).width }}
            />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const meta = metaOf(h.column.columnDef.meta);
                const sorted =
                  meta.sortKey && sort.column === meta.sortKey ? (sort.desc ? 'descending' : 'ascending') : undefined;
                return (
                  <th key={h.id} className={meta.className} aria-sort={sorted ?? (meta.sortKey ? 'none' : undefined)}>
                    {meta.sortKey ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => payoutsActions.sortBy(meta.sortKey!)}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true">
                          {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={table.getVisibleLeafColumns().length} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = tableRows[item.index - first];
            if (!row) return null;
            const r = row.original;
            const classes = ['queue-row'];
            if (r.tid === cursorTid) classes.push('cursor');
            if (selected.has(r.tid)) classes.push('selected');
            if (r.journalState === 'unknown') classes.push('outcome-unknown');
            if (inFlight.has(r.tid)) classes.push('in-flight');
            return (
              <tr
                key={row.id}
                className={classes.join(' ')}
                data-tid={r.tid}
                aria-selected={r.tid === cursorTid}
                aria-rowindex={item.index + 2}
                onClick={() => payoutsActions.setCursor(r.tid)}
                onDoubleClick={() => void payoutsActions.openDetail(r.tid)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={metaOf(cell.column.columnDef.meta).className}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={table.getVisibleLeafColumns().length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});
