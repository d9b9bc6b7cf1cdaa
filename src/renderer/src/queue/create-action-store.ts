import { create } from 'zustand';
import type { Result, WireError } from '../../../shared/errors';
import type { ActionOutcome } from '../../../shared/actions';
import { onBulkProgress, type BulkProgress } from '../api/queue-events';

/** The last action's result as the screen reports it: outcomes per item, or an error for the whole call. */
export interface ActionReport {
  title: string;
  outcomes: ActionOutcome[];
  error: WireError | null;
  /** The item the error belongs to, so "Reconcile now" knows what to look up. */
  tid: number | null;
}

/** Count and total per currency. */
export interface CurrencyTotal {
  currency: string;
  count: number;
  totalMinor: number;
}

/** What a bulk run answers, whichever queue ran it. */
export interface BulkResult {
  results: ActionOutcome[];
  /** Per currency: count and total of the items that succeeded. */
  succeeded: CurrencyTotal[];
  failedCount: number;
}

export interface ActionState<Dialog> {
  dialog: Dialog | null;
  inFlight: ReadonlySet<number>;
  report: ActionReport | null;
  bulkRunning: boolean;
  bulkProgress: BulkProgress | null;
  bulkResult: BulkResult | null;
  bulkError: WireError | null;
}

/** What a bulk dialog frame reads and calls, for any queue. */
export interface BulkRunView {
  bulkRunning: boolean;
  bulkProgress: BulkProgress | null;
  bulkResult: BulkResult | null;
  bulkError: WireError | null;
}

/**
 * One queue's action state (`queue` as the core's events name it): the open dialog, the items with a send in flight
 * (their buttons disabled), the last report, and a bulk run's progress and result. `refreshRows` reads the items back
 * after every send: the store is the truth, not the answer.
 */
export function createActionStore<Dialog>(queue: string, refreshRows: (tids: number[]) => unknown) {
  const useActions = create<ActionState<Dialog>>()(() => ({
    dialog: null,
    inFlight: new Set(),
    report: null,
    bulkRunning: false,
    bulkProgress: null,
    bulkResult: null,
    bulkError: null,
  }));
  const set = useActions.setState;
  const get = useActions.getState;

  function markInFlight(tids: number[], on: boolean) {
    set((s) => {
      const inFlight = new Set(s.inFlight);
      for (const t of tids) {
        if (on) inFlight.add(t);
        else inFlight.delete(t);
      }
      return { inFlight };
    });
  }

  const core = {
    close() {
      set({ dialog: null });
    },
    dismissReport() {
      set({ report: null });
    },
    /** Another person or another profile: no dialog, result or bulk summary of the last one stays on screen. */
    forget() {
      set({ dialog: null, report: null, bulkResult: null, bulkError: null, bulkProgress: null });
    },
    open(dialog: Dialog) {
      set({ dialog, report: null });
    },
    openBulk(dialog: Dialog) {
      set({ dialog, bulkResult: null, bulkError: null, bulkProgress: null, report: null });
    },
    /** Tells the screen what the last action did and closes its dialog. */
    report(report: ActionReport) {
      set({ dialog: null, report });
    },

    /** Runs one money-moving call with its items marked busy, always cleared in finally; null when one is busy. */
    async withInFlight<T>(tids: number[], run: () => Promise<T>): Promise<T | null> {
      if (tids.some((t) => get().inFlight.has(t))) return null;
      markInFlight(tids, true);
      try {
        return await run();
      } finally {
        markInFlight(tids, false);
        void refreshRows(tids);
      }
    },

    /** One action on one item: the outcome, or the error for the whole call, becomes the report. */
    async single(
      tid: number,
      title: string,
      call: () => Promise<Result<ActionOutcome>>,
    ): Promise<ActionOutcome | null> {
      const res = await core.withInFlight([tid], call);
      if (!res) return null;
      core.report(
        res.ok ? { title, outcomes: [res.data], error: null, tid } : { title, outcomes: [], error: res.error, tid },
      );
      return res.ok ? res.data : null;
    },

    /**
     * A bulk run: progress from the core's events, then the per-item results. `handled` may take an error for the
     * whole call (a four-eyes refusal) and return true when it did something with it.
     */
    async runBulk(
      action: string,
      tids: number[],
      call: () => Promise<Result<BulkResult>>,
      handled: (error: WireError) => boolean = () => false,
    ): Promise<boolean> {
      set({
        bulkRunning: true,
        bulkProgress: { action, done: 0, total: tids.length },
        bulkResult: null,
        bulkError: null,
      });
      const stop = onBulkProgress(queue, (p) => set({ bulkProgress: p }));
      try {
        const res = await core.withInFlight(tids, call);
        if (!res) {
          set({
            bulkError: {
              code: 'CONFLICT',
              message: 'Some of these items already have an action in flight; wait for it to finish, then try again.',
            },
          });
          return false;
        }
        if (!res.ok) {
          if (!handled(res.error)) set({ bulkError: res.error });
          return false;
        }
        set({ bulkResult: res.data, bulkProgress: { action, done: tids.length, total: tids.length } });
        return true;
      } finally {
        stop();
        set({ bulkRunning: false });
      }
    },

    /** Looks an `unknown` item up at Praxis; the only action an unknown item offers. */
    async reconcile(tid: number, call: () => Promise<Result<ActionOutcome>>) {
      const res = await core.withInFlight([tid], call);
      if (!res) return;
      const title = `Reconcile ${tid}`;
      set({
        report: res.ok
          ? { title, outcomes: [res.data], error: null, tid }
          : { title, outcomes: [], error: res.error, tid },
      });
    },
  };

  return { useActions, core };
}
