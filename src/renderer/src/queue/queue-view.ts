import type { FilterProblems, RowCompare } from './queue-filter';
import type { QueueRow } from './queue-row';
import { deltasBetween } from './rows-delta';

/** What a queue view is computed from; functions are compared by identity, so keep them stable. */
export interface QueueViewInput<Row, Filter> {
  rows: readonly Row[];
  filter: Filter;
  compare: RowCompare<Row>;
  filterRows(rows: readonly Row[], filter: Filter): { rows: Row[]; problems: FilterProblems };
}

export interface QueueView<Row> {
  /** Every row in the sort order. */
  sorted: readonly Row[];
  /** The rows the filter lets through, in the sort order. */
  visible: readonly Row[];
  problems: FilterProblems;
  /** The currencies present, sorted. */
  currencies: readonly string[];
}

/** Merges sorted `extra` into sorted `into`: a binary search per extra row and one copy, no full sort. */
export function mergeSorted<Row>(into: readonly Row[], extra: readonly Row[], compare: RowCompare<Row>): Row[] {
  const out = new Array<Row>(into.length + extra.length);
  let from = 0;
  let k = 0;
  for (const row of extra) {
    let lo = from;
    let hi = into.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(into[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    while (from < lo) out[k++] = into[from++]!;
    out[k++] = row;
  }
  while (from < into.length) out[k++] = into[from++]!;
  return out;
}

const searchText = (f: { text: string }) => f.text.trim().toLowerCase();

/**
 * The new filter only adds letters to the search text (typing on): its rows are among the old filter's rows, so
 * only those need testing. Every other field must be the same.
 */
function narrowsSearch(before: { text: string }, after: { text: string }): boolean {
  if (!searchText(after).includes(searchText(before))) return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'text') continue;
    if ((before as Record<string, unknown>)[key] !== (after as Record<string, unknown>)[key]) return false;
  }
  return true;
}

const withoutTids = <Row extends QueueRow>(rows: readonly Row[], tids: ReadonlySet<number>): readonly Row[] =>
  tids.size === 0 ? rows : rows.filter((r) => !tids.has(r.tid));

/**
 * A queue's sorted and filtered rows, kept between updates: a page or a live change is sorted, filtered and merged
 * in by itself, so only a new sort or filter goes over every row. Pure in its answers: any input gives the same view
 * as computing it from scratch.
 */
export function createQueueView<Row extends QueueRow, Filter extends { text: string }>() {
  let last: { input: QueueViewInput<Row, Filter>; view: QueueView<Row> } | null = null;
  // Rows per currency, so the currency list follows changes without a pass over every row.
  let currencyCounts = new Map<string, number>();

  const countCurrencies = (rows: readonly Row[], by: 1 | -1) => {
    for (const r of rows) currencyCounts.set(r.currency, (currencyCounts.get(r.currency) ?? 0) + by);
  };
  const currencyList = (before: readonly string[] | null): readonly string[] => {
    const now = [...currencyCounts].filter(([, n]) => n > 0).map(([c]) => c);
    now.sort();
    return before && before.length === now.length && before.every((c, i) => c === now[i]) ? before : now;
  };

  return function update(input: QueueViewInput<Row, Filter>): QueueView<Row> {
    const prev = last;
    if (
      prev &&
      prev.input.rows === input.rows &&
      prev.input.filter === input.filter &&
      prev.input.compare === input.compare &&
      prev.input.filterRows === input.filterRows
    )
      return prev.view;

    const chain = prev && prev.input.compare === input.compare ? deltasBetween(prev.input.rows, input.rows) : null;
    let view: QueueView<Row>;
    if (prev && chain) {
      const sameFilter = prev.input.filter === input.filter && prev.input.filterRows === input.filterRows;
      let { sorted, visible, problems } = prev.view;
      for (const delta of chain) {
        if (delta.dropped.size > 0) {
          countCurrencies(
            sorted.filter((r) => delta.dropped.has(r.tid)),
            -1,
          );
          sorted = withoutTids(sorted, delta.dropped);
          if (sameFilter) visible = withoutTids(visible, delta.dropped);
        }
        const added = [...delta.added].sort(input.compare);
        countCurrencies(added, 1);
        sorted = mergeSorted(sorted, added, input.compare);
        if (sameFilter) {
          const passed = input.filterRows(added, input.filter);
          visible = mergeSorted(visible, passed.rows, input.compare);
          problems = { ...passed.problems, ...problems };
        }
      }
      if (!sameFilter) {
        // Typing on narrows what is shown: test the rows shown now, not every row (the bounds did not change).
        const narrows =
          chain.length === 0 &&
          prev.input.filterRows === input.filterRows &&
          narrowsSearch(prev.input.filter, input.filter);
        if (narrows) visible = input.filterRows(visible, input.filter).rows;
        else ({ rows: visible, problems } = input.filterRows(sorted, input.filter));
      }
      view = { sorted, visible, problems, currencies: currencyList(prev.view.currencies) };
    } else {
      const sorted = prev && prev.input.rows === input.rows ? [...prev.view.sorted] : [...input.rows];
      sorted.sort(input.compare);
      currencyCounts = new Map();
      countCurrencies(sorted, 1);
      const filtered = input.filterRows(sorted, input.filter);
      view = {
        sorted,
        visible: filtered.rows,
        problems: filtered.problems,
        currencies: currencyList(prev?.view.currencies ?? null),
      };
    }
    last = { input, view };
    return view;
  };
}
