import { memo, useMemo } from 'react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Row as TableRow,
} from '@tanstack/react-table';
import { SpacerRow } from './SpacerRow';
import { useVirtualRows } from './use-virtual-rows';
import type { QueueNavigation } from './create-queue-store';
import { fitColumns, type QueueColumnMeta } from './fit-columns';
import { claimText, type QueueRow, type QueueSortState } from './queue-row';

export type { QueueColumnMeta };

export type QueueColumn<Row> = ColumnDef<Row> & { id: string; meta: QueueColumnMeta };

interface Props<Row extends QueueRow> {
  /** The table's accessible name ("Payout queue", "Capture queue"). */
  label: string;
  rows: readonly Row[];
  /** The screen's columns; the selection checkbox comes first on its own. */
  columns: QueueColumn<Row>[];
  sort: QueueSortState;
  nav: QueueNavigation;
  cursorTid: number | null;
  selected: ReadonlySet<number>;
  inFlight: ReadonlySet<number>;
  compact: boolean;
}

const SELECT_WIDTH = 36;

function selectColumn<Row extends QueueRow>(selected: ReadonlySet<number>, nav: QueueNavigation): QueueColumn<Row> {
  return {
    id: 'select',
    header: () => <span className="visually-hidden">Selected</span>,
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.tid}`}
        checked={selected.has(row.original.tid)}
        onChange={() => nav.toggleSelected(row.original.tid)}
        onClick={(e) => e.stopPropagation()}
      />
    ),
    meta: { className: 'select-cell', width: SELECT_WIDTH },
  };
}

const metaOf = (m: unknown) => m as QueueColumnMeta;

/** Someone (here or at another desk) is acting on the row's item right now. */
const isClaimed = (r: QueueRow) => r.claimedBy !== null && r.journalState === 'sending';

interface RowProps<Row extends QueueRow> {
  /** TanStack's row: a new object each render, so it is not compared; its item (`row.original`) is. */
  row: TableRow<Row>;
  rowIndex: number;
  cursor: boolean;
  selected: boolean;
  inFlight: boolean;
  /** The cells' renderers and which columns show: a change redraws every row. */
  columns: readonly ColumnDef<Row>[];
  visibility: Record<string, boolean>;
  nav: QueueNavigation;
}

/** One item's row. */
function QueueTableRowOf<Row extends QueueRow>({ row, rowIndex, cursor, selected, inFlight, nav }: RowProps<Row>) {
  const r = row.original;
  const classes = ['queue-row'];
  if (cursor) classes.push('cursor');
  if (selected) classes.push('selected');
  if (r.journalState === 'unknown') classes.push('outcome-unknown');
  if (inFlight) classes.push('in-flight');
  if (isClaimed(r)) classes.push('claimed');
  return (
    <tr
      className={classes.join(' ')}
      aria-selected={cursor}
      aria-rowindex={rowIndex + 2}
      aria-description={isClaimed(r) ? claimText(r.claimedBy!) : undefined}
      onClick={() => nav.setCursor(r.tid)}
      onDoubleClick={() => void nav.openDetail(r.tid)}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={metaOf(cell.column.columnDef.meta).className}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}

/** The same columns shown: a new fit (the scroller measured again) that shows the same ones redraws no row. */
const sameVisibility = (a: Record<string, boolean>, b: Record<string, boolean>) =>
  a === b || Object.keys(a).every((id) => a[id] === b[id]);

/**
 * A row is drawn again only when what it shows changed: a page arriving or a keystroke that keeps a row on screen
 * leaves it as it is instead of rebuilding its cells.
 */
const QueueTableRow = memo(
  QueueTableRowOf,
  (a, b) =>
    a.row.original === b.row.original &&
    a.rowIndex === b.rowIndex &&
    a.cursor === b.cursor &&
    a.selected === b.selected &&
    a.inFlight === b.inFlight &&
    a.columns === b.columns &&
    sameVisibility(a.visibility, b.visibility) &&
    a.nav === b.nav,
) as typeof QueueTableRowOf;

/** A queue: TanStack Table for the columns, TanStack Virtual so only the rows on screen are in the DOM. */
function QueueTableOf<Row extends QueueRow>({
  label,
  rows,
  columns,
  sort,
  nav,
  cursorTid,
  selected,
  inFlight,
  compact,
}: Props<Row>) {
  const allColumns = useMemo(
    () => [selectColumn<Row>(selected, nav), ...columns] as ColumnDef<Row>[],
    [selected, nav, columns],
  );
  const cursorIndex = useMemo(
    () => (cursorTid === null ? -1 : rows.findIndex((r) => r.tid === cursorTid)),
    [rows, cursorTid],
  );
  const { scroller, items, padTop, padBottom, width } = useVirtualRows(rows.length, cursorIndex);
  // Only beside the detail pane does a claim keep a column; a pass over 100,000 rows per page is not needed otherwise.
  const anyClaimed = useMemo(() => compact && rows.some(isClaimed), [rows, compact]);
  const { visible: visibility, widths } = useMemo(
    () => fitColumns(columns, { compact, anyClaimed, width, fixedWidth: SELECT_WIDTH }),
    [columns, compact, anyClaimed, width],
  );
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1]!.index + 1 : 0;
  // The table models only the rows on screen, so a filter over 100,000 rows does not build 100,000 row objects.
  const windowRows = useMemo(() => rows.slice(first, last), [rows, first, last]);
  const table = useReactTable({
    data: windowRows,
    columns: allColumns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    getRowId: (r) => String(r.tid),
    state: { columnVisibility: visibility },
  });

  const tableRows = table.getRowModel().rows;
  const span = table.getVisibleLeafColumns().length;

  return (
    <div className="queue-scroller" ref={scroller}>
      <table className="grid queue" aria-label={label} aria-rowcount={rows.length}>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col
              key={c.id}
              style={{
                width: widths[c.id] ?? metaOf(c.columnDef.meta).width,
              }}
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
                      <button type="button" className="sort-button" onClick={() => nav.sortBy(meta.sortKey!)}>
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
          <SpacerRow height={padTop} span={span} />
          {items.map((item) => {
            const row = tableRows[item.index - first];
            if (!row) return null;
            const tid = row.original.tid;
            return (
              <QueueTableRow
                key={row.id}
                row={row}
                rowIndex={item.index}
                cursor={tid === cursorTid}
                selected={selected.has(tid)}
                inFlight={inFlight.has(tid)}
                columns={allColumns}
                visibility={visibility}
                nav={nav}
              />
            );
          })}
          <SpacerRow height={padBottom} span={span} />
        </tbody>
      </table>
    </div>
  );
}

export const QueueTable = memo(QueueTableOf) as typeof QueueTableOf;
