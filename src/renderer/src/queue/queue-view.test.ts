import { describe, expect, it } from 'vitest';
import type { PayoutRow } from '../../../shared/payouts';
import { belongsInQueue } from '../stores/payouts';
import {
  compareRows,
  EMPTY_FILTER,
  filterRows,
  payoutSearchKey,
  type QueueFilter,
  type QueueSort,
} from '../stores/payouts-filter';
import { appendPage, mergeRows } from './merge-rows';
import { createQueueView } from './queue-view';
import { deltasBetween } from './rows-delta';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const SLA = { slaWarnMinutes: 30, slaLateMinutes: 120 };
const CURRENCIES = ['EUR', 'GBP', 'JPY', 'KWD'];

// A fixed pseudo-random sequence, so a failure repeats.
let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

function row(tid: number, over: Partial<PayoutRow> = {}): PayoutRow {
  const amountMinor = 100 + rand(100_000);
  return {
    tid,
    cid: `cust-${rand(50)}`,
    customerName: ['Ann Lee', 'Ben Ng', null][rand(3)]!,
    country: 'DE',
    amountMinor,
    remainingMinor: amountMinor,
    currency: CURRENCIES[rand(CURRENCIES.length)]!,
    paymentMethod: ['Visa', 'Credit Card'][rand(2)]!,
    destination: null,
    gateway: null,
    status: ['requested', 'verification'][rand(2)]!,
    createdAt: new Date(NOW - rand(300) * 60_000).toISOString(),
    journalState: null,
    claimedBy: null,
    flags: rand(4) === 0 ? ['velocity'] : [],
    flagSeverity: {},
    needsSecondApproval: false,
    ...over,
  };
}

const filterShown = (rows: readonly PayoutRow[], f: QueueFilter) => filterRows(rows, f, NOW, SLA);

/** The view computed from nothing: what the screen must show whatever path the rows took. */
function fromScratch(rows: readonly PayoutRow[], filter: QueueFilter, sort: QueueSort) {
  const sorted = [...rows].sort(compareRows(sort));
  return {
    visible: filterShown(sorted, filter).rows.map((r) => r.tid),
    currencies: [...new Set(rows.map((r) => r.currency))].sort(),
  };
}

/** One queue view sorted by tid, as a screen keeps it: the tids it shows for rows and a search text. */
function searchByTid(): (rows: PayoutRow[], text: string) => number[] {
  const view = createQueueView<PayoutRow, QueueFilter>();
  const compare = compareRowsFor({ column: 'tid', desc: false });
  return (rows, text) =>
    view({
      rows,
      filter: { ...EMPTY_FILTER, text },
      compare,
      filterRows: filterShown,
      searchKeyOf: payoutSearchKey,
    }).visible.map((r) => r.tid);
}

describe('queue view followed page by page and change by change', () => {
  it('shows the same rows in the same order as sorting and filtering everything again', () => {
    const view = createQueueView<PayoutRow, QueueFilter>();
    const filters: QueueFilter[] = [
      EMPTY_FILTER,
      { ...EMPTY_FILTER, text: 'cust' },
      { ...EMPTY_FILTER, text: 'cust-' },
      { ...EMPTY_FILTER, text: 'cust-1' },
      { ...EMPTY_FILTER, text: 'cust-12' },
      { ...EMPTY_FILTER, text: 'ann', status: 'verification' },
      { ...EMPTY_FILTER, text: 'cust-1', minAmount: '10' },
      { ...EMPTY_FILTER, text: ' Cust-12 ' },
      { ...EMPTY_FILTER, text: 'cust-12', currency: 'EUR' },
      { ...EMPTY_FILTER, currency: 'JPY', minAmount: '10' },
      { ...EMPTY_FILTER, status: 'verification', flag: 'velocity' },
      { ...EMPTY_FILTER, age: 'late' },
    ];
    const sorts: QueueSort[] = [
      { column: 'age', desc: true },
      { column: 'amount', desc: false },
      { column: 'customer', desc: true },
    ];
    let nextTid = 1;
    let rows: PayoutRow[] = Array.from({ length: 50 }, () => row(nextTid++));
    let filter = filters[0]!;
    let sort = sorts[0]!;
    let changedLive = new Set<number>();
    for (let step = 0; step < 400; step++) {
      // A page, a live change, or neither; and, in the same render or not, a new filter or sort.
      const move = rand(3);
      if (move === 0) {
        // The next page, sometimes with a row a live change already brought in.
        const page = Array.from({ length: 1 + rand(40) }, () => row(nextTid++));
        if (rows.length && rand(3) === 0) page.push(rows[rand(rows.length)]!);
        rows = appendPage(rows, page, changedLive);
      } else if (move === 1) {
        // A live change: some rows change or leave the queue, some arrive.
        const tids = Array.from({ length: 1 + rand(5) }, () => (rand(4) === 0 ? nextTid++ : 1 + rand(nextTid)));
        const changed = tids.map((tid) => row(tid, { status: rand(3) === 0 ? 'approved' : 'requested' }));
        rows = mergeRows(rows, changed, tids, belongsInQueue).rows;
        changedLive = new Set([...changedLive, ...tids]);
      }
      if (rand(2) === 0) filter = filters[rand(filters.length)]!;
      if (rand(8) === 0) sort = sorts[rand(sorts.length)]!;

      const shown = view({
        rows,
        filter,
        compare: compareRowsFor(sort),
        filterRows: filterShown,
        searchKeyOf: payoutSearchKey,
      });
      const expected = fromScratch(rows, filter, sort);
      expect(shown.visible.map((r) => r.tid)).toEqual(expected.visible);
      expect(shown.currencies).toEqual(expected.currencies);
      expect(shown.sorted).toHaveLength(rows.length);
    }
  });

  it('follows pages and live changes by what they changed, so the rest of a queue arriving does not redo every row', () => {
    const first = [row(1), row(2)];
    const paged = appendPage(first, [row(3)]);
    const rows = mergeRows(paged, [row(2, { status: 'approved' }), row(4)], [2, 4], belongsInQueue).rows;
    expect(deltasBetween(first, rows)?.map((d) => [[...d.dropped], d.added.map((r) => r.tid)])).toEqual([
      [[], [3]],
      [[2], [4]],
    ]);
  });

  it('finds a row that arrived with the keystroke that narrowed the search, and drops one that left', () => {
    const view = createQueueView<PayoutRow, QueueFilter>();
    const compare = compareRowsFor({ column: 'age', desc: true });
    const first = [row(1, { cid: 'cust-12' }), row(2, { cid: 'cust-13' })];
    view({
      rows: first,
      filter: { ...EMPTY_FILTER, text: 'cust-1' },
      compare,
      filterRows: filterShown,
      searchKeyOf: payoutSearchKey,
    });
    const paged = appendPage(first, [row(3, { cid: 'cust-12' })]);
    const rows = mergeRows(paged, [row(1, { status: 'approved' })], [1], belongsInQueue).rows;
    const shown = view({
      rows,
      filter: { ...EMPTY_FILTER, text: 'cust-12' },
      compare,
      filterRows: filterShown,
      searchKeyOf: payoutSearchKey,
    });
    expect(shown.visible.map((r) => r.tid)).toEqual([3]);
  });

  it('finds a search text only within one row, never across two rows side by side', () => {
    const shownFor = searchByTid();
    const rows = [row(1, { customerName: 'Ann Lee' }), row(2, { customerName: 'Ben Ng' })];
    const shown = (text: string) => shownFor(rows, text);
    // Row 1's key ends "ann lee", row 2's begins with its tid "2".
    expect(shown('lee2')).toEqual([]);
    expect(shown('lee')).toEqual([1]);
    expect(shown('e')).toEqual([1, 2]);
    expect(shown('2')).toEqual([2]);
  });

  it('shows the rows of a search typed a moment ago again after Backspace, and the new ones once rows change', () => {
    const shown = searchByTid();
    const first = [row(1, { cid: 'cust-1' }), row(2, { cid: 'cust-17' }), row(3, { cid: 'cust-2' })];
    expect(shown(first, 'cust-1')).toEqual([1, 2]);
    expect(shown(first, 'cust-17')).toEqual([2]);
    expect(shown(first, 'cust-1')).toEqual([1, 2]);
    expect(shown(first, 'cust-17')).toEqual([2]);
    const paged = appendPage(first, [row(4, { cid: 'cust-1' })]);
    expect(shown(paged, 'cust-17')).toEqual([2]);
    expect(shown(paged, 'cust-1')).toEqual([1, 2, 4]);
    const changed = mergeRows(paged, [row(2, { status: 'approved' })], [2], belongsInQueue).rows;
    expect(shown(changed, 'cust-1')).toEqual([1, 4]);
    expect(shown(changed, 'cust-17')).toEqual([]);
    expect(shown(changed, 'cust-1')).toEqual([1, 4]);
  });

  it('reports an amount bound that does not fit a currency whose rows came in a later page', () => {
    const view = createQueueView<PayoutRow, QueueFilter>();
    const filter = { ...EMPTY_FILTER, minAmount: '12.5' };
    const compare = compareRowsFor({ column: 'age', desc: true });
    const first = [row(1, { currency: 'EUR' })];
    expect(
      view({ rows: first, filter, compare, filterRows: filterShown, searchKeyOf: payoutSearchKey }).problems.minAmount,
    ).toBeUndefined();
    const rows = appendPage(first, [row(2, { currency: 'JPY' })]);
    expect(
      view({ rows, filter, compare, filterRows: filterShown, searchKeyOf: payoutSearchKey }).problems.minAmount,
    ).toMatch(/JPY|decimals|1250/);
  });
});

// One comparator per sort, as the screen's memo gives it: the view merges only while the order stays the same.
const comparators = new Map<string, ReturnType<typeof compareRows>>();
function compareRowsFor(sort: QueueSort) {
  const key = `${sort.column}/${sort.desc}`;
  if (!comparators.has(key)) comparators.set(key, compareRows(sort));
  return comparators.get(key)!;
}
