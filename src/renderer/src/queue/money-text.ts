import { formatAmount, formatMoney } from '../../../shared/money';
import { amountInWords } from '../../../shared/money-words';
import type { CurrencyTotal } from './create-action-store';

/** Formats money, or says plainly that the currency is unknown instead of failing the whole table. */
export function safeMoney(amountMinor: number, currency: string): string {
  try {
    return formatMoney(amountMinor, currency);
  } catch {
    return `${amountMinor} minor units of unknown currency ${currency}`;
  }
}

/** An amount as it is read out ("one hundred twenty-five euros and fifty cents"), or its minor units if it cannot be. */
export function safeWords(amountMinor: number, currency: string): string {
  try {
    return amountInWords(amountMinor, currency);
  } catch {
    return `${amountMinor} minor units of ${currency}`;
  }
}

/** The number alone for a column that aligns decimal points ("1,234.50"); the currency is shown beside it. */
export function safeAmount(amountMinor: number, currency: string): string {
  try {
    return formatAmount(amountMinor, currency);
  } catch {
    return String(amountMinor);
  }
}

/** "4 m", "2 h 05 m", "3 d 4 h": short enough for a narrow column, exact enough for an SLA or a countdown. */
export function formatAge(minutes: number): string {
  if (minutes < 60) return `${minutes} m`;
  const h = Math.floor(minutes / 60);
  if (h < 24) return `${h} h ${String(minutes % 60).padStart(2, '0')} m`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Count and total per currency of what is about to move: the figure the operator confirms. */
export function totalsByCurrency<Row extends { currency: string }>(
  rows: readonly Row[],
  amountOf: (row: Row) => number,
): CurrencyTotal[] {
  const by = new Map<string, CurrencyTotal>();
  for (const r of rows) {
    const t = by.get(r.currency) ?? { currency: r.currency, count: 0, totalMinor: 0 };
    t.count++;
    t.totalMinor += amountOf(r);
    by.set(r.currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export const totalsText = (totals: readonly CurrencyTotal[]): string =>
  totals.map((t) => safeMoney(t.totalMinor, t.currency)).join(' · ');
