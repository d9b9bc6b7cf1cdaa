import type { OpenAction } from '../queues/actionable';
import type { Queryable } from '../store/db';
import { CUSTOMER_NAME_SQL, toStoredTransaction, type StoredTransaction } from '../store/queue-queries';
import { remainderFrom, requestPartsSql, type Remainder, type RequestParts } from './request-state';

/** A request as an action on it reads it: as stored, without the raw Praxis objects no action looks at. */
export type RequestRow = Omit<StoredTransaction, 'rawTransaction' | 'rawSession' | 'rawCustomer'>;

/** Everything an action on a request checks before its journal claim, read together. */
export interface RequestForAction {
  tx: RequestRow;
  /** Its `sending` or `unknown` journal entry, if any (refuseOpenAction). */
  open: OpenAction | null;
  /** What is left to pay (remainderOf). */
  remainder: Remainder;
  /** Its newest journal entry's id, 0 when none (JournaledAction.seenJournalId). */
  seenJournalId: number;
  /** Who opened it in the virtual terminal, if it was opened there (refuseOwnTerminalRequest). */
  terminalAgent: string | null;
}

// Every column but the raw Praxis objects: parsing and passing those between threads was a good part of this read.
const REQUEST_COLUMNS = [
  'tid',
  'transaction_type',
  'status',
  'status_at',
  'order_id',
  'cid',
  'customer_token',
  'amount_minor',
  'currency',
  'processed_amount_minor',
  'processed_currency',
  'payment_method',
  'gateway',
  'masked_destination',
  'withdrawal_request_id',
  'created_at',
  'updated_at',
  'last_source',
];

const READ_REQUEST_FOR_ACTION = `SELECT ${REQUEST_COLUMNS.map((c) => `t.${c}`).join(', ')},
       ${CUSTOMER_NAME_SQL} AS customer_name,
       (SELECT json_build_object('id', j.id, 'action', j.action, 'operator', j.operator, 'state', j.state)
        FROM action_journal j WHERE j.item_kind = 'transaction' AND j.item_id = $2 AND j.state IN ('sending', 'unknown')) AS open_action,
       (SELECT max(j.id) FROM action_journal j WHERE j.item_kind = 'transaction' AND j.item_id = $2) AS last_journal_id,
       (SELECT s.agent FROM terminal_sessions s WHERE s.order_id = t.order_id AND s.intent = 'withdrawal') AS terminal_agent,
       ${requestPartsSql('$1', '$2')}
     FROM transactions t LEFT JOIN customers c ON c.customer_token = t.customer_token WHERE t.tid = $1`;

/**
 * The request as getTransaction reads it (less the raw objects), its journal entries that matter, its parts and who
 * opened it in the virtual terminal, in one
 * statement (one snapshot): during a bulk approve these were three statements per item on the store's one thread.
 * Null: not stored.
 */
export async function readRequestForAction(q: Queryable, tid: number): Promise<RequestForAction | null> {
  const res = await q.query<
    Record<string, unknown> &
      RequestParts & { open_action: OpenAction | null; last_journal_id: number | null; terminal_agent: string | null }
  >(READ_REQUEST_FOR_ACTION, [tid, String(tid)]);
  const r = res.rows[0];
  if (!r) return null;
  const { rawTransaction: _t, rawSession: _s, rawCustomer: _c, ...tx } = toStoredTransaction(r);
  return {
    tx,
    open: r.open_action,
    remainder: remainderFrom(tx, r),
    seenJournalId: Number(r.last_journal_id ?? 0),
    terminalAgent: r.terminal_agent,
  };
}
