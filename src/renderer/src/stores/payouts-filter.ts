import * as z from 'zod/mini';
import type { PayoutRow, RiskFlagCode } from '../../../shared/payouts';
import {
  baseFilterFields,
  byText,
  displayStatus,
  filterQueue,
  searchKeyCache,
  textUpTo,
  queueViewSchemas,
  compareBy,
  sortQueue,
  type FilterProblems,
  type RowCompare,
} from '../queue/queue-filter';

/* The Payouts screen's own filter fields and sort columns on top of the shared queue filter. */

export const RISK_FLAG_CODES = [
  'first_withdrawal',
  'withdrawal_ratio',
  'unknown_destination',
  'velocity',
  'verification_alert',
  'avs_alert',
  'four_eyes',
] as const satisfies readonly RiskFlagCode[];
export const SORT_COLUMNS = ['tid', 'age', 'customer', 'amount', 'method', 'status'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export const AGE_BANDS = ['any', 'ok', 'warn', 'late'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type SlaLevel = Exclude<AgeBand, 'any'>;

export const QueueFilter = z.object({
  ...baseFilterFields,
  /** Row status, or 'unknown' for a journal outcome not yet reconciled; empty = every status. */
  status: textUpTo(40),
  age: z._default(z.enum(AGE_BANDS), 'any'),
  flag: z._default(z.union([z.enum(RISK_FLAG_CODES), z.literal('')]), ''),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

const schemas = queueViewSchemas(QueueFilter, SORT_COLUMNS);
export const QueueSort = schemas.Sort;
export type QueueSort = z.infer<typeof QueueSort>;
/** What a saved view holds. */
export const ViewState = schemas.View;
export type ViewState = z.infer<typeof ViewState>;
export const EMPTY_FILTER: QueueFilter = schemas.emptyFilter;
/** Oldest first: the SLA is what the desk is judged on. */
export const DEFAULT_SORT: QueueSort = { column: 'age', desc: true };

export interface SlaThresholds {
  slaWarnMinutes: number;
  slaLateMinutes: number;
}

export const ageMinutes = (row: { createdAt: string }, now: number): number =>
  Math.max(0, Math.floor((now - Date.parse(row.createdAt)) / 60_000));

export function slaLevel(row: PayoutRow, now: number, sla: SlaThresholds): SlaLevel {
  const age = ageMinutes(row, now);
  if (age >= sla.slaLateMinutes) return 'late';
  if (age >= sla.slaWarnMinutes) return 'warn';
  return 'ok';
}

export { displayStatus, type FilterProblems };

/** What the search box matches in a request, lower-cased. */
export const payoutSearchKey = searchKeyCache<PayoutRow>(
  (r) => `${r.tid}\u0000${r.cid ?? ''}\u0000${r.customerName ?? ''}`,
);

export function filterRows(
  rows: readonly PayoutRow[],
  f: QueueFilter,
  now: number,
  sla: SlaThresholds,
): { rows: PayoutRow[]; problems: FilterProblems } {
  return filterQueue(rows, f, {
    // What is left to pay is the request's amount now (a split request's parts are paid already).
    amountOf: (r) => r.remainingMinor,
    searchKeyOf: payoutSearchKey,
    matches: (row) =>
      (!f.status || displayStatus(row) === f.status) &&
      (!f.flag || row.flags.includes(f.flag)) &&
      (f.age === 'any' || slaLevel(row, now, sla) === f.age),
  });
}

const COMPARE: Record<SortColumn, RowCompare<PayoutRow>> = {
  tid: (a, b) => a.tid - b.tid,
  // By age, so ascending is newest first; ISO 8601 UTC strings compare as text; tid keeps the order stable.
  age: (a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : b.tid - a.tid),
  customer: (a, b) => byText(a.cid, b.cid) || a.tid - b.tid,
  // Amounts are only comparable within a currency: group by currency, then by minor units.
  amount: (a, b) => a.currency.localeCompare(b.currency) || a.remainingMinor - b.remainingMinor || a.tid - b.tid,
  method: (a, b) => byText(a.paymentMethod, b.paymentMethod) || a.tid - b.tid,
  status: (a, b) => displayStatus(a).localeCompare(displayStatus(b)) || a.tid - b.tid,
};

/** Sorted copy; "age descending" (the default) puts the oldest request on top. */
export const sortRows = (rows: readonly PayoutRow[], sort: QueueSort): PayoutRow[] => sortQueue(rows, COMPARE, sort);

/** The order a sort stands for, for views that merge rows in rather than sort them all. */
export const compareRows = (sort: QueueSort): RowCompare<PayoutRow> => compareBy(COMPARE, sort);
