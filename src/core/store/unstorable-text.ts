import { LONE_SURROGATE } from '../../shared/lone-surrogate';

/**
 * What PostgreSQL cannot hold: a NUL character, in text or jsonb; and in jsonb half of a UTF-16 surrogate pair (of an
 * emoji, say) without its other half, which JSON.stringify writes as "\ud800" and jsonb refuses.
 */
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** What in `text` no store can hold, in words, or null. */
export function unstorableIn(text: string): string | null {
  if (text.includes('\0')) return 'a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'half of a UTF-16 surrogate pair (a broken emoji or other character)';
  return null;
}

/**
 * Where in a parsed value a string or a key holds what no store can, and what ("note holds a NUL character…"), or
 * null. Iterative, so no depth can overflow the stack.
 */
export function unstorableTextAt(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const what = unstorableIn(v);
      if (what) return `${path || 'the value'} holds ${what}`;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    for (const [key, inner] of Object.entries(v)) {
      const what = unstorableIn(key);
      if (what) return `a key in ${path || 'the input'} holds ${what}`;
      stack.push([inner, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

/** `text` as a store can hold it: a NUL shown as ␀, half a surrogate pair as �. */
export const storableString = (text: string): string =>
  text.replaceAll('\0', '\u2400').replace(LONE_SURROGATES, '\ufffd');

/** A JSON-like value with every string and key made storable (`storableString`); anything else as it was. */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableString(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableString(k), storableJson(v)]));
}
