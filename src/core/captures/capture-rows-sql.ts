import { CUSTOMER_NAME_SQL } from '../store/queue-queries';
import {
  isoUtcSql,
  openJournalJoinSql,
  ROW_CLAIMED_BY_SQL,
  ROW_JOURNAL_STATE_SQL,
  UNRESOLVED_TIDS_SQL,
} from '../queues/queue-sql';

/*
 * The capture queue's rows, built by PostgreSQL as one JSON array. $1 is the hold-window table (Settings ›
 * Captures) as JSON; each hold takes the rule holdWindowFor (src/shared/hold-windows.ts) picks — its brand's row,
 * else its payment method's, else the default, first of equals — and lapses at its authorization time plus that
 * window. The unit tests of holdWindowFor and the queue tests hold the two to the same answers.
 */

const IS_OPEN = `t.transaction_type = 'authorization' AND t.status = 'authorized'`;
// Holds Praxis already moved on while our own capture/void on them has no known outcome yet.
const UNRESOLVED = `t.transaction_type = 'authorization' AND NOT (${IS_OPEN}) AND t.tid IN (${UNRESOLVED_TIDS_SQL})`;

const rowsJsonSql = (items: string, page = '') => `
WITH rules AS (
  SELECT e.w ->> 'key' AS key, e.w ->> 'label' AS label, (e.w ->> 'minutes')::int AS minutes,
         lower(e.w ->> 'cardType') AS card, lower(e.w ->> 'paymentMethod') AS method, e.i,
         CASE WHEN e.w ->> 'cardType' IS NOT NULL THEN 0 WHEN e.w ->> 'paymentMethod' IS NOT NULL THEN 1 ELSE 2 END AS specificity
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(w, i)
),
p AS (
  SELECT t.tid, t.status, t.amount_minor, t.currency, t.cid, t.customer_token, t.payment_method, t.masked_destination,
         t.gateway, t.payment_processor, t.order_id, t.created_at, t.raw_transaction -> 'card' ->> 'card_type' AS card_type
  FROM transactions t WHERE ${items}
),
-- The window of each kind of hold (brand, method) once, not once per hold: a queue holds few kinds.
kinds AS (SELECT DISTINCT COALESCE(lower(card_type), '') AS card, COALESCE(lower(payment_method), '') AS method FROM p),
chosen AS MATERIALIZED (
  SELECT k.card, k.method, w.key, w.label, w.minutes FROM kinds k CROSS JOIN LATERAL (
    SELECT rules.* FROM rules
    WHERE rules.card = k.card
       OR (rules.card IS NULL AND rules.method = k.method)
       OR (rules.card IS NULL AND rules.method IS NULL)
    ORDER BY rules.specificity, rules.i LIMIT 1
  ) w
),
r AS (
  -- In milliseconds, as the row writes it: the next page's cursor is the ISO time a row showed.
  SELECT p.*, ch.key, ch.label, ch.minutes,
         date_trunc('milliseconds', p.created_at + make_interval(mins => ch.minutes)) AS lapses_at
  FROM p JOIN chosen ch ON ch.card = COALESCE(lower(p.card_type), '') AND ch.method = COALESCE(lower(p.payment_method), '')
),
q AS (SELECT r.* FROM r ${page})
SELECT COALESCE(json_agg(row), '[]')::text AS rows
FROM (
  SELECT q.tid, q.cid, ${CUSTOMER_NAME_SQL} AS "customerName", q.amount_minor AS "amountMinor", q.currency,
         q.payment_method AS "paymentMethod", q.card_type AS "cardType", q.masked_destination AS destination,
         q.gateway, q.payment_processor AS "gatewayName", q.order_id AS "orderId",
         ${isoUtcSql('q.created_at')} AS "authorizedAt",
         json_build_object('key', q.key, 'label', q.label, 'minutes', q.minutes) AS "holdWindow",
         ${isoUtcSql('q.lapses_at')} AS "lapsesAt", q.status, ${ROW_JOURNAL_STATE_SQL} AS "journalState",
         ${ROW_CLAIMED_BY_SQL} AS "claimedBy"
  FROM q
  LEFT JOIN customers c ON c.customer_token = q.customer_token
  ${openJournalJoinSql('q')}
  ORDER BY q.lapses_at, q.tid
) row`;

/**
 * $2 = page length; $3, $4 = the lapse time and tid of the previous page's last row (NULL: from the
 * start). Every open hold's lapse is worked out to sort them (it depends on settings, so no index holds that order).
 */
export const CAPTURE_QUEUE_SQL = rowsJsonSql(
  `(${IS_OPEN}) OR (${UNRESOLVED})`,
  `WHERE $3::timestamptz IS NULL OR (r.lapses_at, r.tid) > ($3::timestamptz, $4::int8) ORDER BY r.lapses_at, r.tid LIMIT $2::int8`,
);

/** $2 = the tids, whatever their status now (so a window can drop rows that left the queue). */
export const CAPTURE_ROWS_BY_TIDS_SQL = rowsJsonSql(`t.transaction_type = 'authorization' AND t.tid = ANY($2::int8[])`);

/**
 * Open holds lapsing before $2 that were never announced, claimed for announcement in one statement: a restart or a
 * second desk on the same server never announces one twice.
 */
export const CLAIM_EXPIRING_SQL = `
WITH rows AS (${rowsJsonSql(IS_OPEN, 'WHERE r.lapses_at <= $2::timestamptz AND NOT EXISTS (SELECT 1 FROM hold_expiry_notices n WHERE n.tid = r.tid)')}),
list AS (SELECT x.* FROM rows, json_to_recordset(rows.rows::json) AS x(tid int8, "customerName" text, cid text, "amountMinor" int8, currency text, "lapsesAt" text)),
claimed AS (
  INSERT INTO hold_expiry_notices (tid, lapses_at) SELECT tid, "lapsesAt"::timestamptz FROM list
  ON CONFLICT (tid) DO NOTHING RETURNING tid
)
SELECT list.tid, COALESCE(list."customerName", list.cid) AS customer, list."amountMinor" AS "amountMinor", list.currency,
       list."lapsesAt" AS "lapsesAt"
FROM list JOIN claimed ON claimed.tid = list.tid ORDER BY list."lapsesAt", list.tid`;
