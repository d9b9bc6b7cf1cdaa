/**
 * Follows open terminal sessions to their end. Notifications (stored by the intake, confirmed by find-transaction)
 * usually settle a session within seconds; when none arrive, the desk asks find-order itself, first after
 * `firstPollMs` and then twice as late each time up to `maxPollMs`, for as long as a Cashier session can live.
 */
import type { Logger } from '../log';
import type { PraxisSession } from '../queues/praxis-session';
import { announceChange } from '../store/changes';
import type { WorkStore } from '../store/work-store';
import { mayStillBePaid, sessionsToFollow, terminalRow } from './terminal-rows';

export interface FollowOptions {
  firstPollMs?: number;
  maxPollMs?: number;
  /** A Cashier session lives 15 minutes (§3.1); a transaction may still be pending after: a margin on top. */
  followForMs?: number;
}

export const FOLLOW_DEFAULTS = { firstPollMs: 5_000, maxPollMs: 60_000, followForMs: 20 * 60_000 };

export function createTerminalFollower(
  deps: { store: WorkStore; log: Logger; praxis(): Promise<PraxisSession> },
  options: FollowOptions = {},
) {
  const o = { ...FOLLOW_DEFAULTS, ...options };
  const timers = new Map<string, NodeJS.Timeout>();
  // Polls under way, so close() can wait for them: the store closes next, and no find-order may go out after.
  const polling = new Set<Promise<void>>();
  let closed = false;

  const schedule = (orderId: string, attempt: number) => {
    if (closed || timers.has(orderId)) return;
    const delay = Math.min(o.firstPollMs * 2 ** attempt, o.maxPollMs);
    const timer = setTimeout(() => {
      timers.delete(orderId);
      const run = poll(orderId, attempt)
        .catch((err: unknown) => deps.log.warn('terminal session follow-up failed', { orderId, error: String(err) }))
        .finally(() => polling.delete(run));
      polling.add(run);
    }, delay);
    timer.unref();
    timers.set(orderId, timer);
  };

  const stillOpen = async (orderId: string) => {
    const row = await terminalRow(deps.store.db, orderId);
    if (!row || !mayStillBePaid(row)) return false;
    return Date.now() - row.created_at.getTime() < o.followForMs;
  };

  async function poll(orderId: string, attempt: number): Promise<void> {
    if (closed || !(await stillOpen(orderId))) return;
    try {
      const s = await deps.praxis();
      if (closed) return;
      const found = await s.client.findOrder(orderId);
      await deps.store.ingest(
        { customer: found.customer, session: found.session, transaction: found.transaction ?? null },
        { observedAt: new Date((found.timestamp ?? Math.floor(Date.now() / 1000)) * 1000), source: 'lookup' },
      );
    } catch (err) {
      deps.log.warn('find-order for a terminal session failed; trying again later', {
        orderId,
        error: deps.log.redact(String(err)),
      });
    }
    await deps.store.db.transaction(async (tx) => {
      await tx.query('UPDATE terminal_sessions SET polls = polls + 1, last_poll_at = now() WHERE order_id = $1', [
        orderId,
      ]);
      await announceChange(tx, { queue: 'terminal', ids: [orderId] });
    });
    if (await stillOpen(orderId)) schedule(orderId, attempt + 1);
  }

  return {
    follow: (orderId: string) => schedule(orderId, 0),
    /** Follows again every session still open in the store (after a restart or a profile switch back). */
    async resume() {
      for (const row of await sessionsToFollow(deps.store.db, o.followForMs)) schedule(row.order_id, 0);
    },
    /** Stops following; resolves once no poll is under way. */
    async close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...polling]);
    },
  };
}
