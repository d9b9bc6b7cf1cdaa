import { memo, useEffect, useMemo } from 'react';
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

/** The audit log, newest first: only the rows on screen are in the DOM; scrolling near the end loads older rows. */
export function AuditTable({
  rows,
  selectedSeq,
  brokenSeq,
  onSelect,
  onNeedMore,
}: {
  rows: readonly AuditRowView[];
  selectedSeq: number | null;
  brokenSeq: number | null;
  onSelect(seq: number): void;
  onNeedMore(): void;
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

  return (
    // Focusable so the keyboard scrolls it; J/K or the arrow keys move the selected row.
    <div
      className="queue-scroller audit-scroller"
      ref={scroller}
      tabIndex={0}
      onKeyDown={(e) => {
        const step = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
        if (!step || rows.length === 0) return;
        e.preventDefault();
        const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + step));
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
            const classes = ['queue-row'];
            if (row.seq === selectedSeq) classes.push('cursor');
            if (row.seq === brokenSeq) classes.push('audit-broken');
            return (
              <tr
                key={row.seq}
                className={classes.join(' ')}
                aria-selected={row.seq === selectedSeq}
                aria-rowindex={item.index + 2}
                onClick={() => onSelect(row.seq)}
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
