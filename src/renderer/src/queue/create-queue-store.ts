import { create } from 'zustand';
import type * as z from 'zod/mini';
import type { Result, WireError } from '../../../shared/errors';
import { REST_PAGE_ROWS } from '../../../shared/queue-views';
import { afterPaint } from './after-paint';
import { appendPage, mergeRows } from './merge-rows';
import { findRow, type QueueRow, type QueueSortState } from './queue-row';
import { rememberedView, rememberView } from './view-memory';

/** Where a queue's rows come from: the core's list / rows / detail channels and its live change event. */
export interface QueueSource<Row extends QueueRow, Detail extends { row: { tid: number } }> {
  list(page: { limit?: number; after?: number }): Promise<Result<{ rows: Row[]; next: number | null }>>;
  rows(tids: number[]): Promise<Result<Row[]>>;
  detail(tid: number): Promise<Result<Detail>>;
  /** Live pushes of changed tids; returns the unsubscribe. */
  onChanged(listener: (tids: number[]) => void): () => void;
  /** What stays in the queue when a live change arrives: the same statuses the core's queue query uses. */
  belongsInQueue(row: Row): boolean;
  firstPageRows: number;
}

/** The screen's filter and sort: kept in browser storage under `storageKey` so they survive a reload. */
export interface QueueViewConfig<Filter, Column extends string> {
  storageKey: string;
  schema: z.ZodMiniType<{ filter: Filter; sort: QueueSortState<Column> }>;
  emptyFilter: Filter;
  defaultSort: QueueSortState<Column>;
  /** The direction a column starts in when first clicked. */
  startsDescending(column: Column): boolean;
}

export interface QueueState<Row, Detail, Filter, Column extends string> {
  rows: Row[];
  /** The first page is on screen. */
  loaded: boolean;
  loading: boolean;
  /** The first page is on screen and the rest of the queue is on its way. */
  loadingRest: boolean;
  error: WireError | null;
  filter: Filter;
  sort: QueueSortState<Column>;
  /** The row the keyboard is on. */
  cursorTid: number | null;
  selected: ReadonlySet<number>;
  detailOpen: boolean;
  detail: Detail | null;
  detailLoading: boolean;
  detailError: WireError | null;
  /** Items that arrived live since the page loaded, for the header's notice. */
  arrivedLive: number;
}

/** The cursor, selection and sort moves a queue table and its keyboard make; the same for every queue. */
export interface QueueNavigation<Column extends string = string> {
  setCursor(tid: number | null): void;
  openDetail(tid: number): Promise<void>;
  closeDetail(): void;
  toggleSelected(tid: number): void;
  selectOnly(tids: number[]): void;
  clearSelection(): void;
  sortBy(column: Column): void;
}

/**
 * One queue's store: paged loading, live merges, filter and sort (remembered across reloads), cursor, selection and
 * the detail pane. Payouts and captures each make one from their own channels.
 */
export function createQueueStore<
  Row extends QueueRow,
  Detail extends { row: { tid: number } },
  Filter,
  Column extends string,
>(source: QueueSource<Row, Detail>, view: QueueViewConfig<Filter, Column>) {
  type State = QueueState<Row, Detail, Filter, Column>;
  const remembered = rememberedView(view.storageKey, view.schema, {
    filter: view.emptyFilter,
    sort: view.defaultSort,
  });
  const initial: State = {
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
  const useQueue = create<State>()(() => initial);
  const set = useQueue.setState;
  const get = useQueue.getState;
  useQueue.subscribe((s, before) => {
    if (s.filter !== before.filter || s.sort !== before.sort)
      rememberView(view.storageKey, { filter: s.filter, sort: s.sort });
  });

  // The latest load; an older one still on its way drops its answers.
  let loadGeneration = 0;
  // Tids changed live while the rest of the queue was on its way: read again once it has landed.
  let changedDuringLoad: Set<number> | null = null;
  // The rows as the screen currently shows them (filtered and sorted); outside state because nothing renders from it.
  let visibleRows: readonly Row[] = [];
  let followers = 0;
  let stopFollowing: (() => void) | null = null;
  // A load begun at page start, before the screen mounted, and the live follow it holds until the screen follows.
  let early: { generation: number; releaseFollow: () => void } | null = null;
  const dropEarly = () => {
    early?.releaseFollow();
    early = null;
  };

  // Live changes gathered while a refresh is on its way, fetched in one call after it: a burst of arrivals (hundreds
  // of notifications in a second) is a few calls, not one each, which a socket's cap on calls in flight would refuse.
  let liveWaiting: Set<number> | null = null;
  let liveRefreshing = false;
  const refreshLive = (tids: number[]) => {
    if (liveRefreshing) {
      liveWaiting ??= new Set();
      for (const tid of tids) liveWaiting.add(tid);
      return;
    }
    liveRefreshing = true;
    void (async () => {
      try {
        for (let next: number[] | null = tids; next;) {
          await actions.refreshRows(next);
          next = liveWaiting && [...liveWaiting];
          liveWaiting = null;
        }
      } finally {
        liveRefreshing = false;
      }
    })();
  };

  /**
   * Keeps the cursor and the selection on rows still in the queue (`inQueue`), however the others left it: a cursor
   * whose row left moves to the next row shown still there, or the one above, as "act and next" does; the pane
   * follows it. Says whether the cursor moved.
   */
  const keepToQueue = (inQueue: ReadonlySet<number>): boolean => {
    const { cursorTid, selected, detailOpen } = get();
    const selectedKept = [...selected].filter((t) => inQueue.has(t));
    const cursorLeft = cursorTid !== null && !inQueue.has(cursorTid);
    if (!cursorLeft && selectedKept.length === selected.size) return false;
    const cursor = cursorLeft ? nearestInQueue(visibleRows, cursorTid, inQueue) : cursorTid;
    set({ cursorTid: cursor, selected: selectedKept.length === selected.size ? selected : new Set(selectedKept) });
    if (!cursorLeft) return false;
    if (detailOpen && cursor !== null) void actions.loadDetail(cursor);
    return true;
  };

  const actions = {
    /** The first page at once, then the rest page by page, so neither the screen nor the core waits for 100,000 rows. */
    async load() {
      const generation = ++loadGeneration;
      const current = () => generation === loadGeneration;
      set({ loading: true, error: null });
      const changed = new Set<number>();
      changedDuringLoad = changed;
      try {
        const first = await source.list({ limit: source.firstPageRows });
        if (!current()) return;
        if (!first.ok) return set({ error: first.error });
        set({ rows: first.data.rows, loaded: true, loadingRest: first.data.next !== null });
        // The first rows on screen before the rest is asked for: its pages would compete with their first frame.
        if (first.data.next !== null) await afterPaint();
        if (!current()) return;
        for (let after = first.data.next; after !== null;) {
          const rest = await source.list({ after, limit: REST_PAGE_ROWS });
          if (!current()) return;
          if (!rest.ok) return set({ error: rest.error });
          set((s) => ({ rows: appendPage(s.rows, rest.data.rows, changed) }));
          after = rest.data.next;
        }
        set({ loadingRest: false });
        changedDuringLoad = null;
        keepToQueue(new Set(get().rows.map((r) => r.tid)));
        if (changed.size > 0) await actions.refreshRows([...changed]);
      } finally {
        if (current()) {
          if (changedDuringLoad === changed) changedDuringLoad = null;
          set({ loading: false, loadingRest: false });
        }
      }
    },

    /**
     * Starts the load at page start, before the screen is rendered, following live changes meanwhile; the screen's
     * mount then takes it over (`loadOnMount`). A refused first page (signed out, out of role) leaves nothing behind.
     * Answers once the first page has landed or been refused (the rest may still be on its way).
     */
    startEarly(): Promise<void> {
      dropEarly();
      const releaseFollow = actions.follow();
      early = { generation: loadGeneration + 1, releaseFollow };
      const started = early;
      const loading = actions.load().then(() => {
        if (early === started && !get().loaded) dropEarly();
      });
      let stop = () => {};
      const firstPage = new Promise<void>((resolve) => {
        stop = useQueue.subscribe((s) => {
          if (s.loaded || s.error) resolve();
        });
        void loading.finally(resolve);
      });
      return firstPage.finally(stop);
    },

    /** The screen's mount: the load begun at page start while it is still the current one, else a new load. */
    async loadOnMount() {
      const started = early;
      dropEarly();
      if (started && started.generation === loadGeneration && !get().error) return;
      await actions.load();
    },

    /** Fetches the current rows of the given items and folds them into the queue. */
    async refreshRows(tids: number[]) {
      if (tids.length === 0) return;
      for (const tid of tids) changedDuringLoad?.add(tid);
      const res = await source.rows(tids.slice(0, 10_000));
      if (!res.ok) return set({ error: res.error });
      set((s) => {
        // A load that began while this answer was on its way must not append these rows a second time.
        for (const row of res.data) changedDuringLoad?.add(row.tid);
        const { rows, added } = mergeRows(s.rows, res.data, tids, source.belongsInQueue);
        // While the rest is on its way, a row not yet loaded is not an arrival.
        const arrived = s.loadingRest ? 0 : added;
        return { rows, arrivedLive: s.arrivedLive + arrived };
      });
      if (keepToQueue(new Set(get().rows.map((r) => r.tid)))) return;
      const open = get().detail?.row.tid;
      if (get().detailOpen && open !== undefined && tids.includes(open)) void actions.loadDetail(open);
    },

    /** Live pushes from the core, one subscription however many follow (a screen, a badge); returns the release. */
    follow(): () => void {
      if (followers++ === 0) stopFollowing = source.onChanged(refreshLive);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--followers === 0) stopFollowing?.();
      };
    },

    /** Another profile's store: everything shown is dropped at once, then the queue reloads. */
    reset() {
      dropEarly();
      set({
        rows: [],
        loaded: false,
        error: null,
        selected: new Set(),
        cursorTid: null,
        detailOpen: false,
        detail: null,
        detailError: null,
        arrivedLive: 0,
      });
    },

    setFilter(patch: Partial<Filter>) {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
    },
    applyView(filter: Filter, sort: QueueSortState<Column>) {
      set({ filter, sort });
    },
    resetFilter() {
      set({ filter: view.emptyFilter });
    },
    sortBy(column: Column) {
      set((s) => ({
        sort:
          s.sort.column === column ? { column, desc: !s.sort.desc } : { column, desc: view.startsDescending(column) },
      }));
    },

    setCursor(tid: number | null) {
      set({ cursorTid: tid });
    },
    /** "Act and next": the cursor moves on and, with the pane open, the next item's detail loads. */
    moveTo(tid: number) {
      set({ cursorTid: tid });
      if (get().detailOpen) void actions.loadDetail(tid);
    },
    /** J/K: moves within the rows as currently filtered and sorted. */
    moveCursor(delta: number) {
      const visible = visibleRows;
      if (visible.length === 0) return;
      const at = visible.findIndex((r) => r.tid === get().cursorTid);
      const next =
        at < 0 ? (delta > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + delta));
      actions.moveTo(visible[next]!.tid);
    },

    toggleSelected(tid: number) {
      set((s) => {
        if (findRow(s.rows, tid) === null) return s;
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
      await actions.loadDetail(tid);
    },
    closeDetail() {
      set({ detailOpen: false, detail: null, detailError: null });
    },
    async loadDetail(tid: number) {
      set((s) => ({ detailLoading: true, detailError: null, detail: s.detail?.row.tid === tid ? s.detail : null }));
      try {
        const res = await source.detail(tid);
        // The cursor may have moved on while this answer was on its way.
        if (get().cursorTid !== tid) return;
        if (res.ok) set({ detail: res.data });
        else set({ detailError: res.error });
      } finally {
        set({ detailLoading: false });
      }
    },
  };

  const selectors = {
    rowByTid: (tid: number | null): Row | null => findRow(get().rows, tid),
    setVisibleRows(rows: readonly Row[]) {
      visibleRows = rows;
    },
    getVisibleRows: (): readonly Row[] => visibleRows,
    /** The tid the keyboard acts on: the cursor, else the first row shown. */
    cursorOrFirst: (): number | null => get().cursorTid ?? visibleRows[0]?.tid ?? null,
    /** For "act and next": the row below the given one, or the one above when it was the last. */
    nextTidAfter(tid: number): number | null {
      const at = visibleRows.findIndex((r) => r.tid === tid);
      if (at < 0) return null;
      return visibleRows[at + 1]?.tid ?? visibleRows[at - 1]?.tid ?? null;
    },
  };

  return { useQueue, actions, selectors };
}

/** The row after `tid` in `shown` that is still in the queue, else the nearest one before it; null when none is. */
function nearestInQueue(shown: readonly QueueRow[], tid: number, inQueue: ReadonlySet<number>): number | null {
  const at = shown.findIndex((r) => r.tid === tid);
  if (at < 0) return null;
  for (let i = at + 1; i < shown.length; i++) if (inQueue.has(shown[i]!.tid)) return shown[i]!.tid;
  for (let i = at - 1; i >= 0; i--) if (inQueue.has(shown[i]!.tid)) return shown[i]!.tid;
  return null;
}
