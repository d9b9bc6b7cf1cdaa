import { withTokensHidden } from '../praxis/customer-tokens';
import type { Customer, Session, Transaction } from '../praxis/schemas';
import { changeNotices, sendNotices, type QueueName, type StoreChange } from './changes';
import type { Queryable } from './db';
import {
  advancesSql,
  PAID_PAYOUT_STATUSES,
  PENDING_WITHDRAWAL_STATUSES,
  normalizeTransactionType,
  statusRank,
} from './status-precedence';

/** What Praxis tells us about one item, by notification or by find-transaction / find-order. */
export interface PraxisSnapshot {
  customer?: Customer | null;
  session?: Session | null;
  transaction?: Transaction | null;
}

export interface SnapshotOrigin {
  /** Praxis's own timestamp on the message: orders observations of the same item. */
  observedAt: Date;
  source: 'notification' | 'lookup' | 'action';
}

export interface IngestedItem {
  tid: number | null;
  orderId: string | null;
  transactionType: string | null;
  /** The item's status after this observation (may be unchanged when the observation was older). */
  status: string | null;
  /** The queue the item is in now, if any. */
  queue: QueueName | null;
  /** A payout whose request this observation marked paid (`split`): its approved payouts cover it. */
  requestMarkedPaid: boolean;
}

// Whether the incoming row is at least as far along as the stored one (see status-precedence.ts).
const ADVANCES = advancesSql(
  { rank: 't.status_rank', at: 't.status_at' },
  { rank: 'EXCLUDED.status_rank', at: 'EXCLUDED.status_at' },
);
const latest = (col: string) => `${col} = CASE WHEN ${ADVANCES} THEN EXCLUDED.${col} ELSE t.${col} END`;
const fill = (col: string) =>
  `${col} = CASE WHEN ${ADVANCES} THEN COALESCE(EXCLUDED.${col}, t.${col}) ELSE COALESCE(t.${col}, EXCLUDED.${col}) END`;

const UPSERT_TRANSACTION = `
INSERT INTO transactions AS t (
  tid, transaction_type, status, status_rank, status_at, psp_transaction_id, order_id, cid, customer_token,
  amount_minor, currency, processed_amount_minor, processed_currency, conversion_rate, payment_method,
  payment_processor, gateway, masked_destination, withdrawal_request_id, created_at, last_source,
  raw_transaction, raw_session, raw_customer)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
ON CONFLICT (tid) DO UPDATE SET
  ${['status', 'status_rank', 'status_at', 'amount_minor', 'currency', 'processed_amount_minor', 'processed_currency', 'conversion_rate', 'last_source', 'raw_transaction', 'raw_session', 'raw_customer'].map(latest).join(',\n  ')},
  ${['transaction_type', 'psp_transaction_id', 'order_id', 'cid', 'customer_token', 'payment_method', 'payment_processor', 'gateway', 'masked_destination', 'withdrawal_request_id'].map(fill).join(',\n  ')},
  created_at = LEAST(t.created_at, EXCLUDED.created_at),
  updated_at = now()
RETURNING tid, transaction_type, status, withdrawal_request_id`;

/**
 * Praxis does not notify a request's own `split` after a complete or a split ([L-flow]; the labelled choice in
 * payouts/request-state.ts): a request whose approved (final) payouts cover its amount has been paid, whoever
 * paid it (this desk, another one, the back office), so it leaves the queue when its last payout is reported.
 */
const MARK_REQUEST_PAID = `
WITH marked AS (
  UPDATE transactions r SET status = 'split', status_rank = $3, status_at = $2, last_source = $4, updated_at = now()
  WHERE r.tid = $1 AND r.status = ANY ($5::text[]) AND r.amount_minor <= (
    SELECT COALESCE(sum(c.amount_minor), 0) FROM transactions c
    WHERE c.withdrawal_request_id = $1 AND c.status = ANY ($6::text[]))
  RETURNING r.tid)
SELECT EXISTS (SELECT 1 FROM marked) AS marked, pg_notify($7, $8) IS NULL AS told`;

const UPSERT_CUSTOMER = `
INSERT INTO customers AS c (customer_token, cid, first_name, last_name, country, avs_alert, verification_alert, raw_customer)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (customer_token) DO UPDATE SET
  cid = COALESCE(EXCLUDED.cid, c.cid),
  first_name = COALESCE(EXCLUDED.first_name, c.first_name),
  last_name = COALESCE(EXCLUDED.last_name, c.last_name),
  country = COALESCE(EXCLUDED.country, c.country),
  avs_alert = COALESCE(EXCLUDED.avs_alert, c.avs_alert),
  verification_alert = COALESCE(EXCLUDED.verification_alert, c.verification_alert),
  raw_customer = EXCLUDED.raw_customer,
  updated_at = now()`;

const SESSION_NEWER = '(s.status_at IS NULL OR EXCLUDED.status_at >= s.status_at)';
const UPSERT_SESSION = `
INSERT INTO sessions AS s (order_id, intent, session_status, status_at, cid, customer_token, amount_minor, currency,
  processed_amount_minor, processed_currency, latest_tid, raw_session)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (order_id) DO UPDATE SET
  ${['session_status', 'status_at', 'processed_amount_minor', 'processed_currency', 'raw_session']
    .map((c) => `${c} = CASE WHEN ${SESSION_NEWER} THEN EXCLUDED.${c} ELSE s.${c} END`)
    .join(',\n  ')},
  latest_tid = CASE WHEN ${SESSION_NEWER} THEN COALESCE(EXCLUDED.latest_tid, s.latest_tid) ELSE COALESCE(s.latest_tid, EXCLUDED.latest_tid) END,
  intent = COALESCE(s.intent, EXCLUDED.intent),
  cid = COALESCE(s.cid, EXCLUDED.cid),
  customer_token = COALESCE(s.customer_token, EXCLUDED.customer_token),
  amount_minor = COALESCE(s.amount_minor, EXCLUDED.amount_minor),
  currency = COALESCE(s.currency, EXCLUDED.currency),
  updated_at = now()
RETURNING origin`;

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
const text = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);
const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** Which queue a transaction in this state belongs to, if any. */
export function queueOf(row: {
  transaction_type: string;
  status: string;
  withdrawal_request_id: number | null;
}): QueueName | null {
  if (
    row.transaction_type === 'payout' &&
    row.withdrawal_request_id === null &&
    (PENDING_WITHDRAWAL_STATUSES as readonly string[]).includes(row.status)
  )
    return 'payouts';
  if (row.transaction_type === 'authorization' && row.status === 'authorized') return 'deposits';
  return null;
}

/** The queue whose screen shows this transaction type at all (joining or leaving it); ingesting it tells that queue. */
export function screenOf(type: string): QueueName | null {
  if (type === 'payout') return 'payouts';
  if (type === 'authorization' || type === 'sale' || type === 'refund') return 'deposits';
  return null;
}

/**
 * Stores what Praxis said about an item — customer, session and transaction — in the caller's transaction,
 * never moving an item backwards, and announces the queues that changed: one message per queue, at the end.
 */
export async function ingestSnapshot(
  q: Queryable,
  snap: PraxisSnapshot,
  origin: SnapshotOrigin,
): Promise<IngestedItem> {
  // A session's auth_token opens its card page and a card or wallet token pays with it: none is kept on disk.
  const { customer, session, transaction: tx } = withTokensHidden(snap);
  const changes: StoreChange[] = [];
  const cid = session?.cid ?? null;
  const customerToken = customer?.customer_token ?? null;
  if (customer) {
    await q.query(UPSERT_CUSTOMER, [
      customer.customer_token,
      cid,
      n(customer.first_name),
      n(customer.last_name),
      n(customer.country),
      n(customer.avs_alert),
      n(customer.verification_alert),
      json(customer),
    ]);
  }

  let sessionOrigin: string | null = null;
  const orderId = session?.order_id ?? null;
  if (session && orderId) {
    const res = await q.query<{ origin: string }>(UPSERT_SESSION, [
      orderId,
      n(session.intent),
      n(session.session_status),
      origin.observedAt,
      cid,
      customerToken,
      n(session.amount),
      n(session.currency),
      n(session.processed_amount),
      n(session.processed_currency),
      tx?.tid ?? null,
      json(session),
    ]);
    sessionOrigin = res.rows[0]?.origin ?? null;
  }

  const out: IngestedItem = {
    tid: null,
    orderId,
    transactionType: null,
    status: null,
    queue: null,
    requestMarkedPaid: false,
  };
  // A separate payout's request, to mark paid when its payouts now cover it.
  let markRequest: number | null = null;
  if (tx) {
    const type = normalizeTransactionType(tx.transaction_type);
    const status = tx.transaction_status.toLowerCase();
    // Praxis sends no created_at (§8a): the age is the earliest time the desk knows (LEAST below keeps the first).
    const createdAt = origin.observedAt;
    const res = await q.query<{
      tid: number;
      transaction_type: string;
      status: string;
      withdrawal_request_id: number | null;
    }>(UPSERT_TRANSACTION, [
      tx.tid,
      type,
      status,
      statusRank(status),
      origin.observedAt,
      n(tx.transaction_id),
      orderId,
      cid,
      customerToken,
      tx.amount,
      tx.currency,
      n(tx.processed_amount),
      n(tx.processed_currency),
      text(tx.conversion_rate),
      n(tx.payment_method),
      n(tx.payment_processor),
      n(tx.gateway),
      tx.card?.card_number ?? tx.wallet?.account_identifier ?? null,
      // A withdrawal request's own id is not a parent link; only a separate payout points at its request.
      tx.withdrawal_request_id && tx.withdrawal_request_id !== tx.tid ? tx.withdrawal_request_id : null,
      createdAt,
      origin.source,
      json(tx),
      json(session),
      json(customer),
    ]);
    const row = res.rows[0];
    if (row) {
      Object.assign(out, {
        tid: row.tid,
        transactionType: row.transaction_type,
        status: row.status,
        queue: queueOf(row),
      });
      const screen = screenOf(row.transaction_type);
      if (screen) changes.push({ queue: screen, ids: [String(row.tid)] });
      if (row.withdrawal_request_id !== null) {
        markRequest = row.withdrawal_request_id;
        changes.push({ queue: 'payouts', ids: [String(row.withdrawal_request_id)] });
      }
    }
  }
  if (sessionOrigin === 'virtual-terminal' && orderId) {
    out.queue ??= 'terminal';
    changes.push({ queue: 'terminal', ids: [orderId] });
  }
  const notices = changeNotices(changes);
  if (markRequest !== null) {
    // The request's mark carries the first announcement (there is one: the payouts queue changed), one round trip less.
    const marked = await q.query<{ marked: boolean }>(MARK_REQUEST_PAID, [
      markRequest,
      origin.observedAt,
      statusRank('split'),
      origin.source,
      [...PENDING_WITHDRAWAL_STATUSES],
      [...PAID_PAYOUT_STATUSES],
      ...notices.shift()!,
    ]);
    out.requestMarkedPaid = marked.rows[0]?.marked === true;
  }
  await sendNotices(q, notices);
  return out;
}
