/**
 * The payout queue as it was read before the JSON path: rows converted by the driver, risk codes in JS per row.
 * Kept as the reference the set-wise JSON path is checked against (same rows, same flags) and benchmarked against.
 */
import type { PayoutRow, RiskFlagCode, RiskSeverity } from '../../src/shared/payouts';
import type { Queryable } from '../../src/core/store/db';
import {
  PENDING_WITHDRAWAL_STATUSES,
  NO_MONEY_STATUSES as VOID_PAYOUT_STATUSES,
} from '../../src/core/store/status-precedence';
import { riskFromAggregates, type RiskSettings } from '../../src/core/payouts/risk';

const PENDING_LIST = PENDING_WITHDRAWAL_STATUSES.map((s) => `'${s}'`).join(', ');
/** Requests that no longer count as the customer's withdrawals. */
const VOID_STATUSES = `'cancelled', 'canceled', 'rejected', 'declined'`;

/**
 * The payout queue with every risk input summed set-wise: one statement whatever the row count. `ids` picks the
 * requests (the queue, or given tids); the customers' histories are read once and aggregated per customer,
 * and the velocity count is a window over each customer's requests, not a query per row.
 */
const rowsSql = (ids: string) => `
WITH ids AS (${ids}),
p AS (
  SELECT t.tid, t.status, t.amount_minor, t.currency, t.cid, t.customer_token, t.payment_method, t.masked_destination, t.gateway, t.created_at
  FROM ids JOIN transactions t ON t.tid = ids.tid AND t.transaction_type = 'payout' AND t.withdrawal_request_id IS NULL
),
tokens AS (SELECT DISTINCT customer_token FROM p WHERE customer_token IS NOT NULL),
hist AS (
  SELECT h.tid, h.customer_token, h.transaction_type, h.status, h.amount_minor, h.currency, h.masked_destination, h.created_at, h.withdrawal_request_id
  FROM transactions h WHERE h.customer_token IN (SELECT customer_token FROM tokens)
),
dep AS (
  SELECT customer_token, currency, sum(amount_minor)::int8 AS deposited FROM hist
  WHERE transaction_type IN ('sale', 'authorization') AND status = 'approved' GROUP BY customer_token, currency
),
dest AS (
  SELECT DISTINCT customer_token, masked_destination FROM hist
  WHERE transaction_type IN ('sale', 'authorization') AND status = 'approved' AND masked_destination IS NOT NULL
),
wd_ending AS (
  SELECT tid, customer_token, currency, amount_minor, created_at,
         count(*) OVER (PARTITION BY customer_token ORDER BY created_at RANGE BETWEEN $1::interval PRECEDING AND CURRENT ROW) AS ending_here
  FROM hist WHERE transaction_type = 'payout' AND withdrawal_request_id IS NULL AND status NOT IN (${VOID_STATUSES})
),
wd AS (
  SELECT tid, customer_token, currency, amount_minor,
         max(ending_here) OVER (PARTITION BY customer_token ORDER BY created_at RANGE BETWEEN CURRENT ROW AND $1::interval FOLLOWING) AS in_window
  FROM wd_ending
),
wd_cur AS (SELECT customer_token, currency, sum(amount_minor)::int8 AS withdrawn FROM wd GROUP BY customer_token, currency),
wd_all AS (SELECT customer_token, count(*)::int8 AS n FROM wd GROUP BY customer_token),
paid AS (
  SELECT withdrawal_request_id AS tid, sum(amount_minor)::int8 AS paid FROM transactions
  WHERE withdrawal_request_id IN (SELECT tid FROM p) AND status NOT IN (${VOID_PAYOUT_STATUSES.map((s) => `'${s}'`).join(', ')})
  GROUP BY withdrawal_request_id
)
SELECT p.tid, COALESCE(paid.paid, 0)::int8 AS paid, p.status, p.amount_minor, p.currency, p.cid, p.payment_method, p.masked_destination, p.gateway, p.created_at,
       c.first_name, c.last_name, c.country, c.avs_alert, c.verification_alert, j.state AS journal_state,
       CASE WHEN j.state = 'sending' THEN j.operator END AS claimed_by,
       COALESCE(dep.deposited, 0)::int8 AS deposited,
       (COALESCE(wd_cur.withdrawn, 0) - CASE WHEN w.tid IS NULL THEN 0 ELSE p.amount_minor END)::int8 AS other_withdrawn,
       (COALESCE(wd_all.n, 0) - CASE WHEN w.tid IS NULL THEN 0 ELSE 1 END)::int8 AS other_count,
       GREATEST(COALESCE(w.in_window, 1) - 1, 0)::int8 AS burst_others,
       (p.masked_destination IS NULL OR d.customer_token IS NOT NULL) AS destination_known
FROM p
LEFT JOIN customers c ON c.customer_token = p.customer_token
LEFT JOIN action_journal j ON j.item_kind = 'transaction' AND j.item_id = p.tid::text AND j.state IN ('sending', 'unknown')
LEFT JOIN dep ON dep.customer_token = p.customer_token AND dep.currency = p.currency
LEFT JOIN wd_cur ON wd_cur.customer_token = p.customer_token AND wd_cur.currency = p.currency
LEFT JOIN wd_all ON wd_all.customer_token = p.customer_token
LEFT JOIN wd w ON w.tid = p.tid
LEFT JOIN paid ON paid.tid = p.tid
LEFT JOIN dest d ON d.customer_token = p.customer_token AND d.masked_destination = p.masked_destination
ORDER BY p.created_at, p.tid`;

const QUEUE_SQL = rowsSql(`
  SELECT tid FROM transactions WHERE transaction_type = 'payout' AND withdrawal_request_id IS NULL AND status IN (${PENDING_LIST})
  UNION
  SELECT item_id::bigint FROM action_journal WHERE item_kind = 'transaction' AND state IN ('sending', 'unknown')`);

const BY_TIDS_SQL = rowsSql(`SELECT DISTINCT unnest($2::int8[]) AS tid`);

interface QueueSqlRow {
  tid: number;
  status: string;
  amount_minor: number;
  paid: number;
  currency: string;
  cid: string | null;
  payment_method: string | null;
  masked_destination: string | null;
  gateway: string | null;
  created_at: Date;
  first_name: string | null;
  last_name: string | null;
  country: string | null;
  avs_alert: number | null;
  verification_alert: number | null;
  journal_state: 'sending' | 'unknown' | null;
  claimed_by: string | null;
  deposited: number;
  other_withdrawn: number;
  other_count: number;
  burst_others: number;
  destination_known: boolean;
}

function toRow(r: QueueSqlRow, settings: RiskSettings): PayoutRow {
  const risk = riskFromAggregates(
    {
      tid: r.tid,
      amountMinor: r.amount_minor,
      currency: r.currency,
      createdAt: r.created_at,
      destinationId: r.masked_destination,
      destinationLabel: r.masked_destination,
      verificationAlert: r.verification_alert,
      avsAlert: r.avs_alert,
    },
    {
      otherWithdrawalCount: r.other_count,
      depositedMinor: r.deposited,
      otherWithdrawnMinor: r.other_withdrawn,
      burstOtherWithdrawals: r.burst_others,
      destinationKnown: r.destination_known,
    },
    settings,
  );
  const flags = risk.map((f) => f.code);
  const flagSeverity: Partial<Record<RiskFlagCode, RiskSeverity>> = Object.fromEntries(
    risk.map((f) => [f.code, f.severity]),
  );
  const name = [r.first_name, r.last_name].filter(Boolean).join(' ');
  return {
    tid: r.tid,
    cid: r.cid,
    customerName: name || null,
    country: r.country,
    amountMinor: r.amount_minor,
    remainingMinor: Math.max(0, r.amount_minor - r.paid),
    currency: r.currency,
    paymentMethod: r.payment_method,
    destination: r.masked_destination,
    gateway: r.gateway,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    journalState: r.journal_state,
    claimedBy: r.claimed_by,
    flags,
    flagSeverity,
    needsSecondApproval: flags.includes('four_eyes'),
  };
}

const windowOf = (s: RiskSettings) => `${s.velocityWindowHours} hours`;

/** Every withdrawal request waiting for a decision or with an unresolved action, oldest first. */
export async function queueRowsPerRow(q: Queryable, settings: RiskSettings): Promise<PayoutRow[]> {
  const res = await q.query<QueueSqlRow>(QUEUE_SQL, [windowOf(settings)]);
  return res.rows.map((r) => toRow(r, settings));
}

/** The current row of each given withdrawal request, whatever its status (so a window can drop rows that left the queue). */
export async function rowsByTidPerRow(
  q: Queryable,
  tids: readonly number[],
  settings: RiskSettings,
): Promise<PayoutRow[]> {
  if (tids.length === 0) return [];
  const res = await q.query<QueueSqlRow>(BY_TIDS_SQL, [windowOf(settings), tids]);
  return res.rows.map((r) => toRow(r, settings));
}
