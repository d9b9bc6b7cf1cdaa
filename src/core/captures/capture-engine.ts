import type { ActionOutcome } from '../../shared/actions';
import type { CaptureBulkOutcome, CaptureDetail, CapturePage, CaptureRow, ExpiringHold } from '../../shared/captures';
import { RED_UNDER_MINUTES } from '../../shared/hold-windows';
import type { DeskEvents } from '../../shared/ipc/contract';
import type { Logger } from '../log';
import { finishBulk, runBulk } from '../queues/bulk-runner';
import type { ActionDeps } from '../queues/journaled-action';
import type { PraxisSession } from '../queues/praxis-session';
import type { ResolveOptions } from '../queues/queue-kind';
import { readPage } from '../queues/queue-sql';
import { reconcileItem, recoverUnresolved } from '../queues/reconcile';
import { createSendLimit, type SendLimit } from '../queues/send-limit';
import type { WorkStore } from '../store/work-store';
import { capture, voidHold, type VoidInput } from './capture-actions';
import { captureDetail } from './capture-detail';
import { CAPTURE_QUEUE } from './capture-queue';
import { captureQueueRows, captureRowsByTid, claimExpiringHolds, type CapturePageRequest } from './capture-rows';
import { checkVoidReason, loadCaptureSettings } from './capture-settings';

export interface CaptureEngineDeps {
  store: WorkStore;
  log: Logger;
  /** The active profile's client and operator; throws a DeskError (e.g. NO_CREDENTIALS) when it cannot act. */
  praxis(): Promise<PraxisSession>;
  onBulkProgress?(progress: DeskEvents['event:bulk-progress']): void;
  /** Holds that just entered their last 24 hours (each once, ever: the store remembers). */
  onHoldsExpiring?(event: DeskEvents['event:holds-expiring']): void;
  /** True once the desk is switching away from this store's profile: a bulk action starts no further items. */
  stopRequested?(): boolean;
  /** Overrides of the reconcile rules (tests shorten PRAXIS_ASSUMPTIONS.holdUnchangedAfterMs). */
  resolve?: ResolveOptions;
  /** The desk's one bulk send limit, shared with the payout engine (default: this engine's own). */
  sendLimit?: SendLimit;
}

/** The capture queue engine: holds by time left, capture / void through the journal, bulk, reconcile and lapse warnings. */
export function createCaptureEngine(deps: CaptureEngineDeps) {
  const { store, log } = deps;
  const actionDeps: ActionDeps = { store, log, queue: CAPTURE_QUEUE, resolve: deps.resolve };
  const sendLimit = deps.sendLimit ?? createSendLimit();
  const bulkDeps: ActionDeps = { ...actionDeps, sendSlot: sendLimit.run };
  const windows = async () => (await loadCaptureSettings(store)).holdWindows;

  return {
    list: async (page: CapturePageRequest = {}): Promise<CapturePage> =>
      readPage(page.limit, async () => captureQueueRows(store.db, await windows(), page)),
    rows: async (tids: number[]): Promise<CaptureRow[]> => captureRowsByTid(store.db, tids, await windows()),
    detail: async (tid: number): Promise<CaptureDetail> => captureDetail(store, tid, await windows()),

    capture: async (tid: number): Promise<ActionOutcome> =>
      capture(actionDeps, await deps.praxis(), await loadCaptureSettings(store), tid),
    void: async (input: VoidInput): Promise<ActionOutcome> =>
      voidHold(actionDeps, await deps.praxis(), await loadCaptureSettings(store), input),
    reconcile: async (tid: number): Promise<ActionOutcome> => reconcileItem(actionDeps, await deps.praxis(), tid),

    /** Capture or void many holds with bounded concurrency; one failure never stops the others. */
    async bulk(input: {
      action: 'capture' | 'void';
      tids: number[];
      reasonCode?: string;
      note?: string;
    }): Promise<CaptureBulkOutcome> {
      const settings = await loadCaptureSettings(store);
      const s = await deps.praxis();
      const tids = [...new Set(input.tids)];
      const reason = input.action === 'void' ? checkVoidReason(settings, input.reasonCode ?? '') : null;
      const rows = await captureRowsByTid(store.db, tids, settings.holdWindows);
      sendLimit.setLimit(settings.bulkConcurrency);
      const settled = await runBulk({
        tids,
        concurrency: settings.bulkConcurrency,
        verb: input.action,
        noun: CAPTURE_QUEUE.noun,
        stopRequested: deps.stopRequested,
        onProgress: (done, total) => deps.onBulkProgress?.({ action: input.action, queue: 'deposits', done, total }),
        act: (tid) =>
          reason
            ? voidHold(bulkDeps, s, settings, { tid, reasonCode: reason.code, note: input.note })
            : capture(bulkDeps, s, settings, tid),
      });
      const facts = new Map(
        rows.map((r) => [
          r.tid,
          { amountMinor: r.amountMinor, currency: r.currency, customer: r.customerName ?? r.cid },
        ]),
      );
      return finishBulk(actionDeps, {
        action: input.action,
        operator: s.operator,
        settled,
        facts,
        audit: { reasonCode: reason?.code ?? null, note: input.note ?? null },
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
