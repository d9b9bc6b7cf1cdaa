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
