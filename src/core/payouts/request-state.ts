import type { ManageResponse } from '../praxis/schemas';
import { announceChange } from '../store/changes';
import type { Queryable } from '../store/db';
import { PENDING_WITHDRAWAL_STATUSES, VOID_STATUSES, statusRank } from '../store/status-precedence';
import type { WorkStore } from '../store/work-store';

/**
 * LABELLED CHOICE ([L-mwr] mode 2, the simulator's mode): a completed request gets a separate payout tid and
 * the request itself becomes `split`; a request fully paid by split parts ends the same way. Praxis does not
 * notify the request's own status ([L-flow]), so the desk records it from the verified answer.
 */
export const REQUEST_STATUS_WHEN_PAID = 'split';

export const isPendingStatus = (status: string) => (PENDING_WITHDRAWAL_STATUSES as readonly string[]).includes(status);

/** Statuses of a payout (a request paid in one go, or a child payout) that mean money went or is going out. */
export const PAID_STATUSES = ['approved', 'split', 'payment', 'split_payout', 'in progress', 'pending'] as const;
export { VOID_STATUSES };

const observedAtOf = (res: { timestamp?: number | null }) =>
  new Date((res.timestamp ?? Math.floor(Date.now() / 1000)) * 1000);

/** Stores what a verified answer says: the transaction it carries (request or child payout), with source `action`. */
export async function ingestAnswer(
  store: WorkStore,
  res: Pick<ManageResponse, 'customer' | 'session' | 'transaction' | 'timestamp'>,
): Promise<void> {
  await store.ingest(
    { customer: res.customer ?? null, session: res.session ?? null, transaction: res.transaction },
    { observedAt: observedAtOf(res), source: 'action' },
  );
}

/** Moves the request to a later status the desk learnt from an action, never backwards, and tells every window. */
export async function markRequestStatus(store: WorkStore, tid: number, status: string, at: Date): Promise<void> {
  const rank = statusRank(status);
  await store.db.transaction(async (tx) => {
    const res = await tx.query(
      `UPDATE transactions SET status = $2, status_rank = $3, status_at = $4, last_source = 'action', updated_at = now()
       WHERE tid = $1 AND (status_rank < $3 OR (status_rank = $3 AND status_at <= $4))`,
      [tid, status, rank, at],
    );
    if (res.rowCount > 0) await announceChange(tx, { queue: 'payouts', ids: [String(tid)] });
  });
}

/** A request's stored status alone (cheap: no raw Praxis objects), or null when the store does not have it. */
export async function storedStatus(q: Queryable, tid: number): Promise<string | null> {
  return (
    (await q.query<{ status: string }>('SELECT status FROM transactions WHERE tid = $1', [tid])).rows[0]?.status ?? null
  );
}

/** Child payouts (completion or split parts) of a request as stored. */
export async function childPayouts(q: Queryable, tid: number) {
  const res = await q.query<{
    tid: number;
    amount_minor: number;
    currency: string;
    status: string;
    gateway: string | null;
    order_id: string | null;
    /** Praxis's `payment_processor`: the gateway's name, where the hash means nothing to an operator. */
    gateway_name: string | null;
    created_at: Date;
  }>(
    `SELECT tid, amount_minor, currency, status, gateway, order_id, raw_transaction ->> 'payment_processor' AS gateway_name, created_at
     FROM transactions WHERE withdrawal_request_id = $1 ORDER BY created_at, tid`,
    [tid],
  );
  return res.rows;
}

/** What is left to pay on a request: its amount less every child payout that was not voided. */
export async function remainingMinor(q: Queryable, request: { tid: number; amountMinor: number }): Promise<number> {
  const parts = await childPayouts(q, request.tid);
  const paid = parts
    .filter((p) => !(VOID_STATUSES as readonly string[]).includes(p.status))
    .reduce((s, p) => s + p.amount_minor, 0);
  return Math.max(0, request.amountMinor - paid);
}

/** Tells every window that an item's journal state changed (the journal itself does not announce). */
export const announcePayout = (store: WorkStore, tid: number) =>
  announceChange(store.db, { queue: 'payouts', ids: [String(tid)] });

/** The customer's name as stored, else their cid: how messages name whose money moved. */
export async function customerLabel(q: Queryable, tx: { customerToken: string | null; cid: string | null }) {
  if (!tx.customerToken) return tx.cid;
  const res = await q.query<{ name: string | null }>(
    `SELECT NULLIF(concat_ws(' ', NULLIF(first_name, ''), NULLIF(last_name, '')), '') AS name FROM customers WHERE customer_token = $1`,
    [tx.customerToken],
  );
  return res.rows[0]?.name ?? tx.cid;
}
