import { useEffect, useMemo, useState } from 'react';
import type { FilterProblems, RowCompare } from './queue-filter';
import { findRow, type QueueRow, type QueueSortState } from './queue-row';
import { createQueueView } from './queue-view';

/**
 * What a queue screen shows of its rows: sorted and filtered by a view that follows each page and live change by
 * itself (so the rest of a queue arriving costs little and a keystroke re-filters once, at once, in the same render),
 * the currencies present, the cursor's row and the selection's rows.
 */
export function useQueueRows<Row extends QueueRow, Filter extends { text: string }, Sort extends QueueSortState>({
  rows,
  filter,
  sort,
  cursorTid,
  selected,
  compareRows,
  filterRows,
  searchKeyOf,
  setVisibleRows,
}: {
  rows: Row[];
  filter: Filter;
  sort: Sort;
  cursorTid: number | null;
  selected: ReadonlySet<number>;
  /** The order a sort stands for. */
  compareRows(sort: Sort): RowCompare<Row>;
  /** Must be stable between renders unless what it filters by changed (the clock, thresholds). */
  filterRows(rows: readonly Row[], filter: Filter): { rows: Row[]; problems: FilterProblems };
  /** The lower-cased text the search box matches in a row (stable). */
  searchKeyOf(row: Row): string;
  setVisibleRows(rows: readonly Row[]): void;
}): {
  visible: readonly Row[];
  problems: FilterProblems;
  currencies: readonly string[];
  cursorRow: Row | null;
  selectedRows: Row[];
} {
  const [view] = useState(() => createQueueView<Row, Filter>());
  const compare = useMemo(() => compareRows(sort), [compareRows, sort]);
  const { visible, problems, currencies } = useMemo(
    () => view({ rows, filter, compare, filterRows, searchKeyOf }),
    [view, rows, filter, compare, filterRows, searchKeyOf],
  );
  useEffect(() => setVisibleRows(visible), [visible, setVisibleRows]);
  const cursorRow = useMemo(() => findRow(rows, cursorTid), [rows, cursorTid]);
  const selectedRows = useMemo(() => (selected.size ? rows.filter((r) => selected.has(r.tid)) : []), [rows, selected]);
  return { visible, problems, currencies, cursorRow, selectedRows };
}
