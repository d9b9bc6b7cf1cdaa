/**
 * How far along its life a transaction status is, after the flows of api-reference §6.6. Notifications can arrive
 * out of order (an `approved` before its `requested`); an item only ever moves to a status of a higher rank, or of
 * the same rank reported later by Praxis, so a late, older message never moves it backwards.
 *
 * One rank holds the statuses a flow can go back and forth between, ordered by Praxis's time only: a withdrawal
 * request waiting for a decision (`requested` ⇄ `verification` after a payout error, `partial_payout` after a part)
 * and a payout processing at the PSP. Refund, reversal and chargeback follow an approved payment.
 */
const STATUS_RANK: Record<string, number> = {
  initialized: 0,
  pending: 1,
  pending_async: 1,
  'in progress': 1,
  requested: 1,
  verification: 1,
  partial_payout: 1,
  split_partial: 1,
  authorized: 3,
  approved: 4,
  rejected: 4,
  declined: 4,
  error: 4,
  cancelled: 4,
  canceled: 4,
  payment: 4,
  split: 4,
  split_payout: 4,
  refunded: 5,
  chargeback: 5,
  reversed: 5,
};

/** A status the docs do not list: placed by Praxis's time alone against any other (it may be later than approved). */
export const UNKNOWN_STATUS_RANK = -1;

export function statusRank(status: string): number {
  return STATUS_RANK[status.toLowerCase()] ?? UNKNOWN_STATUS_RANK;
}

/** The same rule in SQL over (rank, at) columns or parameters, for the upsert and the desk's own status updates. */
export const advancesSql = (cur: { rank: string; at: string }, inc: { rank: string; at: string }) =>
  `((${inc.rank} > ${cur.rank} AND ${cur.rank} >= 0) OR ((${inc.rank} = ${cur.rank} OR ${inc.rank} < 0 OR ${cur.rank} < 0) AND ${inc.at} >= ${cur.at}))`;

/** Whether an observation (status, Praxis time) should replace the stored one. */
export function shouldAdvance(current: { status: string; at: Date }, incoming: { status: string; at: Date }): boolean {
  const a = statusRank(current.status);
  const b = statusRank(incoming.status);
  const later = incoming.at.getTime() >= current.at.getTime();
  return (b > a && a >= 0) || ((b === a || a < 0 || b < 0) && later);
}

export { PENDING_WITHDRAWAL_STATUSES } from '../../shared/payouts';

/**
 * A payout that is paid: final, money went out. Only these mark a request handled; `pending` is still processing and
 * `error` may or may not have sent funds ([L-flow]), so neither closes the request.
 */
export const PAID_PAYOUT_STATUSES = ['approved'] as const;
/** Definitive "no money moved" for a payout or request: cancelled, or declined by the PSP. */
export const NO_MONEY_STATUSES = ['cancelled', 'canceled', 'rejected', 'declined'] as const;

/** Legacy 3.x spelled the hold type `authorize`; the desk stores one spelling. */
export function normalizeTransactionType(type: string): string {
  const t = type.toLowerCase();
  return t === 'authorize' ? 'authorization' : t;
}
