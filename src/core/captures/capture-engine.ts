import type { ActionOutcome } from '../../shared/actions';
import type { CaptureBulkOutcome, CaptureDetail, CapturePage, CaptureRow, ExpiringHold } from '../../shared/captures';
import { RED_UNDER_MINUTES } from '../../shared/hold-windows';
import type { DeskEvents } from '../../shared/ipc/contract';
import { finishBulk } from '../queues/bulk-runner';
import { queueActionDeps, runQueueBulk, type QueueEngineDeps } from '../queues/queue-engine';
import { readPage } from '../queues/queue-sql';
import type { PageRequest } from '../queues/statement-pages';
import { reconcileItem, recoverUnresolved } from '../queues/reconcile';
import { capture, voidHold, type VoidInput } from './capture-actions';
import { captureDetail } from './capture-detail';
import { CAPTURE_QUEUE } from './capture-queue';
import { captureQueueRows, captureRowsByTid, claimExpiringHolds } from './capture-rows';
import { checkVoidReason, loadCaptureSettings } from './capture-settings';

export interface CaptureEngineDeps extends QueueEngineDeps {
  /** Holds that just entered their last 24 hours (each once, ever: the store remembers). */
  onHoldsExpiring?(event: DeskEvents['event:holds-expiring']): void;
}

/** The capture queue engine: holds by time left, capture / void through the journal, bulk, reconcile and lapse warnings. */
export function createCaptureEngine(deps: CaptureEngineDeps) {
  const { store, log } = deps;
  const { actionDeps, bulkDeps, sendLimit } = queueActionDeps(deps, CAPTURE_QUEUE);
  const windows = async () => (await loadCaptureSettings(store)).holdWindows;

  return {
    list: async (page: PageRequest = {}): Promise<CapturePage> => {
      const table = await windows();
      return readPage(page, (part) => captureQueueRows(store.db, table, part));
    },
    rows: async (tids: number[]): Promise<CaptureRow[]> => captureRowsByTid(store.db, tids, await windows()),
    detail: async (tid: number): Promise<CaptureDetail> => captureDetail(store, tid, await windows()),

    capture: async (tid: number): Promise<ActionOutcome> =>
      capture(actionDeps, await deps.praxis(), await loadCaptureSettings(store), tid),
    void: async (input: VoidInput): Promise<ActionOutcome> =>
      voidHold(actionDeps, await deps.praxis(), await loadCaptureSettings(store), input),
    reconcile: async (tid: number): Promise<ActionOutcome> => reconcileItem(actionDeps, await deps.praxis(), tid),

    /** Capture or void many holds with bounded concurrency; one failure never stops the others. */
    async bulk(
      input: {
        action: 'capture' | 'void';
        tids: number[];
        reasonCode?: string;
        note?: string;
      },
      progressTo?: string,
    ): Promise<CaptureBulkOutcome> {
      const settings = await loadCaptureSettings(store);
      const s = await deps.praxis();
      const tids = [...new Set(input.tids)];
      const reason = input.action === 'void' ? checkVoidReason(settings, input.reasonCode ?? '', input.note) : null;
      const rows = await captureRowsByTid(store.db, tids, settings.holdWindows);
      const settled = await runQueueBulk(deps, CAPTURE_QUEUE, {
        action: input.action,
        tids,
        concurrency: settings.bulkConcurrency,
        sendLimit,
        progressTo,
        act: (tid) =>
          reason
            ? voidHold(bulkDeps, s, settings, { tid, reasonCode: reason.code, note: input.note })
            : capture(bulkDeps, s, settings, tid),
      });
      return finishBulk(actionDeps, {
        action: input.action,
        operator: s.operator,
        settled,
        rows: rows,
        amountOf: (r) => r.amountMinor,
        audit: { reasonCode: reason?.code ?? null, reasonLabel: reason?.label ?? null, note: input.note ?? null },
      });
    },

    /**
     * Announces the open holds that entered their last 24 hours and were never announced (once per hold, ever: the
     * store remembers, so a restart or a second desk does not repeat one). Returns what it announced.
     */
    async announceExpiring(now: Date = new Date()): Promise<ExpiringHold[]> {
      const until = new Date(now.getTime() + RED_UNDER_MINUTES * 60_000);
      const items = await claimExpiringHolds(store.db, await windows(), until);
      if (items.length > 0) {
        log.info('holds entering their last 24 hours announced', { count: items.length });
        deps.onHoldsExpiring?.({ items });
      }
      return items;
    },

    /** Crash recovery: unresolved captures and voids are looked up before anyone can act again (see queues/reconcile). */
    recoverUnresolved: () => recoverUnresolved(actionDeps, deps.praxis),
  };
}
export type CaptureEngine = ReturnType<typeof createCaptureEngine>;
