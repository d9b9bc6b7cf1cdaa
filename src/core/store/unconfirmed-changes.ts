import { acceptManyWithClaims, type AcceptedClaim, type AcceptedEffect } from './accept-many';
import type { Queryable } from './db';

/**
 * What a notification claims about an item, kept until a signed find-transaction confirms or contradicts it. The
 * notification's signature covers the tid and the amounts but not the status, the card or the alerts (§5.1), so a
 * captured message edited within its 60 s window would otherwise change an item unchecked.
 */
export interface UnconfirmedChange {
  tid: number;
  claimedStatus: string;
  claimedAmountMinor: number | null;
  claimedCurrency: string | null;
  notifiedAt: string;
}

/**
 * Stores an accepted notification and, when it would change its item (a new item, another status, amount,
 * destination or alert), what it claims — in one statement (the intake's group commit stores many in the same one).
 * Returns null for a copy of a message already accepted (the unique partial index decides, even in a race).
 */
export async function acceptWithClaim(
  q: Queryable,
  record: AcceptedClaim['record'],
  n: AcceptedClaim['n'],
): Promise<AcceptedEffect> {
  const [effect] = await acceptManyWithClaims(q, [{ record, n }]);
  return effect ?? null;
}

/** An item taken for a look-up, and the newest of its changes the look-up answers for. */
export interface DueItem {
  tid: number;
  /** Changes stored after the look-up began (a later notification) wait for the next one: Praxis's answer may predate them. */
  upToId: number;
}

/**
 * Up to `limit` items with a change due for a look-up, each leased for `leaseMs` so another desk on the same store
 * (or the next round) does not look it up at the same time. One look-up per item, however many changes wait.
 */
export async function takeDue(q: Queryable, limit: number, leaseMs: number): Promise<DueItem[]> {
  const res = await q.query<{ tid: string | number; id: string | number }>(
    `UPDATE unconfirmed_changes SET next_attempt_at = now() + $2 * interval '1 millisecond'
     WHERE id IN (SELECT id FROM unconfirmed_changes WHERE state = 'pending' AND next_attempt_at <= now()
                  AND tid IN (SELECT DISTINCT tid FROM unconfirmed_changes WHERE state = 'pending' AND next_attempt_at <= now()
                              ORDER BY tid LIMIT $1)
                  FOR UPDATE SKIP LOCKED)
     RETURNING tid, id`,
    [limit, leaseMs],
  );
  const upTo = new Map<number, number>();
  for (const r of res.rows) upTo.set(Number(r.tid), Math.max(upTo.get(Number(r.tid)) ?? 0, Number(r.id)));
  return [...upTo].map(([tid, upToId]) => ({ tid, upToId }));
}

/**
 * Settles every waiting change of the item with what Praxis answered (null: Praxis does not know the tid), and
 * dates the item from the earliest notification about it (Praxis sends no created_at, §8a). Returns the
 * changes Praxis contradicted, for the log.
 */
export async function settleChanges(
  q: Queryable,
  item: DueItem,
  foundStatus: string | null,
): Promise<{ claimedStatus: string; notifiedAt: Date }[]> {
  const { tid, upToId } = item;
  const res = await q.query<{ claimed_status: string; notified_at: Date; state: string }>(
    `UPDATE unconfirmed_changes SET state = CASE WHEN claimed_status = $2 THEN 'confirmed' ELSE 'contradicted' END,
       found_status = $2, resolved_at = now()
     WHERE tid = $1 AND state = 'pending' AND id <= $3 RETURNING claimed_status, notified_at, state`,
    [tid, foundStatus, upToId],
  );
  if (foundStatus !== null && res.rows.length > 0)
    await q.query(
      `UPDATE transactions SET created_at = LEAST(created_at, (SELECT min(notified_at) FROM unconfirmed_changes WHERE tid = $1))
       WHERE tid = $1`,
      [tid],
    );
  return res.rows
    .filter((r) => r.state === 'contradicted')
    .map((r) => ({ claimedStatus: r.claimed_status, notifiedAt: r.notified_at }));
}

/** A look-up that failed: try again later, waiting longer each time (2 s, 4 s, … up to 5 min). */
export async function deferChanges(q: Queryable, item: DueItem, error: string): Promise<void> {
  await q.query(
    `UPDATE unconfirmed_changes SET attempts = attempts + 1, last_error = $2,
       next_attempt_at = now() + least(300, 2 ^ (attempts + 1)) * interval '1 second'
     WHERE tid = $1 AND state = 'pending' AND id <= $3`,
    [item.tid, error.slice(0, 500), item.upToId],
  );
}

/** Gives an item's changes back untried (the desk is closing this store): due at once for whoever opens it next. */
export async function releaseChanges(q: Queryable, item: DueItem): Promise<void> {
  await q.query(
    `UPDATE unconfirmed_changes SET next_attempt_at = now() WHERE tid = $1 AND state = 'pending' AND id <= $2`,
    [item.tid, item.upToId],
  );
}

/** The changes notified for an item that Praxis has not confirmed yet, oldest first. */
export async function pendingChanges(q: Queryable, tid: number): Promise<UnconfirmedChange[]> {
  const res = await q.query<{
    claimed_status: string;
    claimed_amount_minor: string | number | null;
    claimed_currency: string | null;
    notified_at: Date;
  }>(
    `SELECT claimed_status, claimed_amount_minor, claimed_currency, notified_at FROM unconfirmed_changes
     WHERE tid = $1 AND state = 'pending' ORDER BY id`,
    [tid],
  );
  return res.rows.map((r) => ({
    tid,
    claimedStatus: r.claimed_status,
    claimedAmountMinor: r.claimed_amount_minor === null ? null : Number(r.claimed_amount_minor),
    claimedCurrency: r.claimed_currency,
    notifiedAt: r.notified_at.toISOString(),
  }));
}
