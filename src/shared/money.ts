/**
 * Money is an integer count of minor units plus an ISO 4217 code. Floating point never touches it:
 * formatting and parsing work on digit strings.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

const exponentCache = new Map<string, number>();

/** ISO 4217 exponent (JPY 0, EUR 2, KWD/BHD/JOD 3), from Intl so no table is kept by hand. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let exp = exponentCache.get(code);
  if (exp === undefined) {
    try {
      exp =
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new RangeError(`Unknown currency "${currency}": use a three-letter ISO 4217 code such as EUR.`);
    }
    exponentCache.set(code, exp);
  }
  return exp;
}

/** "123456" minor units of EUR -> "1234.56"; exact for any safe integer. */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor))
    throw new RangeError(`Amount ${amountMinor} is not a whole number of minor units.`);
  const exp = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exp + 1, '0');
  const whole = digits.slice(0, digits.length - exp);
  const frac = exp > 0 ? '.' + digits.slice(digits.length - exp) : '';
  return (negative ? '-' : '') + whole + frac;
}

/**
 * Display form, written the same way for every currency: ISO code, grouped digits, the currency's own decimals
 * ("EUR 1,234.56", "JPY 1,200", "KWD 1.250"); symbols are ambiguous ($, ¥) and Intl mixes them with codes.
 */
export function formatMoney(amountMinor: number, currency: string, locale = 'en-GB'): string {
  return `${currency.toUpperCase()} ${formatAmount(amountMinor, currency, locale)}`;
}

// One formatter per locale and decimals: making an Intl.NumberFormat costs far more than formatting with one.
const amountFormats = new Map<string, Intl.NumberFormat>();

/** The number part alone ("1,234.56"), for columns that show the currency apart. */
export function formatAmount(amountMinor: number, currency: string, locale = 'en-GB'): string {
  const exp = currencyExponent(currency);
  const decimal = minorToDecimalString(amountMinor, currency);
  const key = `${locale}/${exp}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: exp, maximumFractionDigits: exp });
    amountFormats.set(key, format);
  }
  // Intl accepts a decimal string and formats it exactly (no float rounding on the way).
  return format.format(decimal as unknown as number);
}

export type ParseAmountResult = { ok: true; amountMinor: number } | { ok: false; message: string };

/** "12.50" for EUR, "1250" for JPY, "12.500" for KWD: what to type, in every refusal. */
export const amountExample = (currency: string): string => {
  const exp = currencyExponent(currency);
  return exp ? `12.${'5'.padEnd(exp, '0')}` : '1250';
};

// A comma, a space of any width, an apostrophe or an underscore: a decimal or a group separator, read two ways.
const SEPARATOR = /[,\s'\u2019_\u00a0\u202f\u066b\u066c]/;

/**
 * The one reading of an operator's amount for every field (split parts, filters, thresholds, capture, terminal):
 * digits with at most one point for decimals, nothing else. "12,5" could be 12.50 or 125, "1.234,50" could be
 * two different amounts: anything but a point is refused with what to type, never guessed. Sub-unit precision
 * is refused, not rounded: "10.005 EUR" is an error, not 10.01.
 */
export function parseAmount(input: string, currency: string): ParseAmountResult {
  const exp = currencyExponent(currency);
  const code = currency.toUpperCase();
  const text = input.trim();
  const example = amountExample(code);
  if (text === '') return { ok: false, message: `Enter an amount, e.g. ${example}.` };
  if (SEPARATOR.test(text)) {
    return {
      ok: false,
      message:
        exp === 0
          ? `"${input}" has a separator: type digits only, without thousands separators, e.g. ${example}.`
          : `"${input}" has a separator: use a point for decimals and no thousands separators, e.g. ${example}.`,
    };
  }
  if (!/^\d+(\.\d*)?$/.test(text)) {
    return {
      ok: false,
      message: `"${input}" is not an amount: type digits${exp ? ' with an optional point for decimals' : ''}, e.g. ${example}.`,
    };
  }
  const [whole = '', frac = ''] = text.split('.');
  if (frac.length > exp) {
    return {
      ok: false,
      message:
        exp === 0
          ? `${code} has no minor unit: "${input}" has decimals; enter a whole amount, e.g. ${example}.`
          : `${code} has ${exp} decimal places: "${input}" has ${frac.length}.`,
    };
  }
  const minor = Number(whole + frac.padEnd(exp, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, message: `"${input}" is too large.` };
  return { ok: true, amountMinor: minor };
}
