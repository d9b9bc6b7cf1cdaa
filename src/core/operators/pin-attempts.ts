import { z } from 'zod';
import type { WorkStore } from '../store/work-store';
import { operatorKey } from './operator-registry';

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
export async function lockRemainingMs(store: WorkStore, name: string, now = Date.now()): Promise<number> {
  const a = await store.settings.get(keyOf(name), Attempts);
  const until = a?.lockedUntil ? Date.parse(a.lockedUntil) : 0;
  return Math.max(0, until - now);
}

/** Counts a wrong PIN; returns the new lock's length in ms when this miss locked the name, else 0. */
export async function recordWrongPin(store: WorkStore, name: string, now = Date.now()): Promise<number> {
  const before: Attempts = (await store.settings.get(keyOf(name), Attempts)) ?? { failures: 0, lockedUntil: null };
  const failures = before.failures + 1;
  const lockMs = failures >= FREE_TRIES ? Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failures - FREE_TRIES)) : 0;
  await store.settings.set(keyOf(name), {
    failures,
    lockedUntil: lockMs ? new Date(now + lockMs).toISOString() : before.lockedUntil,
  } satisfies Attempts);
  return lockMs;
}

/** A right PIN clears the count. */
export async function clearWrongPins(store: WorkStore, name: string): Promise<void> {
  await store.db.query('DELETE FROM settings WHERE key = $1', [keyOf(name)]);
}
