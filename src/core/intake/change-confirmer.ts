import { mapBounded } from '../bounded';
import type { Logger } from '../log';
import { isPraxisError } from '../praxis';
import type { PraxisSession } from '../queues/praxis-session';
import { ingestSnapshot } from '../store/snapshots';
import { deferChanges, releaseChanges, settleChanges, takeDue, type DueItem } from '../store/unconfirmed-changes';
import type { WorkStore } from '../store/work-store';
import { UNCONFIRMED_CHANNEL } from '../store/changes';

export interface ChangeConfirmerDeps {
  store: WorkStore;
  /** The store's own profile's client: the look-up is signed, so its answer can be trusted. */
  praxis(): Promise<PraxisSession>;
  log: Logger;
  /** How often waiting changes are looked for without a kick: retries, and changes a headless intake stored. */
  everyMs?: number;
}

/** Items looked up per round, and at once. */
const ROUND = 50;
const CONCURRENCY = 8;
/** Long enough for one look-up (client timeout 20 s) and its answer: the item is this desk's meanwhile. */
const LEASE_MS = 60_000;

/**
 * Confirms what notifications claimed: one signed find-transaction per item with waiting changes, whose answer —
 * not the notification — is stored. A change Praxis contradicts is logged; a look-up that fails is tried again later.
 */
export function createChangeConfirmer(deps: ChangeConfirmerDeps) {
  const { store, log } = deps;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  async function confirm(session: PraxisSession, item: DueItem): Promise<void> {
    const { tid } = item;
    // Closing (a profile switch): hand the item back at once instead of making the switch wait for every look-up.
    if (closed) return releaseChanges(store.db, item);
    try {
      const found = await session.client.findTransaction(tid);
      const status = found.transaction.transaction_status.toLowerCase();
      const observedAt = new Date((found.timestamp ?? Math.floor(Date.now() / 1000)) * 1000);
      const contradicted = await store.db.transaction(async (tx) => {
        await ingestSnapshot(
          tx,
          { customer: found.customer ?? null, session: found.session ?? null, transaction: found.transaction },
          { observedAt, source: 'lookup' },
        );
        return settleChanges(tx, item, status);
      });
      for (const c of contradicted)
        log.warn('a notified change was not confirmed by Praxis; its answer was stored instead', {
          tid,
          claimed: c.claimedStatus,
          found: status,
        });
    } catch (err) {
      if (isPraxisError(err) && err.code === 'PRAXIS_REJECTED' && /not found/i.test(err.praxisDescription ?? '')) {
        await settleChanges(store.db, item, null);
        log.warn('a notification named a transaction Praxis does not know; nothing was stored', { tid });
        return;
      }
      await deferChanges(store.db, item, String(err));
      log.warn('could not confirm a notified change yet; will try again', { tid, error: String(err) });
    }
  }

  async function round(): Promise<void> {
    while (!closed) {
      const due = await takeDue(store.db, ROUND, LEASE_MS);
      if (due.length === 0) return;
      let session: PraxisSession;
      try {
        session = await deps.praxis();
      } catch (err) {
        for (const item of due) await deferChanges(store.db, item, `cannot look it up: ${String(err)}`);
        return;
      }
      await mapBounded(due, CONCURRENCY, (item) => confirm(session, item));
    }
  }

  /** Runs a round now, or right after the one running. */
  function kick(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await round().catch((err: unknown) => log.error('confirming notified changes failed', { error: String(err) }));
      } while (again && !closed);
      running = null;
    })();
    return running;
  }

  const timer = setInterval(() => void kick(), deps.everyMs ?? 3_000);
  timer.unref?.();
  void kick();
  // On a team server the intake is another process: its NOTIFY starts a round here within a second, not at the next tick.
  const unlisten =
    store.kind === 'postgres'
      ? store.db
          .listen(UNCONFIRMED_CHANNEL, () => void kick())
          .catch((err: unknown) => {
            log.warn('not listening for a headless intake; waiting changes are found by the timer', {
              error: String(err),
            });
            return async () => undefined;
          })
      : null;

  return {
    kick,
    async close(): Promise<void> {
      closed = true;
      clearInterval(timer);
      if (unlisten) await (await unlisten)().catch(() => undefined);
      await running;
    },
  };
}
export type ChangeConfirmer = ReturnType<typeof createChangeConfirmer>;
