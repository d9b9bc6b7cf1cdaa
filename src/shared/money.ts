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

/** Display form with grouping and symbol, e.g. "€1,234.56", "¥1,200", "KWD 1.250". */
export function formatMoney(amountMinor: number, currency: string, locale = 'en-GB'): string {
  const exp = currencyExponent(currency);
  const decimal = minorToDecimalString(amountMinor, currency);
  // Intl accepts a decimal string and formats it exactly (no float rounding on the way).
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  }).format(decimal as unknown as number);
}

export type ParseAmountResult = { ok: true; amountMinor: number } | { ok: false; message: string };

/**
 * Operator input ("1,234.5", "1200") -> minor units. Refuses sub-unit precision rather than rounding:
 * "10.005 EUR" is an error, not 10.01.
 */
export function parseAmount(input: string, currency: string): ParseAmountResult {
  const exp = currencyExponent(currency);
  const cleaned = input.trim().replace(/[\s,_']/g, '');
  if (!/^\d+(\.\d*)?$/.test(cleaned)) {
    return {
      ok: false,
      message: `"${input}" is not an amount: type digits with an optional decimal point, e.g. ${exp ? '1250.' + '5'.padEnd(exp, '0') : '1250'}.`,
    };
  }
  const [whole, frac = ''] = cleaned.split('.');
  if (frac.length > exp) {
    return {
      ok: false,
      message:
        exp === 0
          ? `${currency.toUpperCase()} has no minor unit: enter a whole amount.`
          : `${currency.toUpperCase()} has ${exp} decimal places: "${input}" has ${frac.length}.`,
    };
  }
  const minor = Number(whole + frac.padEnd(exp, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, message: `"${input}" is too large.` };
  return { ok: true, amountMinor: minor };
}
