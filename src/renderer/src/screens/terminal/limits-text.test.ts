import { describe, expect, it } from 'vitest';
import { limitsFromText, limitsToText } from './limits-text';

describe('terminal deposit limits as text', () => {
  it('reads one currency and amount per line with the currency exponent, and writes them back', () => {
    const r = limitsFromText('EUR 500.00\n\nJPY 50000\nKWD 1.250');
    expect(r).toEqual({ ok: true, limits: { EUR: 50_000, JPY: 50_000, KWD: 1_250 } });
    expect(limitsToText({ EUR: 50_000, KWD: 1_250 })).toBe('EUR 500.00\nKWD 1.250');
  });

  it('says which line is wrong and what to type', () => {
    expect(limitsFromText('EUR 500.00\nJPY 12.50')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Line 2: JPY/),
    });
    expect(limitsFromText('500 EUR')).toEqual({
      ok: false,
      message: 'Line 1: write a currency code and an amount, e.g. "EUR 500.00".',
    });
  });
});
