import { Fragment, memo, useEffect, useImperativeHandle, useMemo, useRef, type ReactNode, type Ref } from 'react';
import { fitColumns } from '../../queue/fit-columns';
import { auditColumnWidths } from './audit-column-widths';
import { LOCAL_ZONE } from '../../components/instant-text';
import { SpacerRow } from '../../queue/SpacerRow';
import { AuditKeysHint } from './AuditKeysHint';
import { useVirtualRows } from '../../queue/use-virtual-rows';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import type { AuditRowView } from '../../../../shared/audit';
import { auditActionWords } from '../../../../shared/audit-action-words';
import { auditColumns } from '../../../../shared/audit-columns';

// Ask for the next page while this many rows are still below the window.
const LOAD_AHEAD = 100;

// Widths fit a 1280-pixel window beside the navigation; Outcome takes what is left. Every cell's full text is its title.
// In a narrower window the columns that give way (lowest first; the row's detail shows them) make room for Outcome;
// a wider one shares its room among the columns whose text is cut first (`grows`).
// A column empty in every row loaded keeps only its header's width (`emptyWidth`), and its room goes to the others.
const COLUMNS = [
  { key: 'seq', label: 'Row', width: 52, givesWay: 4, grows: 0 },
  { key: 'time', label: 'Time', width: 158, grows: 0 },
  { key: 'operator', label: 'Operator', width: 90, grows: 2 },
  { key: 'action', label: 'Action', width: 138, grows: 0 },
  { key: 'item', label: 'Item', width: 76, grows: 0, emptyWidth: 52 },
  { key: 'amount', label: 'Amount', width: 150, grows: 0, emptyWidth: 80 },
  { key: 'reason', label: 'Reason', width: 110, givesWay: 3, grows: 2, emptyWidth: 76 },
  { key: 'note', label: 'Note', width: 100, givesWay: 2, grows: 2, emptyWidth: 60 },
  { key: 'praxisIds', label: 'Praxis ids', width: 110, givesWay: 1, grows: 0, emptyWidth: 96 },
  { key: 'outcome', label: 'Outcome', width: undefined, grows: 4 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
type FactKey = Exclude<ColumnKey, 'seq' | 'time' | 'operator' | 'action'>;
const MAY_BE_EMPTY = COLUMNS.flatMap((c) => ('emptyWidth' in c ? [c.key as FactKey] : []));

/** The columns that may be empty and are, in every row loaded so far. */
function emptyColumns(rows: readonly AuditRowView[]): Set<ColumnKey> {
  const empty = new Set<ColumnKey>(MAY_BE_EMPTY);
  for (const row of rows) {
    const c = auditColumns(row);
    for (const key of empty) if (c[key as FactKey]) empty.delete(key);
    if (empty.size === 0) break;
  }
  return empty;
}

/** The least Outcome keeps, its brief whole ("done · no money moved"): below it, columns give way rather than cut it. */
const OUTCOME_LEAST = 170;
const FIT_INPUT = COLUMNS.map((c) => ({
  id: c.key,
  meta: { width: c.width ?? OUTCOME_LEAST, givesWay: 'givesWay' in c ? c.givesWay : undefined },
}));

const two = (n: number) => String(n).padStart(2, '0');
/** Local time, sortable by eye and the same width on every row: 2026-12-05 02:59:12. */
function timeOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** One audit row's cells, the facts pulled from its details once; only the columns shown. */
const AuditRowCells = memo(function AuditRowCells({ row, shown }: { row: AuditRowView; shown: readonly ColumnKey[] }) {
  const c = auditColumns(row);
  const cells: Record<ColumnKey, ReactNode> = {
    seq: <td className="num mono">{row.seq}</td>,
    time: (
      <td className="mono" title={row.at}>
        {timeOf(row.at)}
      </td>
    ),
    operator: <td title={row.operator}>{row.operator}</td>,
    action: <td title={row.action}>{auditActionWords(row.action)}</td>,
    item: (
      <td className="mono" title={c.item}>
        {c.item}
      </td>
    ),
    amount: (
      <td className="num mono" title={c.amount}>
        {c.amount}
      </td>
    ),
    reason: <td title={c.reason}>{c.reason}</td>,
    note: <td title={c.note}>{c.note}</td>,
    praxisIds: (
      <td className="mono" title={c.praxisIds}>
        {c.praxisIds}
      </td>
    ),
    // The brief reads whole in the narrowest column; the hover text, the detail and the CSV have it all.
    outcome: <td title={c.outcome}>{c.outcomeBrief}</td>,
  };
  return (
    <>
      {shown.map((key) => (
        <Fragment key={key}>{cells[key]}</Fragment>
      ))}
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
  const { scroller, items, padTop, padBottom, width } = useVirtualRows(rows.length, selectedIndex, 'center');
  const empty = useMemo(() => emptyColumns(rows), [rows]);
  const columns = useMemo(() => {
    const { visible } = fitColumns(FIT_INPUT, { compact: false, anyClaimed: false, width, fixedWidth: 0 });
    const shown = COLUMNS.filter((c) => visible[c.key]).map((c) =>
      'emptyWidth' in c && empty.has(c.key) ? { ...c, width: c.emptyWidth, grows: 0 } : c,
    );
    const widths = auditColumnWidths(shown, width, OUTCOME_LEAST);
    return shown.map((c) => ({ ...c, width: widths.get(c.key) }));
  }, [width, empty]);
  const shown = useMemo(() => columns.map((c) => c.key), [columns]);
  const hidden = COLUMNS.filter((c) => !shown.includes(c.key)).map((c) => c.label);
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
  /** Does what `key` does in the log; false when it does nothing here. */
  const act = (key: string): boolean => {
    if (key === 'Enter' && selectedSeq !== null && selectedIndex >= 0) {
      onOpen(selectedSeq, true);
      return true;
    }
    if (key === 'Escape' && detailOpen) {
      onClose();
      return true;
    }
    const step = MOVES[key] ?? 0;
    if (!step || rows.length === 0) return false;
    const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + step));
    focusPending.current = true;
    onSelect(rows[next]!.seq);
    return true;
  };
  // On arrival the frame focuses the screen, not the log: J/K, Enter and Esc work from there too, as in the queues.
  useShortcuts({ j: () => act('j'), k: () => act('k'), enter: () => act('Enter'), escape: () => act('Escape') });
  const selectedDrawn = selectedIndex >= 0 && items.some((i) => i.index === selectedIndex);

  return (
    <>
      <AuditKeysHint hidden={hidden} />
      <div
        className="queue-scroller audit-scroller"
        ref={scroller}
        tabIndex={selectedDrawn ? -1 : 0}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (act(e.key)) e.preventDefault();
        }}
      >
        <table className="grid queue" aria-label="Audit log" aria-rowcount={rows.length + 1}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} className={c.key === 'seq' || c.key === 'amount' ? 'num' : undefined}>
                  {c.key === 'time' ? `Time (${LOCAL_ZONE})` : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={padTop} span={columns.length} />
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
                  <AuditRowCells row={row} shown={shown} />
                </tr>
              );
            })}
            <SpacerRow height={padBottom} span={columns.length} />
          </tbody>
        </table>
      </div>
    </>
  );
}
