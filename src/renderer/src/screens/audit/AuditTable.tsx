import { memo, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { SpacerRow } from '../../queue/SpacerRow';
import { useVirtualRows } from '../../queue/use-virtual-rows';
import type { AuditRowView } from '../../../../shared/audit';
import { auditColumns } from '../../../../shared/audit-columns';

// Ask for the next page while this many rows are still below the window.
const LOAD_AHEAD = 100;

// Widths fit a 1280-pixel window beside the navigation; Outcome takes what is left. Every cell's full text is its title.
const COLUMNS = [
  { key: 'seq', label: 'Row', width: 52 },
  { key: 'time', label: 'Time', width: 158 },
  { key: 'operator', label: 'Operator', width: 90 },
  { key: 'action', label: 'Action', width: 138 },
  { key: 'item', label: 'Item', width: 76 },
  { key: 'amount', label: 'Amount', width: 100 },
  { key: 'reason', label: 'Reason', width: 110 },
  { key: 'note', label: 'Note', width: 100 },
  { key: 'praxisIds', label: 'Praxis ids', width: 110 },
  { key: 'outcome', label: 'Outcome', width: undefined },
] as const;

const two = (n: number) => String(n).padStart(2, '0');
/** Local time, sortable by eye and the same width on every row: 2026-12-05 02:59:12. */
function timeOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** One audit row's cells, the facts pulled from its details once. */
const AuditRowCells = memo(function AuditRowCells({ row }: { row: AuditRowView }) {
  const c = auditColumns(row);
  return (
    <>
      <td className="num mono">{row.seq}</td>
      <td className="mono" title={row.at}>
        {timeOf(row.at)}
      </td>
      <td title={row.operator}>{row.operator}</td>
      <td className="mono" title={row.action}>
        {row.action}
      </td>
      <td className="mono" title={c.item}>
        {c.item}
      </td>
      <td className="num mono">{c.amount}</td>
      <td title={c.reason}>{c.reason}</td>
      <td title={c.note}>{c.note}</td>
      <td className="mono" title={c.praxisIds}>
        {c.praxisIds}
      </td>
      <td title={c.outcome}>{c.outcome}</td>
    </>
  );
});

/** What the screen asks of the log: the focus back on the selected row (the detail was closed). */
export interface AuditTableHandle {
  focusSelectedRow(): void;
}

const MOVES: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

/**
 * The audit log, newest first: only the rows on screen are in the DOM; scrolling near the end loads older rows.
 * The selected row is the log's stop in the tab order (the scroller itself while none is drawn): J/K or the arrows move
 * the selection and the focus with it, Enter opens the row's detail, Esc closes it.
 */
export function AuditTable({
  rows,
  selectedSeq,
  brokenSeq,
  detailOpen,
  onSelect,
  onOpen,
  onClose,
  onNeedMore,
  ref,
}: {
  rows: readonly AuditRowView[];
  selectedSeq: number | null;
  brokenSeq: number | null;
  detailOpen: boolean;
  onSelect(seq: number): void;
  /** Opens the row's detail; `byKey`: with Enter, so the focus goes into it. */
  onOpen(seq: number, byKey: boolean): void;
  onClose(): void;
  onNeedMore(): void;
  ref?: Ref<AuditTableHandle>;
}) {
  const selectedIndex = useMemo(
    () => (selectedSeq === null ? -1 : rows.findIndex((r) => r.seq === selectedSeq)),
    [rows, selectedSeq],
  );
  const { scroller, items, padTop, padBottom } = useVirtualRows(rows.length, selectedIndex, 'center');
  const lastIndex = items.length ? items[items.length - 1]!.index : 0;
  useEffect(() => {
    if (rows.length > 0 && lastIndex >= rows.length - LOAD_AHEAD) onNeedMore();
  }, [lastIndex, rows.length, onNeedMore]);

  // A key moved the selection: the focus follows once the row is drawn (scrolling to it may take a render).
  const focusPending = useRef(false);
  const selectedRow = () => scroller.current?.querySelector<HTMLTableRowElement>('tr[aria-selected="true"]') ?? null;
  useEffect(() => {
    if (!focusPending.current) return;
    const row = selectedRow();
    if (!row) return;
    focusPending.current = false;
    row.focus();
  });
  useImperativeHandle(ref, () => ({
    focusSelectedRow() {
      focusPending.current = true;
      const row = selectedRow();
      if (row) {
        focusPending.current = false;
        row.focus();
      }
    },
  }));
  const selectedDrawn = selectedIndex >= 0 && items.some((i) => i.index === selectedIndex);

  return (
    <div
      className="queue-scroller audit-scroller"
      ref={scroller}
      tabIndex={selectedDrawn ? -1 : 0}
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'Enter' && selectedSeq !== null && selectedIndex >= 0) {
          e.preventDefault();
          onOpen(selectedSeq, true);
          return;
        }
        if (e.key === 'Escape' && detailOpen) {
          e.preventDefault();
          onClose();
          return;
        }
        const step = MOVES[e.key] ?? 0;
        if (!step || rows.length === 0) return;
        e.preventDefault();
        const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + step));
        focusPending.current = true;
        onSelect(rows[next]!.seq);
      }}
    >
      <table className="grid queue" aria-label="Audit log" aria-rowcount={rows.length + 1}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} className={c.key === 'seq' || c.key === 'amount' ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={padTop} span={COLUMNS.length} />
          {items.map((item) => {
            const row = rows[item.index]!;
            const selected = row.seq === selectedSeq;
            const classes = ['queue-row'];
            if (selected) classes.push('cursor');
            if (row.seq === brokenSeq) classes.push('audit-broken');
            return (
              <tr
                key={row.seq}
                className={classes.join(' ')}
                aria-selected={selected}
                aria-rowindex={item.index + 2}
                tabIndex={selected ? 0 : -1}
                onClick={() => onOpen(row.seq, false)}
              >
                <AuditRowCells row={row} />
              </tr>
            );
          })}
          <SpacerRow height={padBottom} span={COLUMNS.length} />
        </tbody>
      </table>
    </div>
  );
}
