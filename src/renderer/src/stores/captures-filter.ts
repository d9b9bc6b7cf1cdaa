import * as z from 'zod/mini';
import type { CaptureRow } from '../../../shared/captures';
import { holdLevel, type HoldLevel } from '../../../shared/hold-windows';
import type { FilterProblems, RowCompare } from '../queue/queue-filter';
import { baseFilterFields, byText, displayStatus, filterQueue, textUpTo } from '../queue/queue-filter';
import { compareBy, queueViewSchemas, searchKeyCache, sortQueue } from '../queue/queue-filter';
import type { QueueSortState } from '../queue/queue-row';

/* The Captures screen's own filter fields and sort columns on top of the shared queue filter. */

export const CAPTURE_SORT_COLUMNS = [
  'timeLeft',
  'tid',
  'customer',
  'amount',
  'card',
  'gateway',
  'orderId',
  'age',
] as const;
export type CaptureSortColumn = (typeof CAPTURE_SORT_COLUMNS)[number];
export const TIME_LEFT_BANDS = ['any', 'ok', 'amber', 'red', 'lapsed'] as const satisfies readonly (
  HoldLevel | 'any'
)[];
export type TimeLeftBand = (typeof TIME_LEFT_BANDS)[number];

export const CaptureFilter = z.object({
  ...baseFilterFields,
  /** Row status, or 'unknown' / 'sending' for a journal state; empty = every status. */
  status: textUpTo(40),
  timeLeft: z._default(z.enum(TIME_LEFT_BANDS), 'any'),
  /** Card brand or payment method as shown in the card column; empty = any. */
  method: textUpTo(50),
});
export type CaptureFilter = z.infer<typeof CaptureFilter>;

/** This screen's sort, its saved views' shape and its empty filter. */
export const {
  Sort: CaptureSort,
  View: CaptureViewState,
  emptyFilter: EMPTY_CAPTURE_FILTER,
} = queueViewSchemas(CaptureFilter, CAPTURE_SORT_COLUMNS);
/** Closest to lapsing first: a lapsed hold cannot be captured any more. */
export const DEFAULT_CAPTURE_SORT: QueueSortState<CaptureSortColumn> = { column: 'timeLeft', desc: false };

/** The card brand, else the payment method: what the card column and the method filter name. */
export const methodOf = (r: CaptureRow): string => r.cardType ?? r.paymentMethod ?? 'unknown method';

/** What the search box matches in a hold, lower-cased. */
export const captureSearchKey = searchKeyCache<CaptureRow>(
  (r) => `${r.tid}\u0000${r.cid ?? ''}\u0000${r.customerName ?? ''}\u0000${r.orderId ?? ''}`,
);

export function filterCaptureRows(
  rows: readonly CaptureRow[],
  f: CaptureFilter,
  now: number,
): { rows: CaptureRow[]; problems: FilterProblems } {
  return filterQueue(rows, f, {
    amountOf: (r) => r.amountMinor,
    searchKeyOf: captureSearchKey,
    matches: (row) =>
      (!f.status || displayStatus(row) === f.status) &&
      (!f.method || methodOf(row) === f.method) &&
      (f.timeLeft === 'any' || holdLevel(row.lapsesAt, now) === f.timeLeft),
  });
}

const COMPARE: Record<CaptureSortColumn, RowCompare<CaptureRow>> = {
  // ISO 8601 UTC strings compare as text; tid keeps the order stable.
  timeLeft: (a, b) => (a.lapsesAt < b.lapsesAt ? -1 : a.lapsesAt > b.lapsesAt ? 1 : a.tid - b.tid),
  tid: (a, b) => a.tid - b.tid,
  customer: (a, b) => byText(a.customerName ?? a.cid, b.customerName ?? b.cid) || a.tid - b.tid,
  // Amounts are only comparable within a currency: group by currency, then by minor units.
  amount: (a, b) => a.currency.localeCompare(b.currency) || a.amountMinor - b.amountMinor || a.tid - b.tid,
  card: (a, b) => methodOf(a).localeCompare(methodOf(b)) || a.tid - b.tid,
  gateway: (a, b) => byText(a.gatewayName, b.gatewayName) || a.tid - b.tid,
  orderId: (a, b) => byText(a.orderId, b.orderId) || a.tid - b.tid,
  // By age, so ascending is newest first.
  age: (a, b) => (a.authorizedAt > b.authorizedAt ? -1 : a.authorizedAt < b.authorizedAt ? 1 : b.tid - a.tid),
};

/** Sorted copy; "time left ascending" (the default) puts the hold closest to lapsing on top. */
export const sortCaptureRows = (rows: readonly CaptureRow[], sort: QueueSortState<CaptureSortColumn>): CaptureRow[] =>
  sortQueue(rows, COMPARE, sort);

/** The order a sort stands for, for views that merge rows in rather than sort them all. */
export const compareCaptureRows = (sort: QueueSortState<CaptureSortColumn>): RowCompare<CaptureRow> =>
  compareBy(COMPARE, sort);
