import { useDeferredValue, useEffect, useMemo } from 'react';
import type { FilterProblems } from './queue-filter';
import { findRow, type QueueRow, type QueueSortState } from './queue-row';

/**
 * What a queue screen shows of its rows: sorted once per data or sort change, then filtered by the deferred filter
 * (typing stays responsive; filtering keeps order), the currencies present, the cursor's row and the selection's rows.
 */
export function useQueueRows<Row extends QueueRow, Filter, Sort extends QueueSortState>({
  rows,
  filter,
  sort,
  cursorTid,
  selected,
  sortRows,
  filterRows,
  setVisibleRows,
}: {
  rows: Row[];
  filter: Filter;
  sort: Sort;
  cursorTid: number | null;
  selected: ReadonlySet<number>;
  sortRows(rows: readonly Row[], sort: Sort): Row[];
  /** Must be stable between renders unless what it filters by changed (the clock, thresholds). */
  filterRows(rows: readonly Row[], filter: Filter): { rows: Row[]; problems: FilterProblems };
  setVisibleRows(rows: readonly Row[]): void;
}) {
  const deferredFilter = useDeferredValue(filter);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort, sortRows]);
  const filtered = useMemo(() => filterRows(sorted, deferredFilter), [sorted, deferredFilter, filterRows]);
  const visible = filtered.rows;
  useEffect(() => setVisibleRows(visible), [visible, setVisibleRows]);
  const currencies = useMemo(() => [...new Set(rows.map((r) => r.currency))].sort(), [rows]);
  const cursorRow = useMemo(() => findRow(rows, cursorTid), [rows, cursorTid]);
  const selectedRows = useMemo(() => (selected.size ? rows.filter((r) => selected.has(r.tid)) : []), [rows, selected]);
  return { visible, problems: filtered.problems, currencies, cursorRow, selectedRows };
}
