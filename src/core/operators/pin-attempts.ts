import { z } from 'zod';
import type { WorkStore } from '../store/work-store';
import { operatorKey, verifyOperatorPin, type PinCheck } from './operator-registry';

/**
 * Wrong-PIN lockout, per operator name tried (known or not, so a refusal never tells which part was wrong):
 * after FREE_TRIES wrong in a row the name is locked, for LOCK_BASE_MS doubling with every further miss, up to
 * LOCK_MAX_MS. 10⁴ four-digit PINs then take weeks instead of the 5 minutes scrypt alone allows.
 */
export const FREE_TRIES = 5;
const LOCK_BASE_MS = 30_000;
const LOCK_MAX_MS = 60 * 60_000;
const PREFIX = 'pin-attempts:';

const Attempts = z.object({ failures: z.number().int().min(0), lockedUntil: z.string().nullable() });
type Attempts = z.infer<typeof Attempts>;

const keyOf = (name: string) => PREFIX + operatorKey(name);

/** Milliseconds the name is still locked for, or 0. */
async function lockRemainingMs(store: WorkStore, name: string, now = Date.now()): Promise<number> {
  const a = await store.settings.get(keyOf(name), Attempts);
  const until = a?.lockedUntil ? Date.parse(a.lockedUntil) : 0;
  return Math.max(0, until - now);
}

/**
 * Counts a wrong PIN; returns the new lock's length in ms when this miss locked the name (else 0) and how many
 * wrong tries are left before the name locks.
 */
async function recordWrongPin(
  store: WorkStore,
  name: string,
  now = Date.now(),
): Promise<{ lockMs: number; triesLeft: number }> {
  const before: Attempts = (await store.settings.get(keyOf(name), Attempts)) ?? { failures: 0, lockedUntil: null };
  const failures = before.failures + 1;
  const lockMs = failures >= FREE_TRIES ? Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failures - FREE_TRIES)) : 0;
  await store.settings.set(keyOf(name), {
    failures,
    lockedUntil: lockMs ? new Date(now + lockMs).toISOString() : before.lockedUntil,
  } satisfies Attempts);
  return { lockMs, triesLeft: Math.max(0, FREE_TRIES - failures) };
}

/** A right PIN clears the count. */
async function clearWrongPins(store: WorkStore, name: string): Promise<void> {
  await store.db.query('DELETE FROM settings WHERE key = $1', [keyOf(name)]);
}

export type PinAttempt =
  | Extract<PinCheck, { ok: true }>
  | { ok: false; reason: 'locked'; remainingMs: number }
  | (Extract<PinCheck, { ok: false }> & { lockMs: number; triesLeft: number });

async function attemptNow(store: WorkStore, name: string, pin: string): Promise<PinAttempt> {
  const remainingMs = await lockRemainingMs(store, name);
  if (remainingMs > 0) return { ok: false, reason: 'locked', remainingMs };
  const check = await verifyOperatorPin(store, name, pin);
  if (!check.ok) return { ...check, ...(await recordWrongPin(store, name)) };
  await clearWrongPins(store, name);
  return check;
}

/** Attempts waiting or running, per store and operator name: the tail of each name's line. */
const lines = new WeakMap<WorkStore, Map<string, Promise<unknown>>>();

/**
 * Checks a PIN under the name's lockout: lock, check and count as one step. Attempts for one name run one at a time
 * (the check reads the count, scrypt takes a while, then the miss is written), so guesses sent together are counted
 * one by one and those after the fifth miss are refused as locked. On a team store several desks may each have one
 * attempt running at once: at most one extra guess per desk.
 */
export function attemptPin(store: WorkStore, name: string, pin: string): Promise<PinAttempt> {
  const key = operatorKey(name);
  let byName = lines.get(store);
  if (!byName) lines.set(store, (byName = new Map()));
  const attempt = (byName.get(key) ?? Promise.resolve()).then(() => attemptNow(store, name, pin));
  const tail = attempt.catch(() => undefined);
  byName.set(key, tail);
  void tail.then(() => {
    if (byName.get(key) === tail) byName.delete(key);
  });
  return attempt;
}
