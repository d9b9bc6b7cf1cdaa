import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, minorToDecimalString, parseAmount } from './money';
import { amountInWords } from './money-words';

describe('money in minor units', () => {
  it('knows 0-, 2- and 3-decimal currencies', () => {
    expect([
      currencyExponent('JPY'),
      currencyExponent('eur'),
      currencyExponent('KWD'),
      currencyExponent('BHD'),
    ]).toEqual([0, 2, 3, 3]);
    expect(() => currencyExponent('XX')).toThrow(/ISO 4217/);
  });

  it('formats exactly, without float rounding', () => {
    expect(minorToDecimalString(5, 'EUR')).toBe('0.05');
    expect(minorToDecimalString(1250, 'KWD')).toBe('1.250');
    expect(minorToDecimalString(9_007_199_254_740_991, 'EUR')).toBe('90071992547409.91');
    expect(formatMoney(123456, 'EUR')).toBe('EUR 1,234.56');
    expect(formatMoney(1200, 'JPY')).toBe('JPY 1,200');
    expect(formatMoney(146750, 'KWD')).toBe('KWD 146.750');
  });

  it('parses operator input and refuses sub-unit precision', () => {
    expect(parseAmount('1234.5', 'EUR')).toEqual({ ok: true, amountMinor: 123450 });
    expect(parseAmount('1200', 'JPY')).toEqual({ ok: true, amountMinor: 1200 });
    expect(parseAmount('1.25', 'JPY')).toEqual({
      ok: false,
      message: 'JPY has no minor unit: "1.25" has decimals; enter a whole amount, e.g. 1250.',
    });
    expect(parseAmount('10.005', 'EUR')).toEqual({ ok: false, message: 'EUR has 2 decimal places: "10.005" has 3.' });
    expect(parseAmount('0.125', 'KWD')).toEqual({ ok: true, amountMinor: 125 });
    expect(parseAmount('12e3', 'EUR').ok).toBe(false);
  });

  it('never guesses what a comma, space or apostrophe meant: it says to type a point for decimals', () => {
    // "12,5" was read as 125.00 once: ten times what was meant.
    expect(parseAmount('12,5', 'EUR')).toEqual({
      ok: false,
      message: '"12,5" has a separator: use a point for decimals and no thousands separators, e.g. 12.50.',
    });
    expect(parseAmount('12,5', 'JPY')).toMatchObject({ ok: false, message: expect.stringContaining('digits only') });
    for (const typed of ['1,234.50', '1 234.50', "1'234.50", '1_234.50', '1\u00a0234,50', '1\u202f234'])
      expect(parseAmount(typed, 'EUR')).toMatchObject({ ok: false, message: expect.stringContaining('12.50') });
  });

  it('echoes amounts in words as they would be said', () => {
    expect(amountInWords(29400, 'EUR')).toBe('two hundred ninety-four euros');
    expect(amountInWords(125050, 'EUR')).toBe('one thousand two hundred fifty euros and fifty cents');
    expect(amountInWords(1_000_000, 'JPY')).toBe('one million Japanese yen');
    expect(amountInWords(1250, 'KWD')).toBe('one Kuwaiti dinar and two hundred fifty fils');
    expect(amountInWords(7, 'USD')).toBe('seven cents');
    expect(amountInWords(1234, 'CNY')).toBe('twelve point three four Chinese yuan');
  });
});
