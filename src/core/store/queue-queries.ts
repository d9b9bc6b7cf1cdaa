import type { Queryable } from './db';
import { PENDING_WITHDRAWAL_STATUSES, NO_MONEY_STATUSES as VOID_PAYOUT_STATUSES } from './status-precedence';

/** One row of the payout queue: a withdrawal request with the customer facts the risk card needs. */
export interface PendingWithdrawal {
  tid: number;
  status: string;
  amountMinor: number;
  currency: string;
  orderId: string | null;
  cid: string | null;
  customerToken: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  avsAlert: number | null;
  verificationAlert: number | null;
  paymentMethod: string | null;
  maskedDestination: string | null;
  gateway: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the last action on this request has an unknown outcome and must be reconciled first. */
  journalState: 'sending' | 'unknown' | null;
}

const PENDING_LIST = PENDING_WITHDRAWAL_STATUSES.map((s) => `'${s}'`).join(', ');
const VOID_PAYOUTS = VOID_PAYOUT_STATUSES.map((s) => `'${s}'`).join(', ');

const PENDING_COLUMNS = `t.tid, t.status, t.amount_minor, t.currency, t.order_id, t.cid, t.customer_token, c.first_name, c.last_name,
       c.country, c.avs_alert, c.verification_alert, t.payment_method, t.masked_destination, t.gateway, t.created_at,
       t.updated_at, j.state AS journal_state`;
const IS_PENDING = `t.transaction_type = 'payout' AND t.withdrawal_request_id IS NULL AND t.status IN (${PENDING_LIST})`;
const IN_FLIGHT = `j.item_kind = 'transaction' AND j.item_id = t.tid::text AND j.state IN ('sending', 'unknown')`;

// Walks the partial index in queue order, so 100k pending requests need no sort.
const PENDING_SQL = `
SELECT ${PENDING_COLUMNS}
FROM transactions t
LEFT JOIN customers c ON c.customer_token = t.customer_token
LEFT JOIN action_journal j ON ${IN_FLIGHT}
WHERE ${IS_PENDING}
ORDER BY t.created_at, t.tid
LIMIT $1`;

// Requests Praxis already moved on while our own action on them has no known outcome yet (a handful at most).
const UNRESOLVED_SQL = `
SELECT ${PENDING_COLUMNS}
FROM action_journal j
JOIN transactions t ON ${IN_FLIGHT}
LEFT JOIN customers c ON c.customer_token = t.customer_token
WHERE t.transaction_type = 'payout' AND NOT (${IS_PENDING})`;

interface PendingRow {
  tid: number;
  status: string;
  amount_minor: number;
  currency: string;
  order_id: string | null;
  cid: string | null;
  customer_token: string | null;
  first_name: string | null;
  last_name: string | null;
  country: string | null;
  avs_alert: number | null;
  verification_alert: number | null;
  payment_method: string | null;
  masked_destination: string | null;
  gateway: string | null;
  created_at: Date;
  updated_at: Date;
  journal_state: 'sending' | 'unknown' | null;
}

/** Withdrawal requests waiting for a decision (requested / verification / partly paid) or with an unknown outcome, oldest first. */
export async function pendingWithdrawals(q: Queryable, limit = 200_000): Promise<PendingWithdrawal[]> {
  const [pending, unresolved] = [
    await q.query<PendingRow>(PENDING_SQL, [limit]),
    await q.query<PendingRow>(UNRESOLVED_SQL),
  ];
  const rows =
    unresolved.rows.length === 0
      ? pending.rows
      : [...pending.rows, ...unresolved.rows]
          .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.tid - b.tid)
          .slice(0, limit);
  return rows.map((r) => ({
    tid: r.tid,
    status: r.status,
    amountMinor: r.amount_minor,
    currency: r.currency,
    orderId: r.order_id,
    cid: r.cid,
    customerToken: r.customer_token,
    firstName: r.first_name,
    lastName: r.last_name,
    country: r.country,
    avsAlert: r.avs_alert,
    verificationAlert: r.verification_alert,
    paymentMethod: r.payment_method,
    maskedDestination: r.masked_destination,
    gateway: r.gateway,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    journalState: r.journal_state,
  }));
}

/** One row of the capture queue. */
export interface OpenAuthorization {
  tid: number;
  amountMinor: number;
  currency: string;
  orderId: string | null;
  cid: string | null;
  customerToken: string | null;
  firstName: string | null;
  lastName: string | null;
  paymentMethod: string | null;
  maskedDestination: string | null;
  createdAt: Date;
  /** Seconds since the hold was created, by the database clock. */
  ageSeconds: number;
  journalState: 'sending' | 'unknown' | null;
}

const OPEN_AUTH_SQL = `
SELECT t.tid, t.amount_minor, t.currency, t.order_id, t.cid, t.customer_token, c.first_name, c.last_name, t.payment_method,
       t.masked_destination, t.created_at, floor(extract(epoch FROM ($1::timestamptz - t.created_at)))::int8 AS age_seconds,
       j.state AS journal_state
FROM transactions t
LEFT JOIN customers c ON c.customer_token = t.customer_token
LEFT JOIN action_journal j ON j.item_kind = 'transaction' AND j.item_id = t.tid::text AND j.state IN ('sending', 'unknown')
WHERE t.transaction_type = 'authorization' AND t.status = 'authorized'
ORDER BY t.created_at, t.tid
LIMIT $2`;

/** Authorizations still holding funds, oldest (closest to expiry) first. */
export async function openAuthorizations(
  q: Queryable,
  now: Date = new Date(),
  limit = 200_000,
): Promise<OpenAuthorization[]> {
  const res = await q.query<{
    tid: number;
    amount_minor: number;
    currency: string;
    order_id: string | null;
    cid: string | null;
    customer_token: string | null;
    first_name: string | null;
    last_name: string | null;
    payment_method: string | null;
    masked_destination: string | null;
    created_at: Date;
    age_seconds: number;
    journal_state: 'sending' | 'unknown' | null;
  }>(OPEN_AUTH_SQL, [now, limit]);
  return res.rows.map((r) => ({
    tid: r.tid,
    amountMinor: r.amount_minor,
    currency: r.currency,
    orderId: r.order_id,
    cid: r.cid,
    customerToken: r.customer_token,
    firstName: r.first_name,
    lastName: r.last_name,
    paymentMethod: r.payment_method,
    maskedDestination: r.masked_destination,
    createdAt: r.created_at,
    ageSeconds: r.age_seconds,
    journalState: r.journal_state,
  }));
}

export interface HistoryItem {
  tid: number;
  transactionType: string;
  status: string;
  amountMinor: number;
  currency: string;
  paymentMethod: string | null;
  createdAt: Date;
}

export interface CurrencyTotals {
  currency: string;
  /** Approved sales and captured authorizations. */
  depositedMinor: number;
  /** Approved payouts (a request paid in one go, or each approved split). */
  withdrawnMinor: number;
  /** Withdrawal requests still waiting for a decision. */
  pendingWithdrawalMinor: number;
}

export interface CustomerHistory {
  deposits: HistoryItem[];
  withdrawals: HistoryItem[];
  totals: CurrencyTotals[];
}

const TOTALS_SQL = `
SELECT currency,
  COALESCE(sum(amount_minor) FILTER (WHERE transaction_type IN ('sale', 'authorization') AND status = 'approved'), 0)::int8 AS deposited,
  COALESCE(sum(amount_minor) FILTER (WHERE transaction_type = 'payout' AND status = 'approved'), 0)::int8 AS withdrawn,
  -- A pending request counts with what is left of it: its split parts already count as paid above.
  COALESCE(sum(amount_minor - COALESCE((SELECT sum(c.amount_minor) FROM transactions c
    WHERE c.withdrawal_request_id = t.tid AND c.status NOT IN (${VOID_PAYOUTS})), 0))
    FILTER (WHERE transaction_type = 'payout' AND withdrawal_request_id IS NULL AND status IN (${PENDING_LIST})), 0)::int8 AS pending
FROM transactions t WHERE customer_token = $1 GROUP BY currency ORDER BY currency`;

/** A customer's deposits, withdrawals and totals per currency (money is never summed across currencies). */
export async function customerHistory(
  q: Queryable,
  who: { customerToken: string } | { cid: string },
  limit = 200,
): Promise<CustomerHistory> {
  let token: string | null;
  if ('customerToken' in who) token = who.customerToken;
  else {
    const res = await q.query<{ customer_token: string }>(
      'SELECT customer_token FROM customers WHERE cid = $1 ORDER BY updated_at DESC LIMIT 1',
      [who.cid],
    );
    token = res.rows[0]?.customer_token ?? null;
  }
  if (!token) return { deposits: [], withdrawals: [], totals: [] };
  const items = await q.query<{
    tid: number;
    transaction_type: string;
    status: string;
    amount_minor: number;
    currency: string;
    payment_method: string | null;
    created_at: Date;
  }>(
    `SELECT tid, transaction_type, status, amount_minor, currency, payment_method, created_at FROM transactions
     WHERE customer_token = $1 ORDER BY created_at DESC LIMIT $2`,
    [token, limit * 2],
  );
  const map = (r: (typeof items.rows)[number]): HistoryItem => ({
    tid: r.tid,
    transactionType: r.transaction_type,
    status: r.status,
    amountMinor: r.amount_minor,
    currency: r.currency,
    paymentMethod: r.payment_method,
    createdAt: r.created_at,
  });
  const totals = await q.query<{ currency: string; deposited: number; withdrawn: number; pending: number }>(
    TOTALS_SQL,
    [token],
  );
  return {
    deposits: items.rows
      .filter((r) => r.transaction_type !== 'payout')
      .slice(0, limit)
      .map(map),
    withdrawals: items.rows
      .filter((r) => r.transaction_type === 'payout')
      .slice(0, limit)
      .map(map),
    totals: totals.rows.map((r) => ({
      currency: r.currency,
      depositedMinor: r.deposited,
      withdrawnMinor: r.withdrawn,
      pendingWithdrawalMinor: r.pending,
    })),
  };
}

/** Everything stored about one transaction, including the latest raw Praxis objects. */
export interface StoredTransaction {
  tid: number;
  transactionType: string;
  status: string;
  statusAt: Date;
  orderId: string | null;
  cid: string | null;
  customerToken: string | null;
  amountMinor: number;
  currency: string;
  processedAmountMinor: number | null;
  processedCurrency: string | null;
  paymentMethod: string | null;
  gateway: string | null;
  maskedDestination: string | null;
  withdrawalRequestId: number | null;
  createdAt: Date;
  updatedAt: Date;
  lastSource: string;
  rawTransaction: unknown;
  rawSession: unknown;
  rawCustomer: unknown;
  /** The customer's first and last name as stored, or null (no customer record, or no name in it). */
  customerName: string | null;
}

/** The customer's name from the customers table joined as `c`, or null. */
export const CUSTOMER_NAME_SQL = `NULLIF(concat_ws(' ', NULLIF(c.first_name, ''), NULLIF(c.last_name, '')), '')`;

export async function getTransaction(q: Queryable, tid: number): Promise<StoredTransaction | null> {
  // The customer's name in the same read: every action names whose money moved (customerLabel).
  const res = await q.query<Record<string, unknown>>(
    `SELECT t.*, ${CUSTOMER_NAME_SQL} AS customer_name
     FROM transactions t LEFT JOIN customers c ON c.customer_token = t.customer_token WHERE t.tid = $1`,
    [tid],
  );
  const r = res.rows[0];
  return r ? toStoredTransaction(r) : null;
}

/** A transactions row joined with its customer's name (`customer_name`) as the engine reads it. */
export function toStoredTransaction(r: Record<string, unknown>): StoredTransaction {
  return {
    tid: r.tid as number,
    transactionType: r.transaction_type as string,
    status: r.status as string,
    statusAt: r.status_at as Date,
    orderId: r.order_id as string | null,
    cid: r.cid as string | null,
    customerToken: r.customer_token as string | null,
    amountMinor: r.amount_minor as number,
    currency: r.currency as string,
    processedAmountMinor: r.processed_amount_minor as number | null,
    processedCurrency: r.processed_currency as string | null,
    paymentMethod: r.payment_method as string | null,
    gateway: r.gateway as string | null,
    maskedDestination: r.masked_destination as string | null,
    withdrawalRequestId: r.withdrawal_request_id as number | null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    lastSource: r.last_source as string,
    rawTransaction: r.raw_transaction,
    rawSession: r.raw_session,
    rawCustomer: r.raw_customer,
    customerName: r.customer_name as string | null,
  };
}
