/**
 * How far along its life a transaction status is. Notifications can arrive out of order (an `approved`
 * before its `requested`); an item only ever moves to a status of a higher rank, or of the same rank
 * reported later by Praxis, so a late, older message never moves it backwards.
 */
const STATUS_RANK: Record<string, number> = {
  initialized: 0,
  pending: 1,
  pending_async: 1,
  requested: 1,
  'in progress': 2,
  verification: 2,
  authorized: 3,
  partial_payout: 3,
  split_partial: 3,
  approved: 4,
  rejected: 4,
  declined: 4,
  error: 4,
  cancelled: 4,
  canceled: 4,
  payment: 4,
  split: 4,
  split_payout: 4,
  chargeback: 5,
  reversed: 5,
};

/** Unknown statuses rank just above the start, so a known later status still wins over them. */
export const UNKNOWN_STATUS_RANK = 1;

export function statusRank(status: string): number {
  return STATUS_RANK[status.toLowerCase()] ?? UNKNOWN_STATUS_RANK;
}

/** Whether an observation (status, Praxis time) should replace the stored one. */
export function shouldAdvance(current: { status: string; at: Date }, incoming: { status: string; at: Date }): boolean {
  const a = statusRank(current.status);
  const b = statusRank(incoming.status);
  return b > a || (b === a && incoming.at.getTime() >= current.at.getTime());
}

export { PENDING_WITHDRAWAL_STATUSES } from '../../shared/payouts';

/** Statuses of a payout that mean no money went out. */
export const VOID_STATUSES = ['cancelled', 'canceled', 'rejected', 'declined', 'error'] as const;

/** Legacy 3.x spelled the hold type `authorize`; the desk stores one spelling. */
export function normalizeTransactionType(type: string): string {
  const t = type.toLowerCase();
  return t === 'authorize' ? 'authorization' : t;
}
