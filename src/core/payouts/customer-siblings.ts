import type { StoreChange } from '../store/changes';
import type { Queryable } from '../store/db';
import { PENDING_WITHDRAWAL_STATUSES } from '../store/status-precedence';

const PENDING_LIST = PENDING_WITHDRAWAL_STATUSES.map((s) => `'${s}'`).join(', ');

/** The pending withdrawal requests of the customers of the given transactions, those transactions left out. */
const SIBLINGS_SQL = `
SELECT DISTINCT o.tid FROM transactions t
JOIN transactions o ON o.customer_token = t.customer_token
WHERE t.tid = ANY($1::int8[]) AND o.transaction_type = 'payout' AND o.withdrawal_request_id IS NULL
  AND o.status IN (${PENDING_LIST}) AND o.tid <> ALL($1::int8[])`;

/**
 * A payout request's risk flags read its customer's whole history (first withdrawal, the withdrawal ratio, velocity),
 * so a customer's new request or deposit changes the rows of their other pending requests though the store did not
 * touch them. Answers the payout queue's change for those rows, or null when there are none.
 */
export async function customerSiblingsChange(q: Queryable, change: StoreChange): Promise<StoreChange | null> {
  if (change.queue === 'terminal') return null;
  const tids = change.ids.filter((id) => /^\d{1,18}$/.test(id));
  if (tids.length === 0) return null;
  const res = await q.query<{ tid: number | string }>(SIBLINGS_SQL, [tids]);
  return res.rows.length ? { queue: 'payouts', ids: res.rows.map((r) => String(r.tid)) } : null;
}
