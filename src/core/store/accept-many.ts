import type { Notification } from '../praxis/schemas';
import { UNCONFIRMED_CHANNEL } from './changes';
import type { Queryable } from './db';
import type { NotificationRecord } from './notifications-repo';

/** An accepted, authenticated notification with a transaction, ready to be stored with what it claims. */
export interface AcceptedClaim {
  record: NotificationRecord & { dedupeKey: string };
  n: Notification & { transaction: NonNullable<Notification['transaction']> };
}

/** What storing one did: null for a copy of a message already accepted (before, or earlier in the same batch). */
export type AcceptedEffect = 'unconfirmed' | 'unchanged' | null;

/**
 * Many accepted notifications and their claims in ONE statement (so one commit and one round trip for a batch), with
 * the same rules as acceptWithClaim: the first copy of a dedupe key wins, and a claim is kept only when it would
 * change its item and no look-up has answered for its moment yet. Each input row is one array element; `ord` keeps the answers in input order.
 */
const ACCEPT_MANY = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[], $5::int8[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::int8[], $11::text[], $12::int8[], $13::text[], $14::text[], $15::int4[],
                       $16::int4[], $17::text[], $18::int8[])
    WITH ORDINALITY AS i(dedupe_key, tid, order_id, transaction_status, praxis_timestamp, raw_body, headers, response,
                         status, amount_minor, currency, processed_amount_minor, processed_currency, destination,
                         avs_alert, verification_alert, notified_at, claim_tid, ord)
),
first_copy AS (SELECT DISTINCT ON (dedupe_key) * FROM input ORDER BY dedupe_key, ord),
ins AS (
  INSERT INTO notifications (verdict, dedupe_key, tid, order_id, transaction_status, praxis_timestamp, raw_body, headers, response)
  SELECT 'accepted', dedupe_key, tid, order_id, transaction_status, praxis_timestamp, raw_body, headers::jsonb, response::jsonb
  FROM first_copy ORDER BY ord
  ON CONFLICT (dedupe_key) WHERE verdict = 'accepted' DO NOTHING RETURNING id, dedupe_key
),
stored AS (SELECT f.*, ins.id AS notification_id FROM first_copy f JOIN ins USING (dedupe_key)),
claim AS (
  INSERT INTO unconfirmed_changes (tid, notification_id, claimed_status, claimed_amount_minor, claimed_currency, notified_at)
  SELECT s.claim_tid, s.notification_id, s.status, s.amount_minor, s.currency, s.notified_at::timestamptz FROM stored s
  WHERE NOT EXISTS (
    SELECT 1 FROM transactions t LEFT JOIN customers c ON c.customer_token = t.customer_token
    WHERE t.tid = s.claim_tid AND t.status = s.status AND t.amount_minor = s.amount_minor AND t.currency = s.currency
      AND t.processed_amount_minor IS NOT DISTINCT FROM s.processed_amount_minor
      AND t.processed_currency IS NOT DISTINCT FROM s.processed_currency
      AND t.masked_destination IS NOT DISTINCT FROM s.destination
      AND c.avs_alert IS NOT DISTINCT FROM s.avs_alert AND c.verification_alert IS NOT DISTINCT FROM s.verification_alert)
  -- A copy of a moment Praxis has already answered for (its signed second, edited to claim another status): a look-up
  -- that ended 2 s or more after that second holds whatever Praxis did in it, so the copy needs no look-up of its own.
  AND NOT EXISTS (
    SELECT 1 FROM unconfirmed_changes u
    WHERE u.tid = s.claim_tid AND u.notified_at = s.notified_at::timestamptz AND u.state <> 'pending'
      AND u.resolved_at >= u.notified_at + interval '2 seconds')
  ORDER BY s.ord
  RETURNING notification_id
)
SELECT i.ord, s.notification_id, k.claimed,
  -- Delivered on commit: every desk on the store (a headless intake is another process) looks the item up at once.
  CASE WHEN k.claimed THEN pg_notify($19, s.claim_tid::text) END AS notified
FROM input i LEFT JOIN stored s ON s.ord = i.ord
  CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM claim WHERE claim.notification_id = s.notification_id) AS claimed) k
ORDER BY i.ord`;

const column = <T>(items: AcceptedClaim[], pick: (c: AcceptedClaim) => T) => items.map(pick);

/** Stores the claims in one statement; answers each one's effect, in input order. All or none are stored. */
export async function acceptManyWithClaims(q: Queryable, items: AcceptedClaim[]): Promise<AcceptedEffect[]> {
  const res = await q.query<{ notification_id: number | null; claimed: boolean }>(
    ACCEPT_MANY,
    [
      column(items, (c) => c.record.dedupeKey),
      column(items, (c) => c.record.tid ?? null),
      column(items, (c) => c.record.orderId ?? null),
      column(items, (c) => c.record.transactionStatus ?? null),
      column(items, (c) => c.record.praxisTimestamp ?? null),
      column(items, (c) => c.record.rawBody),
      column(items, (c) => JSON.stringify(c.record.headers)),
      column(items, (c) => (c.record.response === undefined ? null : JSON.stringify(c.record.response))),
      column(items, (c) => c.n.transaction.transaction_status.toLowerCase()),
      column(items, (c) => c.n.transaction.amount),
      column(items, (c) => c.n.transaction.currency),
      column(items, (c) => c.n.transaction.processed_amount ?? null),
      column(items, (c) => c.n.transaction.processed_currency ?? null),
      column(items, (c) => c.n.transaction.card?.card_number ?? c.n.transaction.wallet?.account_identifier ?? null),
      column(items, (c) => c.n.customer.avs_alert ?? null),
      column(items, (c) => c.n.customer.verification_alert ?? null),
      column(items, (c) => new Date(c.n.timestamp * 1000).toISOString()),
      column(items, (c) => c.n.transaction.tid),
      UNCONFIRMED_CHANNEL,
    ],
    // Run on every group commit: PostgreSQL keeps it parsed per connection instead of parsing it again each time.
    { preparedAs: 'accept_many_with_claims' },
  );
  return res.rows.map((r) => (r.notification_id === null ? null : r.claimed ? 'unconfirmed' : 'unchanged'));
}
