import { CUSTOMER_NAME_SQL } from '../store/queue-queries';
import {
  isoUtcSql,
  openJournalJoinSql,
  ROW_CLAIMED_BY_SQL,
  ROW_JOURNAL_STATE_SQL,
  UNRESOLVED_TIDS_SQL,
} from '../queues/queue-sql';
import { NO_MONEY_STATUSES, PENDING_WITHDRAWAL_STATUSES } from '../store/status-precedence';
import type { RiskSettings } from './risk';

const PENDING_LIST = PENDING_WITHDRAWAL_STATUSES.map((s) => `'${s}'`).join(', ');
/** Requests that no longer count as the customer's withdrawals. */
const VOID_STATUSES = NO_MONEY_STATUSES.map((s) => `'${s}'`).join(', ');

/** $1..$4: the risk settings, in the order `riskParams` gives them. */
export const riskParams = (s: RiskSettings): unknown[] => [
  `${s.velocityWindowHours} hours`,
  s.withdrawalRatioPercent,
  s.velocityCount,
  JSON.stringify(s.fourEyesThresholds),
];

/**
 * The rules of risk.ts `evaluateRules`, in the same order, over the same per-customer sums: the queue needs codes only,
 * and PostgreSQL can decide them while it builds the row. The scale and flag tests hold both to the same answers.
 */
const FLAGS = `array_remove(ARRAY[
  CASE WHEN r.other_count = 0 THEN 'first_withdrawal' END,
  CASE WHEN r.deposited = 0 OR (r.other_withdrawn + r.amount_minor) * 100 > r.deposited * $2::int8 THEN 'withdrawal_ratio' END,
  CASE WHEN NOT r.destination_known AND r.masked_destination IS NOT NULL THEN 'unknown_destination' END,
  CASE WHEN r.burst_others + 1 >= $3::int8 THEN 'velocity' END,
  CASE WHEN r.verification_alert IN (1, -1) THEN 'verification_alert' END,
  CASE WHEN r.avs_alert = 1 THEN 'avs_alert' END,
  CASE WHEN r.four_eyes THEN 'four_eyes' END
]::text[], NULL)`;

/** Each flag's severity by the same rules as risk.ts's evaluateRules (the risk card); a test holds them equal. */
const FLAG_SEVERITY = `json_strip_nulls(json_build_object(
  'first_withdrawal', CASE WHEN r.other_count = 0 THEN 'info' END,
  'withdrawal_ratio', CASE WHEN r.deposited = 0 THEN 'high' WHEN (r.other_withdrawn + r.amount_minor) * 100 > r.deposited * $2::int8 THEN 'warn' END,
  'unknown_destination', CASE WHEN NOT r.destination_known AND r.masked_destination IS NOT NULL THEN 'high' END,
  'velocity', CASE WHEN r.burst_others + 1 >= $3::int8 THEN 'warn' END,
  'verification_alert', CASE r.verification_alert WHEN 1 THEN 'high' WHEN -1 THEN 'warn' END,
  'avs_alert', CASE WHEN r.avs_alert = 1 THEN 'warn' END,
  'four_eyes', CASE WHEN r.four_eyes THEN 'info' END
))`;

const ISO_UTC = isoUtcSql('r.created_at');

const PAYOUT_COLUMNS = `t.tid, t.status, t.amount_minor, t.currency, t.cid, t.customer_token, t.payment_method, t.masked_destination, t.gateway,
  t.created_at, t.status NOT IN (${VOID_STATUSES}) AS counts`;
/** Withdrawal requests (not their child payouts) that match `where`. */
const requestsWhere = (where: string) =>
  `SELECT ${PAYOUT_COLUMNS} FROM transactions t WHERE t.transaction_type = 'payout' AND t.withdrawal_request_id IS NULL AND ${where}`;

// A page or a few tids: an array makes the planner walk the customer index instead of scanning every transaction.
const PAGE_CUSTOMERS = `h.customer_token = ANY (ARRAY(SELECT DISTINCT customer_token FROM p WHERE customer_token IS NOT NULL))`;

/**
 * The rows of the requests `p` selects, with every risk input summed set-wise, built into one JSON array by
 * PostgreSQL: one statement and one string per page, instead of a driver object and a JS pass per row. p is a page
 * or a few tids at most (statement-pages.ts), so only its customers' histories are read; they are summed per
 * customer and currency, and the velocity count is the busiest window over each customer's requests that holds each one. `page` orders and limits
 * the rows before they are built. json_agg over a sorted subquery keeps its order (PostgreSQL documents this for
 * aggregates), and row_to_json is cheaper than json_build_object.
 */
const rowsJsonSql = (p: string, page = '') => `
WITH p AS (${p}),
hist AS (
  SELECT h.tid, h.customer_token, h.currency, h.amount_minor, h.masked_destination, h.created_at,
         (h.transaction_type IN ('sale', 'authorization') AND h.status = 'approved') AS deposit,
         (h.transaction_type = 'payout' AND h.withdrawal_request_id IS NULL AND h.status NOT IN (${VOID_STATUSES})) AS withdrawal
  FROM transactions h WHERE ${PAGE_CUSTOMERS}
),
sums AS (
  SELECT customer_token, currency,
         COALESCE(sum(amount_minor) FILTER (WHERE deposit), 0)::int8 AS deposited,
         COALESCE(sum(amount_minor) FILTER (WHERE withdrawal), 0)::int8 AS withdrawn,
         (sum(count(*) FILTER (WHERE withdrawal)) OVER (PARTITION BY customer_token))::int8 AS withdrawals
  FROM hist GROUP BY customer_token, currency
),
dest AS (SELECT DISTINCT customer_token, masked_destination FROM hist WHERE deposit AND masked_destination IS NOT NULL),
ending AS (
  SELECT tid, customer_token, created_at,
         count(*) OVER (PARTITION BY customer_token ORDER BY created_at RANGE BETWEEN $1::interval PRECEDING AND CURRENT ROW) AS ending_here
  FROM hist WHERE withdrawal
),
-- The busiest window holding a request ends at a request no earlier than it and within the window after it (risk.ts).
win AS (
  SELECT tid, max(ending_here) OVER (PARTITION BY customer_token ORDER BY created_at RANGE BETWEEN CURRENT ROW AND $1::interval FOLLOWING) AS in_window
  FROM ending
),
-- Unique per tid as far as the planner can tell: joined to p without it, PostgreSQL guesses millions of rows and turns on JIT.
win_by_tid AS (SELECT tid, max(in_window) AS in_window FROM win GROUP BY tid),
r AS (
  SELECT p.tid, p.status, p.amount_minor, COALESCE(pd.paid_minor, 0) AS paid_minor, p.currency, p.cid, p.payment_method, p.masked_destination, p.gateway, p.created_at,
         ${CUSTOMER_NAME_SQL} AS customer_name, c.country,
         c.avs_alert, c.verification_alert, ${ROW_JOURNAL_STATE_SQL} AS journal_state,
         ${ROW_CLAIMED_BY_SQL} AS claimed_by,
         COALESCE(s.deposited, 0) AS deposited,
         COALESCE(s.withdrawn - CASE WHEN p.counts THEN p.amount_minor ELSE 0 END, 0) AS other_withdrawn,
         COALESCE(s.withdrawals - CASE WHEN p.counts THEN 1 ELSE 0 END, 0) AS other_count,
         GREATEST(COALESCE(w.in_window, 1) - 1, 0) AS burst_others,
         (p.masked_destination IS NULL OR d.customer_token IS NOT NULL) AS destination_known,
         COALESCE(p.amount_minor > ($4::jsonb ->> upper(p.currency))::int8, true) AS four_eyes
  FROM p
  LEFT JOIN customers c ON c.customer_token = p.customer_token
  ${openJournalJoinSql('p')}
  LEFT JOIN sums s ON s.customer_token = p.customer_token AND s.currency = p.currency
  LEFT JOIN win_by_tid w ON w.tid = p.tid
  -- What the request's split parts (child payouts not voided) already paid: an index probe per row. As a CTE joined
  -- to p, PostgreSQL (guessing p holds one row) rescanned the whole sum for every row: 1,000 tids took 550 ms.
  LEFT JOIN LATERAL (
    SELECT sum(c.amount_minor)::int8 AS paid_minor FROM transactions c
    WHERE c.withdrawal_request_id = p.tid AND c.status NOT IN (${VOID_STATUSES})
  ) pd ON true
  LEFT JOIN dest d ON d.customer_token = p.customer_token AND d.masked_destination = p.masked_destination
  ${page}
)
SELECT COALESCE(json_agg(row), '[]')::text AS rows
FROM (
  SELECT r.tid, r.cid, r.customer_name AS "customerName", r.country, r.amount_minor AS "amountMinor",
         GREATEST(r.amount_minor - r.paid_minor, 0) AS "remainingMinor", r.currency,
         r.payment_method AS "paymentMethod", r.masked_destination AS destination, r.gateway, r.status, ${ISO_UTC} AS "createdAt",
         r.journal_state AS "journalState", r.claimed_by AS "claimedBy", ${FLAGS} AS flags,
         ${FLAG_SEVERITY} AS "flagSeverity", r.four_eyes AS "needsSecondApproval"
  FROM r ORDER BY r.created_at, r.tid
) row`;

const IS_PENDING = `t.status IN (${PENDING_LIST})`;
// Requests Praxis already moved on while our own action on them has no known outcome yet (a handful at most).
const UNRESOLVED = `NOT (${IS_PENDING}) AND t.tid IN (${UNRESOLVED_TIDS_SQL})`;

/** $5 = page length, $6 = the last tid of the previous page (NULL: from the oldest). */
const AFTER_CURSOR = `($6::int8 IS NULL OR (t.created_at, t.tid) > (SELECT a.created_at, a.tid FROM transactions a WHERE a.tid = $6::int8))`;

/** One page of the queue in its default order (oldest first); the pending part walks its partial index. */
export const QUEUE_PAGE_SQL = rowsJsonSql(
  `(${requestsWhere(`${IS_PENDING} AND ${AFTER_CURSOR}`)} ORDER BY t.created_at, t.tid LIMIT $5::int8)
   UNION ALL ${requestsWhere(`${UNRESOLVED} AND ${AFTER_CURSOR}`)}`,
  `ORDER BY p.created_at, p.tid LIMIT $5::int8`,
);

/** $5 = the tids, whatever their status now. */
export const BY_TIDS_SQL = rowsJsonSql(requestsWhere(`t.tid = ANY($5::int8[])`));
