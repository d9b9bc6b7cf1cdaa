import { z } from 'zod';
import { parseAmount } from '../../../shared/money';
import type { PayoutRow, RiskFlagCode } from '../../../shared/payouts';

/*
 * The Payouts screen's filter and sort, applied in the renderer to the loaded rows so a keystroke re-filters
 * 100,000 rows without a round trip. The same shape is what a saved view stores (parsed again on load).
 */

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
  /** Row status, or 'unknown' for a journal outcome not yet reconciled; empty = every status. */
  status: z.string().max(40).default(''),
  currency: z.string().max(3).default(''),
  /** As typed, in major units of each row's currency ("100", "12.50"). */
  minAmount: z.string().max(30).default(''),
  maxAmount: z.string().max(30).default(''),
  age: z.enum(AGE_BANDS).default('any'),
  flag: z.union([z.enum(RISK_FLAG_CODES), z.literal('')]).default(''),
  text: z.string().max(100).default(''),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

export const QueueSort = z.object({ column: z.enum(SORT_COLUMNS), desc: z.boolean() });
export type QueueSort = z.infer<typeof QueueSort>;

/** What a saved view holds. */
export const ViewState = z.object({ filter: QueueFilter, sort: QueueSort });
export type ViewState = z.infer<typeof ViewState>;

export const EMPTY_FILTER: QueueFilter = QueueFilter.parse({});
/** Oldest first: the SLA is what the desk is judged on. */
export const DEFAULT_SORT: QueueSort = { column: 'age', desc: true };

export interface SlaThresholds {
  slaWarnMinutes: number;
  slaLateMinutes: number;
}

export const ageMinutes = (row: PayoutRow, now: number): number =>
  Math.max(0, Math.floor((now - Date.parse(row.createdAt)) / 60_000));

export function slaLevel(row: PayoutRow, now: number, sla: SlaThresholds): SlaLevel {
  const age = ageMinutes(row, now);
  if (age >= sla.slaLateMinutes) return 'late';
  if (age >= sla.slaWarnMinutes) return 'warn';
  return 'ok';
}

/** The status the queue shows: a journal outcome overrides Praxis's status, because no one may act on it. */
export const displayStatus = (row: PayoutRow): string =>
  row.journalState === 'unknown' ? 'unknown' : row.journalState === 'sending' ? 'sending' : row.status;

// One lower-cased haystack per row object, so a keystroke does not rebuild 100,000 strings.
const searchKeys = new WeakMap<PayoutRow, string>();
function searchKeyOf(row: PayoutRow): string {
  let key = searchKeys.get(row);
  if (key === undefined) {
    key = `${row.tid}\u0000${row.cid ?? ''}\u0000${row.customerName ?? ''}`.toLowerCase();
    searchKeys.set(row, key);
  }
  return key;
}

export interface FilterProblems {
  minAmount?: string;
  maxAmount?: string;
}

/** Amount bounds per currency in minor units; a bound that does not parse for a currency is reported, not guessed. */
function amountBound(
  text: string,
  currency: string,
  problems: FilterProblems,
  field: keyof FilterProblems,
): number | null {
  if (!text.trim()) return null;
  const parsed = parseAmount(text, currency);
  if (parsed.ok) return parsed.amountMinor;
  problems[field] ??= parsed.message;
  return null;
}

export function filterRows(
  rows: readonly PayoutRow[],
  f: QueueFilter,
  now: number,
  sla: SlaThresholds,
): { rows: PayoutRow[]; problems: FilterProblems } {
  const problems: FilterProblems = {};
  const text = f.text.trim().toLowerCase();
  const bounds = new Map<string, { min: number | null; max: number | null }>();
  const boundsOf = (currency: string) => {
    let b = bounds.get(currency);
    if (!b) {
      b = {
        min: amountBound(f.minAmount, currency, problems, 'minAmount'),
        max: amountBound(f.maxAmount, currency, problems, 'maxAmount'),
      };
      bounds.set(currency, b);
    }
    return b;
  };
  const needsAmount = f.minAmount.trim() !== '' || f.maxAmount.trim() !== '';
  const out: PayoutRow[] = [];
  for (const row of rows) {
    if (f.status && displayStatus(row) !== f.status) continue;
    if (f.currency && row.currency !== f.currency) continue;
    if (f.flag && !row.flags.includes(f.flag)) continue;
    if (f.age !== 'any' && slaLevel(row, now, sla) !== f.age) continue;
    if (needsAmount) {
      const b = boundsOf(row.currency);
      // What is left to pay is the request's amount now (a split request's parts are paid already).
      if (b.min !== null && row.remainingMinor < b.min) continue;
      if (b.max !== null && row.remainingMinor > b.max) continue;
    }
    if (text && !searchKeyOf(row).includes(text)) continue;
    out.push(row);
  }
  return { rows: out, problems };
}

const byText = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
const COMPARE: Record<SortColumn, (a: PayoutRow, b: PayoutRow) => number> = {
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
export function sortRows(rows: readonly PayoutRow[], sort: QueueSort): PayoutRow[] {
  const cmp = COMPARE[sort.column];
  const sorted = [...rows];
  sorted.sort(sort.desc ? (a, b) => cmp(b, a) : cmp);
  return sorted;
}

export const isFiltered = (f: QueueFilter): boolean => JSON.stringify(f) !== JSON.stringify(EMPTY_FILTER);
