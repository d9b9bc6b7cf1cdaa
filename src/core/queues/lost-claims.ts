import type { Logger } from '../log';
import { sessionClaimHeldSql } from '../store/item-claims';
import type { WorkStore } from '../store/work-store';
import type { QueueKind } from './queue-kind';

/** How often a desk on a shared server looks for claims whose desk died (no event tells anyone else). */
export const LOST_CLAIM_CHECK_MS = 2_000;

/** Items still `sending` whose sender's session claim is gone: that desk died or was cut off mid-action. */
async function lostClaims(store: WorkStore): Promise<Array<{ action: string; itemId: string }>> {
  const res = await store.db.query<{ action: string; item_id: string }>(
    `SELECT j.action, j.item_id FROM action_journal j
     WHERE j.state = 'sending' AND j.session_claim AND j.item_kind = 'transaction' AND NOT ${sessionClaimHeldSql('j')}`,
  );
  return res.rows.map((r) => ({ action: r.action, itemId: r.item_id }));
}

/**
 * A claim dies with its desk's session, silently: every desk looks now and then and announces each item whose claim
 * it finds gone (once), so every window drops "In progress by …" and offers "Reconcile now" without a reload.
 * Returns the stop.
 */
export function watchLostClaims(
  store: WorkStore,
  queues: readonly QueueKind[],
  log: Logger,
  intervalMs = LOST_CLAIM_CHECK_MS,
): () => void {
  if (!store.claims.bySession) return () => undefined;
  let announced = new Set<string>();
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const lost = await lostClaims(store);
      const now = new Set<string>();
      for (const { action, itemId } of lost) {
        const key = `${action}:${itemId}`;
        now.add(key);
        if (announced.has(key)) continue;
        const queue = queues.find((q) => action.startsWith(q.actionPrefix));
        if (queue) await queue.announce(store, Number(itemId));
      }
      announced = now;
    } catch (err) {
      log.warn('lost-claim check failed', { error: String(err) });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
