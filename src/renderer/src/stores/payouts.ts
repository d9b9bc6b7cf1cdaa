import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import {
  FIRST_PAGE_ROWS,
  PENDING_WITHDRAWAL_STATUSES,
  type PayoutDetail,
  type PayoutRow,
} from '../../../shared/payouts';
import { callPayouts, onPayoutsChanged } from '../api/payouts';
import { EMPTY_FILTER, type QueueFilter, type QueueSort } from './payouts-filter';
import { rememberedView, rememberView } from './payouts-view-memory';

/** What stays in the queue when a live change arrives: the same statuses the core's queue query uses. */
const QUEUE_STATUSES = new Set<string>(PENDING_WITHDRAWAL_STATUSES);
export const belongsInQueue = (row: PayoutRow): boolean => row.journalState !== null || QUEUE_STATUSES.has(row.status);

// ---- state ----
export interface PayoutsState {
  rows: PayoutRow[];
  /** The first page is on screen. */
  loaded: boolean;
  loading: boolean;
  /** The first page is on screen and the rest of the queue is on its way. */
  loadingRest: boolean;
  error: WireError | null;
  filter: QueueFilter;
  sort: QueueSort;
  /** The row the keyboard is on. */
  cursorTid: number | null;
  selected: ReadonlySet<number>;
  detailOpen: boolean;
  detail: PayoutDetail | null;
  detailLoading: boolean;
  detailError: WireError | null;
  /** Requests that arrived live since the page loaded, for the header's notice. */
  arrivedLive: number;
}

const remembered = rememberedView();
const initial: PayoutsState = {
  rows: [],
  loaded: false,
  loading: false,
  loadingRest: false,
  error: null,
  filter: remembered.filter,
  sort: remembered.sort,
  cursorTid: null,
  selected: new Set(),
  detailOpen: false,
  detail: null,
  detailLoading: false,
  detailError: null,
  arrivedLive: 0,
};

export const usePayouts = create<PayoutsState>()(() => initial);
const set = usePayouts.setState;
const get = usePayouts.getState;
usePayouts.subscribe((s, before) => {
  if (s.filter !== before.filter || s.sort !== before.sort) rememberView({ filter: s.filter, sort: s.sort });
});

/** Replaces the changed rows in place, appends newcomers, drops rows that left the queue. */
export function mergeRows(
  current: readonly PayoutRow[],
  changed: readonly PayoutRow[],
  askedTids: readonly number[],
): { rows: PayoutRow[]; added: number } {
  const fresh = new Map(changed.map((r) => [r.tid, r]));
  const asked = new Set(askedTids);
  const seen = new Set<number>();
  const rows: PayoutRow[] = [];
  for (const row of current) {
    seen.add(row.tid);
    if (!asked.has(row.tid)) rows.push(row);
    else {
      const next = fresh.get(row.tid);
      if (next && belongsInQueue(next)) rows.push(next);
    }
  }
  let added = 0;
  for (const row of changed) {
    if (!seen.has(row.tid) && belongsInQueue(row)) {
      rows.push(row);
      added++;
    }
  }
  return { rows, added };
}

/** Adds the rest of the queue after its first page; a row a live change already brought in is kept, not doubled. */
export function appendPage(current: readonly PayoutRow[], page: readonly PayoutRow[]): PayoutRow[] {
  const have = new Set(current.map((r) => r.tid));
  return [...current, ...page.filter((r) => !have.has(r.tid))];
}

// The latest load; an older one still on its way drops its answers.
let loadGeneration = 0;
// Tids changed live while the rest of the queue was on its way: read again once it has landed.
let changedDuringLoad: Set<number> | null = null;

// ---- actions ----
export const payoutsActions = {
  /** The first page at once, then the rest of the queue in a second call, so the screen never waits for 100,000 rows. */
  async load() {
    const generation = ++loadGeneration;
    const current = () => generation === loadGeneration;
    set({ loading: true, error: null });
    const changed = new Set<number>();
    changedDuringLoad = changed;
    try {
      const first = await callPayouts('payouts:list', { limit: FIRST_PAGE_ROWS });
      if (!current()) return;
      if (!first.ok) return set({ error: first.error });
      set({ rows: first.data.rows, loaded: true, loadingRest: first.data.next !== null });
      if (first.data.next !== null) {
        const rest = await callPayouts('payouts:list', { after: first.data.next });
        if (!current()) return;
        if (!rest.ok) return set({ error: rest.error });
        set((s) => ({ rows: appendPage(s.rows, rest.data.rows), loadingRest: false }));
      }
      changedDuringLoad = null;
      const tids = new Set(get().rows.map((r) => r.tid));
      set((s) => ({
        selected: new Set([...s.selected].filter((t) => tids.has(t))),
        cursorTid: s.cursorTid !== null && tids.has(s.cursorTid) ? s.cursorTid : null,
      }));
      if (changed.size > 0) await payoutsActions.refreshRows([...changed]);
    } finally {
      if (current()) {
        if (changedDuringLoad === changed) changedDuringLoad = null;
        set({ loading: false, loadingRest: false });
      }
    }
  },

  /** Fetches the current rows of the given requests and folds them into the queue. */
  async refreshRows(tids: number[]) {
    if (tids.length === 0) return;
    for (const tid of tids) changedDuringLoad?.add(tid);
    const res = await callPayouts('payouts:rows', { tids: tids.slice(0, 10_000) });
    if (!res.ok) return set({ error: res.error });
    set((s) => {
      const { rows, added } = mergeRows(s.rows, res.data, tids);
      const kept = new Set(rows.map((r) => r.tid));
      // While the rest is on its way, a row not yet loaded is not an arrival.
      const arrived = s.loadingRest ? 0 : added;
      return {
        rows,
        arrivedLive: s.arrivedLive + arrived,
        selected: new Set([...s.selected].filter((t) => kept.has(t))),
      };
    });
    const open = get().detail?.row.tid;
    if (get().detailOpen && open !== undefined && tids.includes(open)) void payoutsActions.loadDetail(open);
  },

  /** Live pushes from the core; returns the unsubscribe. */
  follow(): () => void {
    return onPayoutsChanged((tids) => void payoutsActions.refreshRows(tids));
  },

  setFilter(patch: Partial<QueueFilter>) {
    set((s) => ({ filter: { ...s.filter, ...patch } }));
  },
  applyView(filter: QueueFilter, sort: QueueSort) {
    set({ filter, sort });
  },
  resetFilter() {
    set({ filter: EMPTY_FILTER });
  },
  sortBy(column: QueueSort['column']) {
    set((s) => ({
      sort: s.sort.column === column ? { column, desc: !s.sort.desc } : { column, desc: column === 'age' },
    }));
  },

  setCursor(tid: number | null) {
    set({ cursorTid: tid });
  },
  /** "Approve / reject and next": the cursor moves on and, with the pane open, the next request's detail loads. */
  moveTo(tid: number) {
    set({ cursorTid: tid });
    if (get().detailOpen) void payoutsActions.loadDetail(tid);
  },
  /** J/K: moves within the rows as currently filtered and sorted. */
  moveCursor(visible: readonly PayoutRow[], delta: number) {
    if (visible.length === 0) return;
    const at = visible.findIndex((r) => r.tid === get().cursorTid);
    const next = at < 0 ? (delta > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + delta));
    const tid = visible[next]!.tid;
    set({ cursorTid: tid });
    if (get().detailOpen) void payoutsActions.loadDetail(tid);
  },

  toggleSelected(tid: number) {
    set((s) => {
      const selected = new Set(s.selected);
      if (!selected.delete(tid)) selected.add(tid);
      return { selected };
    });
  },
  selectOnly(tids: number[]) {
    set({ selected: new Set(tids) });
  },
  clearSelection() {
    set({ selected: new Set() });
  },

  async openDetail(tid: number) {
    set({ detailOpen: true, cursorTid: tid });
    await payoutsActions.loadDetail(tid);
  },
  closeDetail() {
    set({ detailOpen: false, detail: null, detailError: null });
  },
  async loadDetail(tid: number) {
    set((s) => ({ detailLoading: true, detailError: null, detail: s.detail?.row.tid === tid ? s.detail : null }));
    try {
      const res = await callPayouts('payouts:detail', { tid });
      // The cursor may have moved on while this answer was on its way.
      if (get().cursorTid !== tid) return;
      if (res.ok) set({ detail: res.data });
      else set({ detailError: res.error });
    } finally {
      set({ detailLoading: false });
    }
  },
};

// ---- selectors ----
export const findRow = (rows: readonly PayoutRow[], tid: number | null): PayoutRow | null =>
  tid === null ? null : (rows.find((r) => r.tid === tid) ?? null);
export const rowByTid = (s: PayoutsState, tid: number | null): PayoutRow | null => findRow(s.rows, tid);

// The rows as the screen currently shows them (filtered and sorted); kept outside state because nothing renders from it.
let visibleRows: readonly PayoutRow[] = [];
export const setVisibleRows = (rows: readonly PayoutRow[]) => {
  visibleRows = rows;
};
export const getVisibleRows = (): readonly PayoutRow[] => visibleRows;

/** For "approve and next": the row below the given one, or the one above when it was the last. */
export function nextTidAfter(tid: number): number | null {
  const at = visibleRows.findIndex((r) => r.tid === tid);
  if (at < 0) return null;
  return visibleRows[at + 1]?.tid ?? visibleRows[at - 1]?.tid ?? null;
}
