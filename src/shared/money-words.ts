import { currencyExponent, minorToDecimalString } from './money';

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [bigint, string][] = [
  [10n ** 12n, 'trillion'],
  [10n ** 9n, 'billion'],
  [10n ** 6n, 'million'],
  [1000n, 'thousand'],
];

function underThousand(n: number): string {
  const parts: string[] = [];
  if (n >= 100) parts.push(`${ONES[Math.floor(n / 100)]} hundred`);
  const rest = n % 100;
  if (rest > 0 || parts.length === 0) {
    parts.push(
      rest < 20 ? (ONES[rest] as string) : `${TENS[Math.floor(rest / 10)]}${rest % 10 ? '-' + ONES[rest % 10] : ''}`,
    );
  }
  return parts.join(' ');
}

/** 1234 -> "one thousand two hundred thirty-four" (English, for the confirmation echo). */
export function integerInWords(value: bigint): string {
  if (value === 0n) return 'zero';
  const parts: string[] = [];
  let rest = value;
  for (const [scale, name] of SCALES) {
    if (rest >= scale) {
      parts.push(`${integerInWords(rest / scale)} ${name}`);
      rest %= scale;
    }
  }
  if (rest > 0n) parts.push(underThousand(Number(rest)));
  return parts.join(' ');
}

/**
 * The amount an operator is about to send, in words, so a slipped digit is caught before money moves:
 * 125050 EUR -> "one thousand two hundred fifty EUR and 50/100".
 */
export function amountInWords(amountMinor: number, currency: string): string {
  const code = currency.toUpperCase();
  const exp = currencyExponent(code);
  const [whole = '0', frac] = minorToDecimalString(Math.abs(amountMinor), code).split('.');
  const words = `${amountMinor < 0 ? 'minus ' : ''}${integerInWords(BigInt(whole))} ${code}`;
  return frac === undefined ? words : `${words} and ${frac}/${10 ** exp}`;
}
