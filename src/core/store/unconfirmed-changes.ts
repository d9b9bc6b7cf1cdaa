import type { Notification } from '../praxis/schemas';
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

const STORED_FACTS = `
SELECT t.status, t.amount_minor, t.currency, t.processed_amount_minor, t.processed_currency, t.masked_destination,
       c.avs_alert, c.verification_alert
FROM transactions t LEFT JOIN customers c ON c.customer_token = t.customer_token WHERE t.tid = $1`;

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** Whether the notification would change the item's status, amounts, destination or risk data (or is a new item). */
export async function claimsChange(q: Queryable, n: Notification): Promise<boolean> {
  const tx = n.transaction;
  if (!tx) return false;
  const res = await q.query<{
    status: string;
    amount_minor: number;
    currency: string;
    processed_amount_minor: number | null;
    processed_currency: string | null;
    masked_destination: string | null;
    avs_alert: number | null;
    verification_alert: number | null;
  }>(STORED_FACTS, [tx.tid]);
  const row = res.rows[0];
  if (!row) return true;
  return !(
    row.status === tx.transaction_status.toLowerCase() &&
    Number(row.amount_minor) === tx.amount &&
    row.currency === tx.currency &&
    same(row.processed_amount_minor === null ? null : Number(row.processed_amount_minor), tx.processed_amount) &&
    same(row.processed_currency, tx.processed_currency) &&
    same(row.masked_destination, tx.card?.card_number ?? tx.wallet?.account_identifier) &&
    same(row.avs_alert, n.customer.avs_alert) &&
    same(row.verification_alert, n.customer.verification_alert)
  );
}

export async function recordUnconfirmed(
  q: Queryable,
  c: { tid: number; notificationId: number; status: string; amountMinor: number; currency: string; notifiedAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO unconfirmed_changes (tid, notification_id, claimed_status, claimed_amount_minor, claimed_currency, notified_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.tid, c.notificationId, c.status, c.amountMinor, c.currency, c.notifiedAt],
  );
}

/**
 * Up to `limit` items with a change due for a look-up, each leased for `leaseMs` so another desk on the same store
 * (or the next round) does not look it up at the same time. One look-up per item, however many changes wait.
 */
export async function takeDue(q: Queryable, limit: number, leaseMs: number): Promise<number[]> {
  const res = await q.query<{ tid: string | number }>(
    `UPDATE unconfirmed_changes SET next_attempt_at = now() + $2 * interval '1 millisecond'
     WHERE id IN (SELECT id FROM unconfirmed_changes WHERE state = 'pending' AND next_attempt_at <= now()
                  AND tid IN (SELECT DISTINCT tid FROM unconfirmed_changes WHERE state = 'pending' AND next_attempt_at <= now()
                              ORDER BY tid LIMIT $1)
                  FOR UPDATE SKIP LOCKED)
     RETURNING tid`,
    [limit, leaseMs],
  );
  return [...new Set(res.rows.map((r) => Number(r.tid)))];
}

/**
 * Settles every waiting change of the item with what Praxis answered (null: Praxis does not know the tid), and
 * dates the item from the earliest notification about it (Praxis sends no created_at, §8a). Returns the
 * changes Praxis contradicted, for the log.
 */
export async function settleChanges(
  q: Queryable,
  tid: number,
  foundStatus: string | null,
): Promise<{ claimedStatus: string; notifiedAt: Date }[]> {
  const res = await q.query<{ claimed_status: string; notified_at: Date; state: string }>(
    `UPDATE unconfirmed_changes SET state = CASE WHEN claimed_status = $2 THEN 'confirmed' ELSE 'contradicted' END,
       found_status = $2, resolved_at = now()
     WHERE tid = $1 AND state = 'pending' RETURNING claimed_status, notified_at, state`,
    [tid, foundStatus],
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
export async function deferChanges(q: Queryable, tid: number, error: string): Promise<void> {
  await q.query(
    `UPDATE unconfirmed_changes SET attempts = attempts + 1, last_error = $2,
       next_attempt_at = now() + least(300, 2 ^ (attempts + 1)) * interval '1 second'
     WHERE tid = $1 AND state = 'pending'`,
    [tid, error.slice(0, 500)],
  );
}

/** Gives an item's changes back untried (the desk is closing this store): due at once for whoever opens it next. */
export async function releaseChanges(q: Queryable, tid: number): Promise<void> {
  await q.query(`UPDATE unconfirmed_changes SET next_attempt_at = now() WHERE tid = $1 AND state = 'pending'`, [tid]);
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
