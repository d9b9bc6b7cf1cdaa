export { customerLabel, ingestAnswer, storedStatus } from '../queues/item-state';
import { announceChange, changeNotice } from '../store/changes';
import type { Queryable } from '../store/db';
import {
  advancesSql,
  NO_MONEY_STATUSES,
  PAID_PAYOUT_STATUSES,
  PENDING_WITHDRAWAL_STATUSES,
  statusRank,
} from '../store/status-precedence';
import type { WorkStore } from '../store/work-store';

/**
 * LABELLED CHOICE ([L-mwr] mode 2, the simulator's mode): a completed request gets a separate payout tid and
 * the request itself becomes `split`; a request fully paid by split parts ends the same way. Praxis does not
 * notify the request's own status ([L-flow]), so the desk records it from the verified answer.
 */
export const REQUEST_STATUS_WHEN_PAID = 'split';

export const isPendingStatus = (status: string) => (PENDING_WITHDRAWAL_STATUSES as readonly string[]).includes(status);

export { PAID_PAYOUT_STATUSES };
/** A withdrawal request fully handled by its payouts ([L-flow] newer and older copies, [L-mwr] mode 2). */
export const HANDLED_REQUEST_STATUSES = ['split', 'payment', 'split_payout', 'approved'] as const;
export { NO_MONEY_STATUSES };
/**
 * Everything else is not final: `pending` / `in progress` (processing at the PSP) and `error` ([L-flow]: "funds may
 * still have been sent", the request goes to `verification`) — such a payout counts against the remainder.
 */
export const isIn = (list: readonly string[], status: string) => list.includes(status);

/** Moves the request to a later status the desk learnt from an action, never backwards, and tells every window. */
export async function markRequestStatus(store: WorkStore, tid: number, status: string, at: Date): Promise<void> {
  // One statement: the move and, only when it moved, its announcement (delivered on its commit).
  await store.db.query(
    `WITH moved AS (
       UPDATE transactions SET status = $2, status_rank = $3, status_at = $4, last_source = 'action', updated_at = now()
       WHERE tid = $1 AND ${advancesSql({ rank: 'status_rank', at: 'status_at' }, { rank: '$3::smallint', at: '$4::timestamptz' })}
       RETURNING tid)
     SELECT pg_notify($5, $6) IS NULL AS told FROM moved`,
    [tid, status, statusRank(status), at, ...changeNotice('payouts', String(tid))],
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

export interface Remainder {
  currency: string;
  remainingMinor: number;
  /** Parts Praxis reported in another currency than the request's: they cannot be taken off its amount. */
  otherCurrencies: { currency: string; amountMinor: number }[];
}

/**
 * What is left to pay on a request, per currency: its amount less every part that may have paid — child payouts as
 * Praxis reported them, and split parts the journal knows were sent (done, unknown or still sending) but that the
 * store has no payout for yet, at the amount and currency Praxis answered where it did. Only a part definitively
 * not paid (cancelled, declined) is left out.
 */
export async function remainderOf(
  q: Queryable,
  request: { tid: number; amountMinor: number; currency: string },
  /** A split part's own journal entry, begun but not yet sent: what remained before it. */
  exceptJournalId?: number,
): Promise<Remainder> {
  // Both kinds of part in one read (one round trip), as JSON arrays.
  const res = await q.query<RequestParts>(`SELECT ${requestPartsSql('$1', '$2')}`, [request.tid, String(request.tid)]);
  return remainderFrom(request, res.rows[0]!, exceptJournalId);
}

/** What remainderOf reads: the request's child payouts and the split parts its journal knows were sent. */
export interface RequestParts {
  children: { order_id: string | null; currency: string; amount_minor: number; status: string }[];
  sent: { id: number; request: Record<string, unknown>; result: Record<string, unknown> | null }[];
}

/** The select-list of a request's parts (RequestParts) as `children` and `sent`, given its tid and its text. */
export const requestPartsSql = (tidParam: string, itemIdParam: string) => `
       (SELECT COALESCE(json_agg(json_build_object('order_id', c.order_id, 'currency', c.currency,
          'amount_minor', c.amount_minor, 'status', c.status)), '[]'::json)
        FROM transactions c WHERE c.withdrawal_request_id = ${tidParam}) AS children,
       (SELECT COALESCE(json_agg(json_build_object('id', j.id, 'request', j.request, 'result', j.result)), '[]'::json)
        FROM action_journal j WHERE j.item_kind = 'transaction' AND j.item_id = ${itemIdParam} AND j.action = 'payouts:split'
          AND j.state IN ('done', 'unknown', 'sending')) AS sent`;

/** What is left of the request once its parts (as read by requestPartsSql) are taken off (see remainderOf). */
export function remainderFrom(
  request: { amountMinor: number; currency: string },
  { children, sent }: RequestParts,
  exceptJournalId?: number,
): Remainder {
  const known = new Set(children.map((c) => c.order_id).filter((o): o is string => o !== null));
  const parts = [
    ...children
      .filter((c) => !isIn(NO_MONEY_STATUSES, c.status))
      .map((c) => ({ currency: c.currency, amountMinor: Number(c.amount_minor) })),
    ...sent
      .filter((j) => Number(j.id) !== exceptJournalId)
      .filter((j) => typeof j.request.order_id === 'string' && !known.has(j.request.order_id))
      .filter((j) => !isIn(NO_MONEY_STATUSES, String(j.result?.status ?? '')))
      .map((j) => ({
        currency: String(j.result?.currency ?? j.request.currency),
        amountMinor: Number(j.result?.amountMinor ?? j.request.amount),
      })),
  ];
  const byCurrency = new Map<string, number>();
  for (const p of parts) byCurrency.set(p.currency, (byCurrency.get(p.currency) ?? 0) + p.amountMinor);
  const paid = byCurrency.get(request.currency) ?? 0;
  byCurrency.delete(request.currency);
  return {
    currency: request.currency,
    remainingMinor: Math.max(0, request.amountMinor - paid),
    otherCurrencies: [...byCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}

/** What is left to pay in the request's own currency (see remainderOf). */
export async function remainingMinor(
  q: Queryable,
  request: { tid: number; amountMinor: number; currency: string },
): Promise<number> {
  return (await remainderOf(q, request)).remainingMinor;
}

/** Whether every child payout of a request is paid (final): only then may the desk mark the request handled. */
export async function allPartsPaid(q: Queryable, tid: number): Promise<boolean> {
  const parts = await childPayouts(q, tid);
  return (
    parts.length > 0 && parts.every((p) => isIn(PAID_PAYOUT_STATUSES, p.status) || isIn(NO_MONEY_STATUSES, p.status))
  );
}

/** Tells every window that an item's journal state changed (the journal itself does not announce). */
export const announcePayout = (store: WorkStore, tid: number) =>
  announceChange(store.db, { queue: 'payouts', ids: [String(tid)] });
