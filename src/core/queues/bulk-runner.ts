import type { ActionOutcome } from '../../shared/actions';
import type { QueueBulkOutcome } from '../../shared/queue-views';
import type { WorkStore } from '../store/work-store';
import { DeskError } from '../../shared/errors';
import { mapBounded } from '../bounded';
import { capital, type QueueKind } from './queue-kind';
import { failedOutcome } from './reconcile';

export interface BulkRun {
  tids: number[];
  /** Items worked at once by this run; every run of a desk also shares the desk's one send limit (ActionDeps.sendSlot). */
  concurrency: number;
  /** What "the bulk <verb>" is called in messages, e.g. "approve". */
  verb: string;
  /** What an item is called in messages, e.g. "request". */
  noun: string;
  act(tid: number): Promise<ActionOutcome>;
  /** True once the desk is switching profiles: items not started yet are not sent. */
  stopRequested?(): boolean;
  onProgress?(done: number, total: number): void;
}

/** At most one progress event per this many ms (and always the last): a 5,000-item bulk must not flood every window. */
const PROGRESS_EVERY_MS = 100;

/** Acts on many items with bounded concurrency; one failure never stops the others. Outcomes in input order. */
export async function runBulk(run: BulkRun): Promise<ActionOutcome[]> {
  const total = run.tids.length;
  let lastProgressAt = 0;
  const settled = await mapBounded(
    run.tids,
    run.concurrency,
    async (tid): Promise<ActionOutcome> => {
      try {
        if (run.stopRequested?.())
          throw new DeskError(
            'STORE',
            `${capital(run.noun)} ${tid} was not sent: the desk switched to another profile during the bulk ${run.verb}. Nothing was sent for it.`,
          );
        return await run.act(tid);
      } catch (err) {
        return failedOutcome(tid, err);
      }
    },
    (done) => {
      const now = Date.now();
      if (done === total || now - lastProgressAt >= PROGRESS_EVERY_MS) {
        lastProgressAt = now;
        run.onProgress?.(done, total);
      }
    },
  );
  return settled.map((r, i) => (r.status === 'fulfilled' ? r.value : failedOutcome(run.tids[i]!, r.reason)));
}

/** Per currency: count and total of the items that succeeded, sorted by currency. */
export function succeededByCurrency(
  results: readonly ActionOutcome[],
  amountOf: (tid: number) => { amountMinor: number; currency: string } | undefined,
): { currency: string; count: number; totalMinor: number }[] {
  const byCurrency = new Map<string, { currency: string; count: number; totalMinor: number }>();
  for (const r of results) {
    // What the action itself says it paid (a split request's remainder), else the item's amount.
    const item =
      r.amountMinor !== undefined && r.currency
        ? { amountMinor: r.amountMinor, currency: r.currency }
        : amountOf(r.tid);
    if (r.state !== 'done' || !item) continue;
    const t = byCurrency.get(item.currency) ?? { currency: item.currency, count: 0, totalMinor: 0 };
    t.count++;
    t.totalMinor += item.amountMinor;
    byCurrency.set(item.currency, t);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** What a bulk result names about its item when the action itself did not say: what it moves, and whose. */
export interface BulkItemFacts {
  amountMinor: number;
  currency: string;
  customer: string | null;
}

/** A queue row as a bulk run knows it before acting (the customer's name, else their cid). */
export interface BulkRow {
  tid: number;
  currency: string;
  customerName: string | null;
  cid: string | null;
}

/**
 * Ends a bulk run the same way for every queue: each result names its amount and customer (a failure before any
 * send included), what succeeded is summed per currency, and one audit entry records the run.
 */
export async function finishBulk<A extends string, R extends BulkRow>(
  deps: { store: WorkStore; queue: QueueKind },
  run: {
    action: A;
    operator: string;
    settled: ActionOutcome[];
    /** The rows read before the run, and what acting on one moves (e.g. a request's remainder, a hold's amount). */
    rows: Iterable<R>;
    amountOf(row: R): number;
    /** Extra facts for the audit entry (reason, note, second approver…). */
    audit: Record<string, unknown>;
  },
): Promise<QueueBulkOutcome<A>> {
  const facts = new Map<number, BulkItemFacts>();
  for (const r of run.rows)
    facts.set(r.tid, { amountMinor: run.amountOf(r), currency: r.currency, customer: r.customerName ?? r.cid });
  const results = run.settled.map((o) => {
    const f = facts.get(o.tid);
    return f
      ? {
          ...o,
          amountMinor: o.amountMinor ?? f.amountMinor,
          currency: o.currency ?? f.currency,
          customer: o.customer ?? f.customer,
        }
      : o;
  });
  const succeeded = succeededByCurrency(results, (tid) => facts.get(tid));
  const failedCount = results.filter((r) => r.state !== 'done').length;
  await deps.store.audit.append({
    operator: run.operator,
    action: `${deps.queue.actionPrefix}bulk-${run.action}`,
    details: { count: results.length, failedCount, succeeded, ...run.audit },
  });
  return { action: run.action, results, succeeded, failedCount };
}
