import { DeskError, isDeskError, type ErrorCode } from '../../shared/errors';
import type { LookupFailed, LookupResult } from '../../shared/lookup';
import { classifyId } from '../../shared/lookup-id';
import { mapBounded } from '../bounded';
import type { PraxisClient } from '../praxis/client';
import type { WorkStore } from '../store/work-store';
import { childPayouts, customerLabel } from '../payouts/request-state';
import { assertMayRead } from './praxis-objects';

export interface LookupOptions {
  client: Pick<PraxisClient, 'findTransaction' | 'findOrder'>;
  store: WorkStore;
  concurrency?: number;
  /** Runs each query at Praxis under the desk-wide limit every lookup shares (desk-core.ts); none: at once. */
  slot?: <T>(query: () => Promise<T>) => Promise<T>;
  onProgress?: (p: { done: number; total: number }) => void;
}

function failure(id: string, kind: LookupFailed['kind'], err: unknown): LookupFailed {
  if (isDeskError(err)) {
    const description = (err.details?.praxisDescription as string | undefined) ?? '';
    const notFound = err.code === 'PRAXIS_REJECTED' && /not found/i.test(description);
    const code: ErrorCode = notFound ? 'NOT_FOUND' : err.code;
    const reason = notFound
      ? `Praxis does not know ${kind === 'tid' ? 'tid' : 'order_id'} ${id} (“${description}”).`
      : err.message;
    return { id, kind, ok: false, code, reason };
  }
  return {
    id,
    kind,
    ok: false,
    code: 'STORE',
    reason: `Found at Praxis but could not be stored: ${err instanceof Error ? err.message : String(err)}.`,
  };
}

/**
 * Looks each id up at Praxis with bounded concurrency, stores what is found (so pending withdrawal requests
 * and open authorizations join their queues), and returns one result per distinct id. A bad id affects nothing else.
 */
export async function lookupIds(ids: readonly string[], opts: LookupOptions): Promise<LookupResult[]> {
  const distinct = [...new Set(ids.map((s) => s.trim()).filter(Boolean))];
  const slot = opts.slot ?? ((query) => query());
  const settled = await mapBounded(
    distinct,
    opts.concurrency ?? 4,
    async (id): Promise<LookupResult> => {
      const c = classifyId(id);
      if (c.kind === 'invalid') return { id, kind: 'invalid', ok: false, code: 'VALIDATION', reason: c.reason };
      try {
        const answer =
          c.kind === 'tid'
            ? await slot(() => opts.client.findTransaction(c.tid!))
            : await slot(() => opts.client.findOrder(id));
        const observedAt = new Date((answer.timestamp ?? Math.floor(Date.now() / 1000)) * 1000);
        const item = await opts.store.ingest(answer, { observedAt, source: 'lookup' });
        const tx = answer.transaction;
        if (!tx || item.tid === null) {
          throw new DeskError(
            'NOT_FOUND',
            `Order ${id} exists (session ${answer.session?.session_status ?? 'unknown'}) but has no transaction yet.`,
          );
        }
        // Stored for those who work it; shown only to a role that may open it on its own screen (praxis-objects.ts).
        const type = item.transactionType ?? tx.transaction_type;
        assertMayRead(item.tid, type, 'its customer, amount and status');
        // What became of it: whose money, when, and (for a request) the payouts made for it.
        const stored = await opts.store.getTransaction(item.tid);
        const payouts =
          stored?.transactionType === 'payout' && stored.withdrawalRequestId === null
            ? (await childPayouts(opts.store.db, item.tid)).map((p) => ({
                tid: p.tid,
                amountMinor: p.amount_minor,
                currency: p.currency,
                status: p.status,
                createdAt: p.created_at.toISOString(),
              }))
            : [];
        return {
          id,
          kind: c.kind,
          ok: true,
          tid: item.tid,
          customer: stored ? await customerLabel(opts.store.db, stored) : null,
          createdAt: stored?.createdAt.toISOString() ?? null,
          payouts,
          type,
          status: item.status ?? tx.transaction_status,
          amountMinor: tx.amount,
          currency: tx.currency,
          queue: item.queue,
        };
      } catch (err) {
        return failure(id, c.kind, err);
      }
    },
    (done, total) => opts.onProgress?.({ done, total }),
  );
  return settled.map((s, i) =>
    s.status === 'fulfilled'
      ? s.value
      : { id: distinct[i]!, kind: 'invalid', ok: false, code: 'INTERNAL', reason: String(s.reason) },
  );
}
