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
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(1200, 'JPY')).toBe('JP¥1,200');
  });

  it('parses operator input and refuses sub-unit precision', () => {
    expect(parseAmount('1,234.5', 'EUR')).toEqual({ ok: true, amountMinor: 123450 });
    expect(parseAmount('1200', 'JPY')).toEqual({ ok: true, amountMinor: 1200 });
    expect(parseAmount('1.25', 'JPY')).toEqual({ ok: false, message: 'JPY has no minor unit: enter a whole amount.' });
    expect(parseAmount('10.005', 'EUR')).toEqual({ ok: false, message: 'EUR has 2 decimal places: "10.005" has 3.' });
    expect(parseAmount('0.125', 'KWD')).toEqual({ ok: true, amountMinor: 125 });
    expect(parseAmount('12e3', 'EUR').ok).toBe(false);
  });

  it('echoes amounts in words', () => {
    expect(amountInWords(125050, 'EUR')).toBe('one thousand two hundred fifty EUR and 50/100');
    expect(amountInWords(1_000_000, 'JPY')).toBe('one million JPY');
    expect(amountInWords(1250, 'KWD')).toBe('one KWD and 250/1000');
    expect(amountInWords(7, 'USD')).toBe('zero USD and 07/100');
  });
});
