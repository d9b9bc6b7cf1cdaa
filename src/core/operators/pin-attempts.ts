import type { Role } from '../../shared/access';
import type { WorkStore } from '../store/work-store';
import { checkPin } from './operator-pins';
import { findOperator, operatorKey } from './operator-registry';

/**
 * A PIN tried for an operator name, under the name's wrong-PIN lockout (known or not, so a refusal never tells
 * which part was wrong): after FREE_TRIES wrong in a row the name is locked, for LOCK_BASE_MS doubling with every
 * further miss, up to LOCK_MAX_MS (operator-pins-sql.ts). 10⁴ four-digit PINs then take weeks instead of the
 * 5 minutes scrypt alone allows. The store checks, counts and locks in one step, for every desk on it at once.
 */
export type PinAttempt =
  | { ok: true; name: string; role: Role }
  | { ok: false; reason: 'locked'; remainingMs: number }
  | { ok: false; reason: 'unknown_operator' | 'wrong_pin'; lockMs: number; triesLeft: number };

export async function attemptPin(store: WorkStore, name: string, pin: string): Promise<PinAttempt> {
  const answer = await checkPin(store.db, operatorKey(name), pin);
  switch (answer.result) {
    case 'locked':
      return { ok: false, reason: 'locked', remainingMs: answer.remainingMs };
    case 'ok': {
      const operator = await findOperator(store, name);
      // Removed between the check and now: as if nobody had that name.
      if (!operator) return { ok: false, reason: 'unknown_operator', lockMs: 0, triesLeft: 0 };
      return { ok: true, name: operator.name, role: operator.role };
    }
    default:
      return { ok: false, reason: answer.result, lockMs: answer.lockMs, triesLeft: answer.triesLeft };
  }
}
