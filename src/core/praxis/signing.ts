import { createHash, timingSafeEqual } from 'node:crypto';
import { parseJsonAsWritten } from './json-as-written';

/** Reads `a.b.c` from a parsed JSON body; undefined when any step is missing. */
export function valueAtPath(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * How one value is written into the signature string. Integers and strings as in JSON are documented;
 * ASSUMPTION (api-reference §8.14): booleans as "true"/"false". A received body is checked as written
 * (`verifyWrittenBody`), so its numbers arrive here as their source text; a number the desk itself signs is one
 * it also serialises, and JSON.stringify writes it as String() does.
 */
export function renderSignatureValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new TypeError(`Cannot sign a value of type ${Array.isArray(value) ? 'array' : typeof value}`);
}

/** API 1.3: the listed values in order, null/absent skipped, no separator (the secret is NOT included). */
export function signatureBase(body: unknown, fields: readonly string[]): string {
  let out = '';
  for (const field of fields) {
    const value = valueAtPath(body, field);
    if (value === null || value === undefined) continue;
    out += renderSignatureValue(value);
  }
  return out;
}

export const sha384Hex = (text: string): string => createHash('sha384').update(text, 'utf8').digest('hex');

/** The Gt-Authentication value: SHA-384 hex (lowercase) of the signature base with the secret appended. */
export function signBody(body: unknown, fields: readonly string[], secret: string): string {
  return sha384Hex(signatureBase(body, fields) + secret);
}

/** Constant-time check of a received Gt-Authentication; case-insensitive hex (api-reference §8.15). */
export function verifyBody(
  body: unknown,
  fields: readonly string[],
  secret: string,
  header: string | undefined | null,
): boolean {
  if (!header || !/^[0-9a-fA-F]{96}$/.test(header)) return false;
  const expected = Buffer.from(signBody(body, fields, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(header.toLowerCase(), 'hex'));
}

/**
 * Checks a received JSON text's Gt-Authentication over its values as written (a number such as 1.000000 or 100.50
 * keeps its digits); false, never a throw, for a text that is not JSON or signs an object or array.
 */
export function verifyWrittenBody(
  rawJson: string,
  fields: readonly string[],
  secret: string,
  header: string | undefined | null,
): boolean {
  try {
    return verifyBody(parseJsonAsWritten(rawJson), fields, secret, header);
  } catch {
    return false;
  }
}

/**
 * Legacy API 1.1 "signature in body" (api-reference §2.3): all top-level keys sorted, values concatenated,
 * secret appended, SHA-384. Kept for the published test vectors and for old clients of the simulator.
 */
export function legacyBodySignature(params: Record<string, string | number>, secret: string): string {
  const base = Object.keys(params)
    .sort()
    .map((k) => String(params[k]))
    .join('');
  return sha384Hex(base + secret);
}
