import type { ErrorCode } from './errors';

/** How many ids one lookup takes; a longer list is split by the operator. */
export const MAX_LOOKUP_IDS = 5_000;

export type LookupIdKind = 'tid' | 'order_id';
export type LookupQueue = 'payouts' | 'deposits' | 'terminal';

/** One id that Praxis knows: what it is now, and the queue it joined (if any). */
export interface LookupFound {
  id: string;
  kind: LookupIdKind;
  ok: true;
  tid: number;
  type: string;
  status: string;
  amountMinor: number;
  currency: string;
  queue: LookupQueue | null;
  /** The customer's name, else their cid. */
  customer: string | null;
  /** ISO 8601 UTC, when the transaction was created. */
  createdAt: string | null;
  /** A withdrawal request already handled: the payouts the desk knows were made for it (empty when none). */
  payouts: { tid: number; amountMinor: number; currency: string; status: string; createdAt: string }[];
}

/** One id that could not be looked up, with the reason in plain words; nothing else was affected. */
export interface LookupFailed {
  id: string;
  kind: LookupIdKind | 'invalid';
  ok: false;
  code: ErrorCode;
  reason: string;
}

export type LookupResult = LookupFound | LookupFailed;

/**
 * The Praxis objects of one item as the desk last stored them (product.md: Lookup shows the raw Praxis objects):
 * its transaction, session and customer, from the last notification, lookup or action answer about it.
 */
export interface PraxisObjects {
  tid: number;
  /** ISO 8601 UTC, when the desk last stored them. */
  observedAt: string;
  lastSource: 'notification' | 'lookup' | 'action';
  transaction: Record<string, unknown>;
  session: Record<string, unknown> | null;
  customer: Record<string, unknown> | null;
}
