import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonAsWritten } from './json-as-written';

describe('parseJsonAsWritten', () => {
  it('keeps each number as written and leaves strings, booleans and null alone', () => {
    const text =
      '{"conversion_rate":1.000000,"amount":100.50,"n":-3e+2,"z":0,"s":"12.0 \\" 7","t":true,"x":null,"a":[1.10,{"b":2}]}';
    expect(parseJsonAsWritten(text)).toEqual({
      conversion_rate: '1.000000',
      amount: '100.50',
      n: '-3e+2',
      z: '0',
      s: '12.0 " 7',
      t: true,
      x: null,
      a: ['1.10', { b: '2' }],
    });
  });

  it('has the same shape as JSON.parse for any JSON, numbers aside', () => {
    const numbersAsStrings = (v: unknown): unknown =>
      typeof v === 'number'
        ? JSON.stringify(v)
        : Array.isArray(v)
          ? v.map(numbersAsStrings)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, numbersAsStrings(x)]))
            : v;
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJsonAsWritten(text)).toEqual(numbersAsStrings(JSON.parse(text)));
      }),
    );
  });

  it('throws like JSON.parse on a text that is not JSON', () => {
    expect(() => parseJsonAsWritten('{"a":01}')).toThrow(SyntaxError);
    expect(() => parseJsonAsWritten('{"a":')).toThrow(SyntaxError);
  });
});
