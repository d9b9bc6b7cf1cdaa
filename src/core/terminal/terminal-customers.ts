/** Customers as the terminal and customer sync know them: what agents entered, else what Praxis told the desk. */
import { assertMayRead } from '../lookup/praxis-objects';
import { DeskError } from '../../shared/errors';
import type { RecentCustomer, TerminalPrefill } from '../../shared/ipc/terminal-contract';
import type { TerminalCustomer } from '../../shared/terminal';
import type { CustomerData } from '../praxis/schemas';
import type { Queryable } from '../store/db';

/** The agent's form as Praxis's customer_data (§6.2); phone is int(20) there, and E.164 numbers fit a safe integer. */
type Optional<T> = { [K in keyof T]?: T[K] | null };
type CustomerForm = Pick<TerminalCustomer, 'firstName' | 'lastName' | 'email' | 'country'> &
  Optional<Pick<TerminalCustomer, 'phone' | 'address' | 'city' | 'zip'>>;

export function toCustomerData(c: CustomerForm): CustomerData {
  const data: CustomerData = {
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    country: c.country,
  };
  if (c.phone) data.phone = Number(c.phone);
  if (c.address) data.address = c.address;
  if (c.city) data.city = c.city;
  if (c.zip) data.zip = c.zip;
  return data;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function fromCustomerData(cid: string, d: Record<string, unknown>): TerminalCustomer {
  return {
    cid,
    firstName: str(d.first_name) ?? '',
    lastName: str(d.last_name) ?? '',
    email: str(d.email) ?? '',
    country: str(d.country) ?? '',
    phone: typeof d.phone === 'number' ? String(d.phone) : str(d.phone),
    address: str(d.address),
    city: str(d.city),
    zip: str(d.zip),
  };
}

/** Customers the terminal served, latest first (their latest details), optionally matching a text. */
export async function recentCustomers(q: Queryable, search: string | undefined, limit = 20): Promise<RecentCustomer[]> {
  const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const res = await q.query<{
    cid: string;
    customer_data: Record<string, unknown>;
    currency: string;
    created_at: Date;
  }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (cid) cid, customer_data, currency, created_at FROM terminal_sessions ORDER BY cid, created_at DESC
     ) latest
     WHERE $1::text IS NULL OR cid ILIKE $1 OR (customer_data->>'first_name') || ' ' || (customer_data->>'last_name') ILIKE $1
       OR customer_data->>'email' ILIKE $1
     ORDER BY created_at DESC LIMIT $2`,
    [like, limit],
  );
  return res.rows.map((r) => ({
    ...fromCustomerData(r.cid, r.customer_data),
    lastCurrency: r.currency,
    lastSeenAt: r.created_at.toISOString(),
  }));
}

/**
 * customer_data for a cid: the latest the agents entered, else the name and country Praxis sent; null if unknown.
 * `hiddenTypes`: Praxis's details only of a customer with an item of another type (see unreadableTypes).
 */
export async function customerDataOf(
  q: Queryable,
  cid: string,
  hiddenTypes: readonly string[] = [],
): Promise<Record<string, unknown> | null> {
  const entered = await q.query<{ customer_data: Record<string, unknown> }>(
    'SELECT customer_data FROM terminal_sessions WHERE cid = $1 ORDER BY created_at DESC LIMIT 1',
    [cid],
  );
  if (entered.rows[0]) return entered.rows[0].customer_data;
  const known = await q.query<{ first_name: string | null; last_name: string | null; country: string | null }>(
    `SELECT first_name, last_name, country FROM customers c WHERE cid = $1
       AND EXISTS (SELECT 1 FROM transactions t WHERE t.cid = c.cid AND NOT (t.transaction_type = ANY($2::text[])))
     ORDER BY updated_at DESC LIMIT 1`,
    [cid, [...hiddenTypes]],
  );
  const k = known.rows[0];
  if (!k) return null;
  return Object.fromEntries(
    Object.entries({ first_name: k.first_name, last_name: k.last_name, country: k.country }).filter(([, v]) => v),
  );
}

/**
 * The customer's withdrawable balance in one currency as the store knows it: approved deposits (sales, captured
 * holds) minus withdrawal requests not cancelled or refused (PRAXIS_ASSUMPTIONS.balanceFromStore). null when the
 * store knows nothing of the customer in that currency.
 */
export async function knownBalance(q: Queryable, cid: string, currency: string): Promise<number | null> {
  const res = await q.query<{ balance: string | null; known: string }>(
    `SELECT
       COALESCE(SUM(amount_minor) FILTER (WHERE transaction_type IN ('sale', 'authorization') AND status = 'approved'), 0)
       - COALESCE(SUM(amount_minor) FILTER (WHERE transaction_type = 'payout' AND withdrawal_request_id IS NULL
           AND status NOT IN ('cancelled', 'canceled', 'rejected', 'declined')), 0) AS balance,
       count(*) AS known
     FROM transactions WHERE cid = $1 AND currency = $2`,
    [cid, currency],
  );
  const r = res.rows[0];
  if (!r || Number(r.known) === 0) return null;
  return Number(r.balance);
}

/** The customer, currency and amount of a stored transaction, to open a terminal session for the same caller. */
export async function prefillFrom(q: Queryable, tid: number): Promise<TerminalPrefill> {
  const res = await q.query<{ cid: string | null; currency: string; amount_minor: string; transaction_type: string }>(
    'SELECT cid, currency, amount_minor, transaction_type FROM transactions WHERE tid = $1',
    [tid],
  );
  const tx = res.rows[0];
  if (!tx) throw new DeskError('NOT_FOUND', `Transaction ${tid} is not in the work store. Look it up by id first.`);
  assertMayRead(tid, tx.transaction_type, "its customer's details");
  if (!tx.cid)
    throw new DeskError(
      'NOT_FOUND',
      `Praxis did not say which customer (cid) transaction ${tid} belongs to, so the terminal cannot be filled from it. Enter the customer by hand.`,
    );
  const data = (await customerDataOf(q, tx.cid)) ?? {};
  return { customer: fromCustomerData(tx.cid, data), currency: tx.currency, amountMinor: Number(tx.amount_minor) };
}
