import { keepRows, type FilterProblems, type RowCompare } from './queue-filter';
import type { QueueRow } from './queue-row';
import { deltasBetween } from './rows-delta';

/** What a queue view is computed from; functions are compared by identity, so keep them stable. */
export interface QueueViewInput<Row, Filter> {
  rows: readonly Row[];
  filter: Filter;
  compare: RowCompare<Row>;
  filterRows(rows: readonly Row[], filter: Filter): { rows: Row[]; problems: FilterProblems };
  /** The lower-cased text the search box matches in a row, as filterRows tests it. */
  searchKeyOf(row: Row): string;
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

/** Search keys beside rows, index for index: `into`'s and `extra`'s in, the merged rows' out. */
interface KeysBeside {
  into: readonly string[];
  extra: readonly string[];
  out: string[];
}

/**
 * Merges sorted `extra` into sorted `into`: a binary search per extra row and one copy, no full sort. With `keys`,
 * the rows' search keys are merged beside them into `keys.out`.
 */
export function mergeSorted<Row>(
  into: readonly Row[],
  extra: readonly Row[],
  compare: RowCompare<Row>,
  keys?: KeysBeside,
): Row[] {
  const out = new Array<Row>(into.length + extra.length);
  let from = 0;
  let k = 0;
  for (let e = 0; e < extra.length; e++) {
    const row = extra[e]!;
    let lo = from;
    let hi = into.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(into[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (; from < lo; from++, k++) {
      out[k] = into[from]!;
      if (keys) keys.out[k] = keys.into[from]!;
    }
    if (keys) keys.out[k] = keys.extra[e]!;
    out[k++] = row;
  }
  for (; from < into.length; from++, k++) {
    out[k] = into[from]!;
    if (keys) keys.out[k] = keys.into[from]!;
  }
  return out;
}

const searchText = (f: { text: string }) => f.text.trim().toLowerCase();

/**
 * The new filter only adds letters to the search text (typing on): its rows are among the old filter's rows, so
 * only those need testing. Every other field must be the same.
 */
function narrowsSearch(before: { text: string }, after: { text: string }): boolean {
  return searchText(after).includes(searchText(before)) && sameButText(before, after);
}

/** Every filter field but the search text is the same. */
function sameButText(before: { text: string }, after: { text: string }): boolean {
  if (before === after) return true;
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
 * Every row in the sort order with its search key beside it: a search that is not only typing on scans these strings
 * instead of looking up 100,000 keys one by one (several times faster), and then tests the other fields on the hits.
 */
interface KeyedRows<Row> {
  rows: readonly Row[];
  keys: readonly string[];
}

function keyedWithout<Row extends QueueRow>(keyed: KeyedRows<Row>, tids: ReadonlySet<number>): KeyedRows<Row> {
  if (tids.size === 0) return keyed;
  const rows: Row[] = [];
  const keys: string[] = [];
  keyed.rows.forEach((r, i) => {
    if (tids.has(r.tid)) return;
    rows.push(r);
    keys.push(keyed.keys[i]!);
  });
  return { rows, keys };
}

/** The filter's rows among `keyed`, in its order: the search text over the keys, then every other field. */
function filterKeyed<Row extends QueueRow, Filter extends { text: string }>(
  keyed: KeyedRows<Row>,
  input: QueueViewInput<Row, Filter>,
): { rows: Row[]; problems: FilterProblems } {
  const text = searchText(input.filter);
  const { rows, keys } = keyed;
  const hits = keepRows(rows, (_, i) => keys[i]!.includes(text));
  return input.filterRows(hits, { ...input.filter, text: '' });
}

/** How many recent searches' rows a view keeps (each up to one array of every row). */
const RECENT_SEARCHES = 8;

/** Amount bounds name the currencies they do not fit among the rows tested (problems): a search first tests fewer. */
const boundsAmounts = (f: { text: string }) =>
  Object.entries(f).some(([k, v]) => (k === 'minAmount' || k === 'maxAmount') && String(v).trim() !== '');

/**
 * A queue's sorted and filtered rows, kept between updates: a page or a live change is sorted, filtered and merged
 * in by itself, so only a new sort or filter goes over every row. Pure in its answers: any input gives the same view
 * as computing it from scratch.
 */
export function createQueueView<Row extends QueueRow, Filter extends { text: string }>() {
  let last: { input: QueueViewInput<Row, Filter>; view: QueueView<Row> } | null = null;
  // Rows per currency, so the currency list follows changes without a pass over every row.
  let currencyCounts = new Map<string, number>();
  // The sorted rows' search keys, built at the first search and then kept beside them through pages and changes.
  let keyed: KeyedRows<Row> | null = null;
  // Recent search texts' rows over these sorted rows and the same other fields: Backspace back to a text typed a
  // moment ago shows its rows at once instead of searching every row again. Dropped when the rows or fields change.
  let searches: {
    sorted: readonly Row[];
    filter: Filter;
    filterRows: QueueViewInput<Row, Filter>['filterRows'];
    byText: Map<string, { visible: readonly Row[]; problems: FilterProblems }>;
  } | null = null;
  const searchesFor = (
    sorted: readonly Row[],
    filter: Filter,
    filterRows: QueueViewInput<Row, Filter>['filterRows'],
  ) =>
    searches && searches.sorted === sorted && searches.filterRows === filterRows && sameButText(searches.filter, filter)
      ? searches
      : null;
  const rememberSearch = (
    sorted: readonly Row[],
    filter: Filter,
    filterRows: QueueViewInput<Row, Filter>['filterRows'],
    found: { visible: readonly Row[]; problems: FilterProblems },
  ) => {
    searches = searchesFor(sorted, filter, filterRows) ?? { sorted, filter, filterRows, byText: new Map() };
    const text = searchText(filter);
    searches.byText.delete(text);
    searches.byText.set(text, found);
    if (searches.byText.size > RECENT_SEARCHES) searches.byText.delete(searches.byText.keys().next().value!);
  };

  const countCurrencies = (rows: readonly Row[], by: 1 | -1) => {
    for (const r of rows) currencyCounts.set(r.currency, (currencyCounts.get(r.currency) ?? 0) + by);
  };
  const currencyList = (before: readonly string[] | null): readonly string[] => {
    const now = [...currencyCounts].filter(([, n]) => n > 0).map(([c]) => c);
    now.sort();
    return before && before.length === now.length && before.every((c, i) => c === now[i]) ? before : now;
  };
  const keyedRows = (sorted: readonly Row[], input: QueueViewInput<Row, Filter>): KeyedRows<Row> => {
    if (keyed?.rows !== sorted) keyed = { rows: sorted, keys: sorted.map(input.searchKeyOf) };
    return keyed;
  };
  /** Every sorted row through the filter: by the keys when there is search text. */
  const filterAll = (sorted: readonly Row[], input: QueueViewInput<Row, Filter>) =>
    searchText(input.filter) && !boundsAmounts(input.filter)
      ? filterKeyed(keyedRows(sorted, input), input)
      : input.filterRows(sorted, input.filter);

  return function update(input: QueueViewInput<Row, Filter>): QueueView<Row> {
    const prev = last;
    if (
      prev &&
      prev.input.rows === input.rows &&
      prev.input.filter === input.filter &&
      prev.input.compare === input.compare &&
      prev.input.filterRows === input.filterRows &&
      prev.input.searchKeyOf === input.searchKeyOf
    )
      return prev.view;

    const chain = prev && prev.input.compare === input.compare ? deltasBetween(prev.input.rows, input.rows) : null;
    if (prev?.input.searchKeyOf !== input.searchKeyOf) keyed = null;
    let view: QueueView<Row>;
    if (prev && chain) {
      const sameFilter = prev.input.filter === input.filter && prev.input.filterRows === input.filterRows;
      let { sorted, visible, problems } = prev.view;
      let keys = keyed?.rows === sorted ? keyed : null;
      for (const delta of chain) {
        if (delta.dropped.size > 0) {
          countCurrencies(
            sorted.filter((r) => delta.dropped.has(r.tid)),
            -1,
          );
          if (keys) {
            keys = keyedWithout(keys, delta.dropped);
            sorted = keys.rows;
          } else sorted = withoutTids(sorted, delta.dropped);
          if (sameFilter) visible = withoutTids(visible, delta.dropped);
        }
        const added = [...delta.added].sort(input.compare);
        countCurrencies(added, 1);
        if (keys) {
          const out: string[] = [];
          sorted = mergeSorted(sorted, added, input.compare, {
            into: keys.keys,
            extra: added.map(input.searchKeyOf),
            out,
          });
          keys = { rows: sorted, keys: out };
        } else sorted = mergeSorted(sorted, added, input.compare);
        if (sameFilter) {
          const passed = input.filterRows(added, input.filter);
          visible = mergeSorted(visible, passed.rows, input.compare);
          problems = { ...passed.problems, ...problems };
        }
      }
      keyed = keys;
      if (!sameFilter) {
        if (chain.length === 0) rememberSearch(sorted, prev.input.filter, prev.input.filterRows, { visible, problems });
        const recent = searchesFor(sorted, input.filter, input.filterRows)?.byText.get(searchText(input.filter));
        // Typing on narrows what is shown: test the rows shown now, not every row (the bounds did not change),
        // unless they are most rows and their keys are at hand.
        const narrows =
          chain.length === 0 &&
          prev.input.filterRows === input.filterRows &&
          narrowsSearch(prev.input.filter, input.filter);
        if (recent) ({ visible, problems } = recent);
        else if (narrows && !(keyed && visible.length * 3 >= sorted.length))
          visible = input.filterRows(visible, input.filter).rows;
        else if (narrows) visible = filterKeyed(keyedRows(sorted, input), input).rows;
        else ({ rows: visible, problems } = filterAll(sorted, input));
        rememberSearch(sorted, input.filter, input.filterRows, { visible, problems });
      }
      view = { sorted, visible, problems, currencies: currencyList(prev.view.currencies) };
    } else {
      const sorted = prev && prev.input.rows === input.rows ? [...prev.view.sorted] : [...input.rows];
      sorted.sort(input.compare);
      currencyCounts = new Map();
      countCurrencies(sorted, 1);
      const filtered = filterAll(sorted, input);
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
