import { LONE_SURROGATE } from './lone-surrogate';
import type { LookupFailed, LookupIdKind } from './lookup';

const MAX_TID = 2_147_483_647; // tid is int(11)
const MAX_ORDER_ID = 50;
// Control characters, half a surrogate pair, and U+FFFD (what a binary file's bytes become when read as text).
const NOT_TEXT = new RegExp(`[\\u0000-\\u001f\\u007f\\ufffd]|${LONE_SURROGATE.source}`);
const NOT_TEXT_ALL = new RegExp(NOT_TEXT.source, 'g');

/** An id as a person can read it in a result line: at most 20 characters, anything not text shown as �. */
export function shortId(id: string): string {
  const shown = id.replace(NOT_TEXT_ALL, '\ufffd');
  return shown.length > 20 ? `${shown.slice(0, 20)}…` : shown;
}

/** A number is a tid (find-transaction); anything else is an order_id (find-order); some ids are neither. */
export function classifyId(id: string): { kind: LookupIdKind; tid?: number } | { kind: 'invalid'; reason: string } {
  if (/^\d+$/.test(id)) {
    const tid = Number(id);
    if (tid < 1 || tid > MAX_TID)
      return {
        kind: 'invalid',
        reason: `${shortId(id)} is not a valid tid: a tid is a whole number from 1 to ${MAX_TID}.`,
      };
    return { kind: 'tid', tid };
  }
  if (NOT_TEXT.test(id))
    return {
      kind: 'invalid',
      reason: `"${shortId(id)}" contains control characters or bytes that are not text (a binary file?); paste plain tids or order_ids.`,
    };
  if (id.length > MAX_ORDER_ID)
    return {
      kind: 'invalid',
      reason: `"${shortId(id)}" is ${id.length} characters; an order_id is at most ${MAX_ORDER_ID}. Not looked up.`,
    };
  return { kind: 'order_id' };
}

/** Splits ids into those worth sending to Praxis and a result line for each of the rest, saying why. */
export function sortOutIds(ids: readonly string[]): { usable: string[]; unusable: LookupFailed[] } {
  const usable: string[] = [];
  const unusable: LookupFailed[] = [];
  for (const id of ids) {
    const c = classifyId(id);
    if (c.kind === 'invalid') unusable.push({ id, kind: 'invalid', ok: false, code: 'VALIDATION', reason: c.reason });
    else usable.push(id);
  }
  return { usable, unusable };
}
