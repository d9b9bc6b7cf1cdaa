import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token per run: only the page we printed the URL for can open the desk socket. */
export const newSessionToken = (): string => randomBytes(24).toString('base64url');

export function tokensMatch(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export const bearerToken = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * Decides whether a WebSocket upgrade may proceed: the Origin must be the host's own (a page from any other
 * site cannot drive the desk) and the per-run token must match.
 */
export function checkSocketRequest(opts: {
  ownOrigin: string;
  token: string;
  origin: string | undefined;
  presentedToken: unknown;
}): GuardVerdict {
  if (opts.origin !== opts.ownOrigin) {
    return {
      ok: false,
      status: 403,
      // Cut short: the caller chose it, and the answer need not carry it back whole.
      reason: `Origin ${opts.origin === undefined ? '(none)' : opts.origin.slice(0, 100)} is not this desk's page (${opts.ownOrigin}).`,
    };
  }
  if (!tokensMatch(opts.token, opts.presentedToken)) {
    return {
      ok: false,
      status: 401,
      reason: 'The desk token is missing or wrong: open the exact URL the browser host printed.',
    };
  }
  return { ok: true };
}
