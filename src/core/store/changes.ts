import { z } from 'zod';
import type { Db, Queryable } from './db';

export const QUEUES = ['payouts', 'deposits', 'terminal'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface StoreChange {
  queue: QueueName;
  /** tids for payouts/deposits, order_ids for terminal. */
  ids: string[];
}

const StoreChangeSchema = z.object({ queue: z.enum(QUEUES), ids: z.array(z.string()) });

/** The NOTIFY channel every desk on the same store listens to. */
export const CHANGE_CHANNEL = 'desk_changes';

/** Told by an intake (in any process) when a notified change waits for a desk's signed look-up; payload: the tid. */
export const UNCONFIRMED_CHANNEL = 'desk_unconfirmed';

// NOTIFY payloads are limited to 8000 bytes; ids travel in chunks well under that.
const IDS_PER_MESSAGE = 200;

/** The NOTIFY messages (channel, payload) that tell one change: its ids in chunks under the payload limit. */
function noticesOf(change: StoreChange): [channel: string, payload: string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < change.ids.length; i += IDS_PER_MESSAGE)
    out.push([CHANGE_CHANNEL, JSON.stringify({ queue: change.queue, ids: change.ids.slice(i, i + IDS_PER_MESSAGE) })]);
  return out;
}

/**
 * Queues a change inside the caller's transaction. PostgreSQL delivers NOTIFY only on COMMIT, so a
 * rolled-back write never announces a change, on PGlite and on a server alike.
 */
export async function announceChange(q: Queryable, change: StoreChange): Promise<void> {
  await sendNotices(q, noticesOf(change));
}

/** Queues NOTIFY messages inside the caller's transaction, one statement each (see announceChange). */
export async function sendNotices(q: Queryable, notices: readonly [channel: string, payload: string][]): Promise<void> {
  for (const notice of notices) await q.query('SELECT pg_notify($1, $2)', notice);
}

/** The NOTIFY messages of several changes of one commit: one per queue (more past the payload limit), ids once each. */
export function changeNotices(changes: readonly StoreChange[]): [channel: string, payload: string][] {
  const byQueue = new Map<QueueName, Set<string>>();
  for (const c of changes) {
    const ids = byQueue.get(c.queue) ?? new Set<string>();
    for (const id of c.ids) ids.add(id);
    byQueue.set(c.queue, ids);
  }
  return [...byQueue].flatMap(([queue, ids]) => noticesOf({ queue, ids: [...ids] }));
}

/** Several changes of one commit told together: one message per queue (each a round trip), ids once each. */
export async function announceChanges(q: Queryable, changes: readonly StoreChange[]): Promise<void> {
  await sendNotices(q, changeNotices(changes));
}

/**
 * The NOTIFY of a one-item change as parameters another statement can carry (`pg_notify($n, $n+1)`), so the write
 * and its announcement are one round trip; delivered on that statement's commit like any other.
 */
export const changeNotice = (queue: QueueName, id: string): [channel: string, payload: string] => [
  CHANGE_CHANNEL,
  JSON.stringify({ queue, ids: [id] }),
];

/** Subscribes to committed changes from this desk and, on a shared server, from every other desk. */
export async function subscribeChanges(
  db: Db,
  onChange: (change: StoreChange) => void,
  onBadPayload?: (payload: string) => void,
): Promise<() => Promise<void>> {
  return db.listen(CHANGE_CHANNEL, (payload) => {
    let parsed: ReturnType<typeof StoreChangeSchema.safeParse>;
    try {
      parsed = StoreChangeSchema.safeParse(JSON.parse(payload));
    } catch {
      onBadPayload?.(payload);
      return;
    }
    if (parsed.success) onChange(parsed.data);
    else onBadPayload?.(payload);
  });
}
