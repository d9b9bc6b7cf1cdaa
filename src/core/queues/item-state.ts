/** Reading and storing one queue item, the same for every queue. */
import type { PraxisClient } from '../praxis';
import type { ManageResponse } from '../praxis/schemas';
import { changeNotice, type QueueName } from '../store/changes';
import type { Queryable } from '../store/db';
import { screenOf, type IngestedItem } from '../store/snapshots';
import type { AppliedItem } from './journaled-action';
import type { WorkStore } from '../store/work-store';

const observedAtOf = (res: { timestamp?: number | null }) =>
  new Date((res.timestamp ?? Math.floor(Date.now() / 1000)) * 1000);

/** Stores what a verified answer says: the transaction it carries (request or child payout), with source `action`. */
export async function ingestAnswer(
  store: WorkStore,
  res: Pick<ManageResponse, 'customer' | 'session' | 'transaction' | 'timestamp'>,
): Promise<IngestedItem> {
  return store.ingest(
    { customer: res.customer ?? null, session: res.session ?? null, transaction: res.transaction },
    { observedAt: observedAtOf(res), source: 'action' },
  );
}

/** An item's stored status alone (cheap: no raw Praxis objects), or null when the store does not have it. */
export async function storedStatus(q: Queryable, tid: number, transactionType?: string): Promise<string | null> {
  const res = await q.query<{ status: string }>(
    'SELECT status FROM transactions WHERE tid = $1 AND ($2::text IS NULL OR transaction_type = $2)',
    [tid, transactionType ?? null],
  );
  return res.rows[0]?.status ?? null;
}

/**
 * Tells every window that an item of `queue` changed and answers its stored status (null: not stored), in one
 * statement: the notice goes out on that statement's commit, like any other.
 */
export async function announceItemStatus(q: Queryable, queue: QueueName, tid: number): Promise<string | null> {
  const res = await q.query<{ status: string | null }>(
    'SELECT (SELECT status FROM transactions WHERE tid = $1) AS status, pg_notify($2, $3) IS NULL AS told',
    [tid, ...changeNotice(queue, String(tid))],
  );
  return res.rows[0]?.status ?? null;
}

/** The customer's name as stored, else their cid: how messages name whose money moved. */
export async function customerLabel(
  q: Queryable,
  tx: { customerToken: string | null; cid: string | null; customerName?: string | null },
) {
  if (!tx.customerToken) return tx.cid;
  // Read with the transaction already (getTransaction): no second round trip.
  if (tx.customerName !== undefined) return tx.customerName ?? tx.cid;
  const res = await q.query<{ name: string | null }>(
    `SELECT NULLIF(concat_ws(' ', NULLIF(first_name, ''), NULLIF(last_name, '')), '') AS name FROM customers WHERE customer_token = $1`,
    [tx.customerToken],
  );
  return res.rows[0]?.name ?? tx.cid;
}

/**
 * What an action's apply answers after storing its answer (AppliedItem): the item's status when the answer was the
 * item itself, whose queue the same commit told; otherwise nothing, and the journal tells the windows itself.
 */
export const appliedItem = (queue: QueueName, tid: number, stored: IngestedItem): AppliedItem | undefined =>
  stored.tid === tid &&
  stored.status !== null &&
  stored.transactionType !== null &&
  screenOf(stored.transactionType) === queue
    ? { itemStatus: stored.status }
    : undefined;

/** Reads an item again at Praxis (find-transaction) and stores what it says. */
export const refreshByLookup = async (store: WorkStore, client: PraxisClient, tid: number): Promise<void> => {
  await ingestAnswer(store, await client.findTransaction(tid));
};
