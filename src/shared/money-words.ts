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

/** The minor unit's spoken name (singular, plural) for the currencies that have a common one; others read as "point …". */
const MINOR_UNIT: Record<string, [string, string]> = {
  EUR: ['cent', 'cents'],
  USD: ['cent', 'cents'],
  CAD: ['cent', 'cents'],
  AUD: ['cent', 'cents'],
  NZD: ['cent', 'cents'],
  GBP: ['penny', 'pence'],
  CHF: ['centime', 'centimes'],
  KWD: ['fils', 'fils'],
  BHD: ['fils', 'fils'],
  JOD: ['fils', 'fils'],
};

/** "euro" / "euros", "US dollar" / "US dollars", "Japanese yen": CLDR's own names through Intl, not a table. */
function currencyName(code: string, plural: boolean): string {
  const text = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: code,
    currencyDisplay: 'name',
    maximumFractionDigits: 0,
  }).format(plural ? 2 : 1);
  return text.replace(/^[\d.,\s]+/, '').trim();
}

/**
 * The amount an operator is about to send, as it would be said aloud, so a slipped digit is caught before money
 * moves: 29400 EUR -> "two hundred ninety-four euros"; 12550 EUR -> "one hundred twenty-five euros and fifty cents";
 * 1250 KWD -> "one Kuwaiti dinar and two hundred fifty fils".
 */
export function amountInWords(amountMinor: number, currency: string): string {
  const code = currency.toUpperCase();
  currencyExponent(code);
  const [whole = '0', frac] = minorToDecimalString(Math.abs(amountMinor), code).split('.');
  const wholeN = BigInt(whole);
  const sign = amountMinor < 0 ? 'minus ' : '';
  const fracN = frac === undefined ? 0n : BigInt(frac);
  const main = `${sign}${integerInWords(wholeN)} ${currencyName(code, wholeN !== 1n)}`;
  if (fracN === 0n) return main;
  const unit = MINOR_UNIT[code];
  if (!unit)
    return `${sign}${integerInWords(wholeN)} point ${[...frac!].map((d) => ONES[Number(d)]).join(' ')} ${currencyName(code, true)}`;
  const minor = `${integerInWords(fracN)} ${fracN === 1n ? unit[0] : unit[1]}`;
  return wholeN === 0n ? `${sign}${minor}` : `${main} and ${minor}`;
}
