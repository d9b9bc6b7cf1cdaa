/**
 * Tokens that open a customer's cashier session or pay with their saved card or wallet: an operator never needs them,
 * and whoever reads them could act as the customer, so the desk neither stores them nor lets them leave the core.
 */
const HIDDEN_KEYS = new Set(['auth_token', 'hpf_auth_token', 'card_token', 'wallet_token']);
export const HIDDEN_VALUE = '[hidden by the desk]';

function hideIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideIn);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, HIDDEN_KEYS.has(key) && v !== null ? HIDDEN_VALUE : hideIn(v)]),
  );
}

/** A copy of a Praxis object (or anything holding some) with each customer token's value replaced by HIDDEN_VALUE. */
export const withTokensHidden = <T>(value: T): T => hideIn(value) as T;

function tokenValues(value: unknown, out: Set<string>): Set<string> {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, v] of Object.entries(value)) {
    if (HIDDEN_KEYS.has(key) && typeof v === 'string' && v !== '') out.add(v);
    else tokenValues(v, out);
  }
  return out;
}

/**
 * `raw` (the text `parsed` was read from) with the customer tokens' values hidden and every other character kept: a
 * message's signature does not cover them, so the text kept still verifies.
 */
export function textWithTokensHidden(raw: string, parsed: unknown): string {
  let out = raw;
  for (const token of tokenValues(parsed, new Set()))
    out = out.split(JSON.stringify(token)).join(JSON.stringify(HIDDEN_VALUE));
  return out;
}
