import type { Queryable } from '../store/db';
import type { JournalEntry } from '../store/journal';
import { STORED_TRANSACTION_SQL, toStoredTransaction, type StoredTransaction } from '../store/queue-queries';
import { remainderFrom, requestPartsSql, type Remainder, type RequestParts } from './request-state';

/** The unresolved journal entry of an item, as the checks before an action name it. */
export type OpenAction = Pick<JournalEntry, 'id' | 'action' | 'operator' | 'state'>;

/** Everything an action on a request checks before its journal claim, read together. */
export interface RequestForAction {
  tx: StoredTransaction;
  /** Its `sending` or `unknown` journal entry, if any (requireNoOpenAction). */
  open: OpenAction | null;
  /** What is left to pay (remainderOf). */
  remainder: Remainder;
}

/**
 * The request as getTransaction reads it, its unresolved journal entry and its parts, in one statement (one
 * snapshot): during a bulk approve these were three statements per item on the store's one thread. Null: not stored.
 */
export async function readRequestForAction(q: Queryable, tid: number): Promise<RequestForAction | null> {
  const res = await q.query<Record<string, unknown> & RequestParts & { open_action: OpenAction | null }>(
    `${STORED_TRANSACTION_SQL.replace(
      'AS customer_name',
      `AS customer_name,
       (SELECT json_build_object('id', j.id, 'action', j.action, 'operator', j.operator, 'state', j.state)
        FROM action_journal j WHERE j.item_kind = 'transaction' AND j.item_id = $2 AND j.state IN ('sending', 'unknown')) AS open_action,
       ${requestPartsSql('$1', '$2')}`,
    )} WHERE t.tid = $1`,
    [tid, String(tid)],
  );
  const r = res.rows[0];
  if (!r) return null;
  const tx = toStoredTransaction(r);
  return { tx, open: r.open_action, remainder: remainderFrom(tx, r) };
}
