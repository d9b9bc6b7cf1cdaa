/**
 * Hold windows and the capture countdown: pure, the same in core (SQL mirrors holdWindowFor) and renderer.
 * The countdown counts elapsed time from the authorization, so a DST change or the operator's time zone never
 * moves a lapse; only how the lapse is written in local time changes.
 */
import type { HoldWindow, HoldWindowRule } from './captures';
import { formatMoney } from './money';

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * The documented defaults: the shortest plausible window per brand (../shared/product.md "Hold windows"). Visa:
 * 5 days for merchant-initiated card-not-present, exactly 4 d 18 h to allow clearing (Stripe). Mastercard, Amex,
 * Discover: schemes allow 7 days, but a PSP may apply 5 (Airwallex's card default), and the PSP's window is what a
 * capture meets, so 5 d. Anything else (other brands, wallets, APMs): Visa's 4 d 18 h, the shortest known.
 */
export const DEFAULT_HOLD_WINDOWS: HoldWindowRule[] = [
  { key: 'visa', label: 'Visa (4 d 18 h)', cardType: 'VISA', paymentMethod: null, minutes: 4 * DAY + 18 * HOUR },
  {
    key: 'visa-electron',
    label: 'Visa Electron (4 d 18 h)',
    cardType: 'Electron',
    paymentMethod: null,
    minutes: 4 * DAY + 18 * HOUR,
  },
  { key: 'mastercard', label: 'Mastercard (5 d)', cardType: 'MasterCard', paymentMethod: null, minutes: 5 * DAY },
  { key: 'maestro', label: 'Maestro (5 d)', cardType: 'Maestro', paymentMethod: null, minutes: 5 * DAY },
  { key: 'amex', label: 'American Express (5 d)', cardType: 'AMEX', paymentMethod: null, minutes: 5 * DAY },
  { key: 'discover', label: 'Discover (5 d)', cardType: 'Discover', paymentMethod: null, minutes: 5 * DAY },
  {
    key: 'default',
    label: 'Any other method (4 d 18 h, the shortest known)',
    cardType: null,
    paymentMethod: null,
    minutes: 4 * DAY + 18 * HOUR,
  },
];

/** Under this many minutes left a countdown is amber; under RED_UNDER_MINUTES red. */
export const AMBER_UNDER_MINUTES = 48 * HOUR;
export const RED_UNDER_MINUTES = 24 * HOUR;

export type HoldLevel = 'ok' | 'amber' | 'red' | 'lapsed';

const same = (a: string | null, b: string | null | undefined) =>
  a !== null && b !== null && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** 0 = brand row, 1 = method row, 2 = default row. */
export const ruleSpecificity = (r: Pick<HoldWindowRule, 'cardType' | 'paymentMethod'>) =>
  r.cardType !== null ? 0 : r.paymentMethod !== null ? 1 : 2;

/**
 * The window that applies to a hold: the brand's row, else the payment method's, else the default row (the first
 * of equals wins). A table without a default falls back to the shortest documented window, labelled as such.
 */
export function holdWindowFor(
  item: { cardType: string | null; paymentMethod: string | null },
  table: readonly HoldWindowRule[],
): HoldWindow {
  const matches = table.filter(
    (r) =>
      (r.cardType !== null && same(r.cardType, item.cardType)) ||
      (r.cardType === null && r.paymentMethod !== null && same(r.paymentMethod, item.paymentMethod)) ||
      (r.cardType === null && r.paymentMethod === null),
  );
  const best = matches.reduce<HoldWindowRule | null>(
    (b, r) => (b === null || ruleSpecificity(r) < ruleSpecificity(b) ? r : b),
    null,
  );
  const chosen = best ?? DEFAULT_HOLD_WINDOWS.at(-1)!;
  return { key: chosen.key, label: chosen.label, minutes: chosen.minutes };
}

const toMs = (t: Date | string) => (typeof t === 'string' ? Date.parse(t) : t.getTime());

/** When the hold lapses: the authorization time plus the window, in elapsed minutes (not wall-clock days). */
export const lapseTime = (authorizedAt: Date | string, window: Pick<HoldWindow, 'minutes'>): Date =>
  new Date(toMs(authorizedAt) + window.minutes * 60_000);

/** Whole minutes left until the lapse (negative once lapsed). */
export const minutesLeft = (lapsesAt: Date | string, now: Date | number = Date.now()): number =>
  Math.floor((toMs(lapsesAt) - (typeof now === 'number' ? now : now.getTime())) / 60_000);

/** "2 d 4 h", "5 h 12 min", "12 min", "< 1 min", or "lapsed": floored, so it never promises more time than is left. */
export function timeLeftText(lapsesAt: Date | string, now: Date | number = Date.now()): string {
  const ms = toMs(lapsesAt) - (typeof now === 'number' ? now : now.getTime());
  if (ms <= 0) return 'lapsed';
  const min = Math.floor(ms / 60_000);
  if (min < 1) return '< 1 min';
  const d = Math.floor(min / DAY);
  const h = Math.floor((min % DAY) / HOUR);
  const m = min % HOUR;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min`;
}

/** A window's length in words: "4 d 18 h", "5 d", "20 h", "90 min". */
export function windowLengthText(minutes: number): string {
  const d = Math.floor(minutes / DAY);
  const h = Math.floor((minutes % DAY) / HOUR);
  const m = minutes % HOUR;
  return [d && `${d} d`, h && `${h} h`, m && `${m} min`].filter(Boolean).join(' ') || '0 min';
}

/**
 * How a window is named to the operator: its label without any length written in it, and the length it really
 * has — a label is free text, and "Visa (4 d 18 h)" must not stay on a row a manager set to 20 h.
 */
export const windowText = (w: Pick<HoldWindow, 'label' | 'minutes'>): string =>
  `${w.label.replace(/\s*\([^)]*\)\s*$/, '') || 'Hold window'} (${windowLengthText(w.minutes)})`;

/** The countdown's colour: amber under 48 h, red under 24 h, lapsed at or after the lapse time. */
export function holdLevel(lapsesAt: Date | string, now: Date | number = Date.now()): HoldLevel {
  const ms = toMs(lapsesAt) - (typeof now === 'number' ? now : now.getTime());
  if (ms <= 0) return 'lapsed';
  if (ms < RED_UNDER_MINUTES * 60_000) return 'red';
  if (ms < AMBER_UNDER_MINUTES * 60_000) return 'amber';
  return 'ok';
}

/**
 * The lapse as a date and time in the operator's time zone, with the zone's name, e.g. "Sun, 27 Oct 2024, 03:30 CET".
 * `timeZone` defaults to the system's (the renderer passes nothing; tests pass a zone).
 */
export function lapseLocalText(lapsesAt: Date | string, timeZone?: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(toMs(lapsesAt)));
}

/**
 * One line about a hold for a notification or banner: whose, how much (by the currency's exponent), and when it
 * lapses — "Ana Silva · JPY 1,200 · lapses in 23 h 59 min (Tue, 5 Nov 2024, 14:00 CET)".
 */
export function holdLine(
  hold: { customer: string | null; amountMinor: number; currency: string; lapsesAt: string },
  now: Date | number = Date.now(),
  timeZone?: string,
): string {
  const left = timeLeftText(hold.lapsesAt, now);
  const when =
    left === 'lapsed'
      ? `lapsed ${lapseLocalText(hold.lapsesAt, timeZone)}`
      : `lapses in ${left} (${lapseLocalText(hold.lapsesAt, timeZone)})`;
  return [hold.customer, formatMoney(hold.amountMinor, hold.currency), when].filter(Boolean).join(' · ');
}
