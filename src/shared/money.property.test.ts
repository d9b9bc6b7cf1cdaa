import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, minorToDecimalString, parseAmount } from './money';

/** One currency per exponent the desk meets: 0, 2 and 3 decimals. */
const CURRENCIES = ['JPY', 'EUR', 'KWD'] as const;
// Locales whose decimal and group separators differ: what an operator may paste from a spreadsheet or a bank.
const LOCALES = ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'it-IT', 'pl-PL', 'pt-BR', 'ar-EG'];

const amountMinor = fc.integer({ min: 0, max: 10 ** 12 });

describe('parseAmount (property)', () => {
  it('format(parse(x)) gives x back for every amount written with a point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), amountMinor, (currency, minor) => {
        const typed = minorToDecimalString(minor, currency);
        const parsed = parseAmount(typed, currency);
        expect(parsed).toEqual({ ok: true, amountMinor: minor });
        if (parsed.ok) expect(minorToDecimalString(parsed.amountMinor, currency)).toBe(typed);
      }),
    );
  });

  it('an amount written the way any locale writes it is read exactly or refused, never as another magnitude', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        amountMinor,
        fc.constantFrom(...LOCALES),
        (currency, minor, locale) => {
          const exp = currencyExponent(currency);
          const typed = new Intl.NumberFormat(locale, {
            minimumFractionDigits: exp,
            maximumFractionDigits: exp,
            useGrouping: true,
          }).format(minorToDecimalString(minor, currency) as unknown as number);
          const parsed = parseAmount(typed, currency);
          if (parsed.ok) expect(parsed.amountMinor).toBe(minor);
          else expect(parsed.message).toMatch(/point|digits|decimal/);
        },
      ),
    );
  });

  it('whatever is typed, an accepted amount is the digits typed with the point where it was typed', () => {
    const typedChar = fc.constantFrom('0', '1', '5', '9', '.', ',', ' ', "'", '_', '\u00a0', '-', 'e');
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.array(typedChar, { maxLength: 12 }), (currency, chars) => {
        const typed = chars.join('');
        const parsed = parseAmount(typed, currency);
        if (!parsed.ok) return;
        // Accepted: only digits and one point, so the value is the typed decimal number exactly.
        expect(typed.trim()).toMatch(/^\d+(\.\d*)?$/);
        const [whole, frac = ''] = typed.trim().split('.');
        const exp = currencyExponent(currency);
        expect(BigInt(parsed.amountMinor)).toBe(BigInt(whole! + frac.padEnd(exp, '0')));
      }),
    );
  });
});
