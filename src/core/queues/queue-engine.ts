import type { ActionOutcome } from '../../shared/actions';
import type { DeskEvents } from '../../shared/ipc/contract';
import { runBulk } from './bulk-runner';
import type { Logger } from '../log';
import type { WorkStore } from '../store/work-store';
import type { ActionDeps } from './journaled-action';
import type { PraxisSession } from './praxis-session';
import type { QueueKind, ResolveOptions } from './queue-kind';
import { createSendLimit, type SendLimit } from './send-limit';

/** What every queue engine (payouts, captures…) is built from. */
export interface QueueEngineDeps {
  store: WorkStore;
  log: Logger;
  /** The active profile's client and operator; throws a DeskError (e.g. NO_CREDENTIALS) when it cannot act. */
  praxis(): Promise<PraxisSession>;
  /** `to`: the connection (window or page) that started the run; only it counts along. */
  onBulkProgress?(progress: DeskEvents['event:bulk-progress'], to?: string): void;
  /** True once the desk is switching away from this store's profile: a bulk action starts no further items. */
  stopRequested?(): boolean;
  /** Overrides of the reconcile rules (tests shorten the waits of PRAXIS_ASSUMPTIONS). */
  resolve?: ResolveOptions;
  /** The desk's one bulk send limit, shared by every queue's engine (default: this engine's own). */
  sendLimit?: SendLimit;
}

/** The journal deps of one queue: for single actions, and for bulk items (which go through the desk's send limit). */
export function queueActionDeps(deps: QueueEngineDeps, queue: QueueKind) {
  const actionDeps: ActionDeps = { store: deps.store, log: deps.log, queue, resolve: deps.resolve };
  const sendLimit = deps.sendLimit ?? createSendLimit();
  const bulkDeps: ActionDeps = { ...actionDeps, sendSlot: sendLimit.run };
  return { actionDeps, bulkDeps, sendLimit };
}

/**
 * Items a bulk run works on per send slot: while one item's sends are at Praxis, another does its store work (reads,
 * journal claim, answer, audit), so the send slots stay busy. Sends stay bounded by the send limit alone; an item
 * waiting for a slot holds its committed `sending` entry meanwhile, as with two overlapping runs.
 */
export const BULK_ITEMS_PER_SEND_SLOT = 2;

/** A bulk action on one queue: bounded, through the desk's send limit, with progress events named by queue. */
export function runQueueBulk<A extends DeskEvents['event:bulk-progress']['action']>(
  deps: QueueEngineDeps,
  queue: QueueKind,
  run: {
    action: A;
    tids: number[];
    concurrency: number;
    /** The desk's send limit follows the latest run's setting. */
    sendLimit: SendLimit;
    act(tid: number): Promise<ActionOutcome>;
    /** The connection that started the run: its progress is told to it alone. */
    progressTo?: string;
  },
): Promise<ActionOutcome[]> {
  run.sendLimit.setLimit(run.concurrency);
  return runBulk({
    tids: run.tids,
    concurrency: run.concurrency * BULK_ITEMS_PER_SEND_SLOT,
    verb: run.action,
    noun: queue.noun,
    stopRequested: deps.stopRequested,
    onProgress: (done, total) =>
      deps.onBulkProgress?.({ action: run.action, queue: queue.name, done, total }, run.progressTo),
    act: run.act,
  });
}
