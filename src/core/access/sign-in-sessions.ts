import { DeskError } from '../../shared/errors';
import { ROLES, type AccessState, type Role } from '../../shared/access';
import { findOperator, hasManager, operatorKey } from '../operators/operator-registry';
import { attemptPin } from '../operators/pin-attempts';
import type { WorkStore } from '../store/work-store';
import { auditableTypedName } from './typed-name';
import { DESK_ACTOR, SANDBOX_ACTOR, type Actor } from './actor';
import type { BoundedAudit } from './bounded-audit';
import { loadAccessSettings } from './access-settings';
import { capByLogin } from './login-roles';
import { signInTurnedOnReason, operatorRemovedReason, profileSwitchedReason } from './signed-out-reasons';

/** Who is at one window (an Electron window or a browser-host page), on which profile's store. */
interface SignedIn {
  name: string;
  profileId: string;
  lastActiveAt: number;
  locked: boolean;
}

/** What a command is allowed to run as: the person, or nobody (signed out / locked) with the state to show. */
export type Resolved = { actor: Actor; state: AccessState } | { actor: null; state: AccessState };

export interface SignInSessions {
  resolve(store: WorkStore | null, profileId: string | null, connection: string): Promise<Resolved>;
  signIn(store: WorkStore, profileId: string, connection: string, name: string, pin: string): Promise<AccessState>;
  lock(
    store: WorkStore | null,
    profileId: string | null,
    connection: string,
    why: 'asked' | 'idle',
  ): Promise<AccessState>;
  touch(connection: string): void;
  signOut(store: WorkStore | null, connection: string): Promise<AccessState>;
  /** The window went away (a closed socket): its sign-in goes with it. */
  forget(connection: string): void;
  /** Someone was given a new PIN: every window signed in (or locked) as them ends, and says why. */
  endFor(name: string, why: string): void;
}

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;
const rolesOf = (role: Role): Role[] => (role === 'manager' ? [...ROLES] : [role]);

const UNLOCK_NEXT = 'Try again then, or sign in as someone else.';
/** A wrong PIN on the lock screen: no name (the person did not type one), the tries left or how long it pauses. */
const unlockRefusal = (lockMs: number, triesLeft: number) =>
  lockMs
    ? `The PIN is not right, and that was too many wrong tries: unlocking is paused for ${seconds(lockMs)}. ${UNLOCK_NEXT}`
    : `The PIN is not right. Check it and try again: ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before unlocking is paused.`;

const SIGN_IN_NEXT = 'Try again then.';
/** A wrong name or PIN on the sign-in screen: never the typed name (an echo tells nothing and may be odd text). */
const signInRefusal = (lockMs: number) =>
  lockMs
    ? `The operator name or PIN is not right, and that was too many wrong tries: this operator name is locked for ${seconds(lockMs)}. ${SIGN_IN_NEXT}`
    : 'The operator name or PIN is not right. Check both and try again.';

/**
 * Sign-in per window: once the desk has a manager, each window acts only as the operator who signed in there with
 * their PIN, and locks after the configured idle time. A desk without a manager runs as the sandbox operator with
 * every role. Sign-ins, refusals and locks are audited; a refusal never says whether the name or the PIN was wrong.
 */
export function createSignInSessions(
  now: () => number = Date.now,
  /** Where refused sign-ins go: anyone with the page can send them, so the desk bounds them (bounded-audit.ts). */
  refusedSignIns?: BoundedAudit,
  /** The sentence for a window whose profile was left (names the profiles and who switched; the desk knows them). */
  profileLeft: (fromId: string, toId: string) => string = (from, to) => profileSwitchedReason(from, to, null),
): SignInSessions {
  const byConnection = new Map<string, SignedIn>();
  // Why the desk itself signed a window out, until someone signs in there or the window goes.
  const signedOutWhy = new Map<string, string>();
  // Windows last seen working as the sandbox operator, and on which profile: once that profile has a manager, they
  // are told why a PIN is asked.
  const wasSandbox = new Map<string, string | null>();
  const signedOut = (connection: string, idleLockMinutes: number): AccessState => {
    const why = signedOutWhy.get(connection);
    return { mode: 'signed-out', idleLockMinutes, ...(why ? { why } : {}) };
  };
  /** A sign-in made on a profile the desk has left ends for good: going back there asks for the PIN again. */
  const endIfProfileLeft = (connection: string, profileId: string | null) => {
    const s = byConnection.get(connection);
    if (!s || profileId === null || s.profileId === profileId) return;
    byConnection.delete(connection);
    signedOutWhy.set(connection, profileLeft(s.profileId, profileId));
  };

  const audit = (store: WorkStore, operator: string, action: string, details: Record<string, unknown> = {}) =>
    store.audit.append({ operator, action, details });
  const auditRefused = (store: WorkStore, typed: string, details: Record<string, unknown>) => {
    const tried = auditableTypedName(typed);
    return refusedSignIns
      ? refusedSignIns.record({
          key: 'sign-in',
          countedAs: tried.slice(0, 64),
          entry: { operator: tried, action: 'session:sign-in-refused', details },
          summary: { operator: DESK_ACTOR.name, action: 'session:sign-in-refused', countsAs: 'names' },
        })
      : audit(store, tried, 'session:sign-in-refused', details);
  };

  return {
    async resolve(store, profileId, connection) {
      endIfProfileLeft(connection, profileId);
      if (!store || !(await hasManager(store))) {
        // Everyone acts as the sandbox operator here: nobody is signed out, so no reason to keep.
        if (store) signedOutWhy.delete(connection);
        if (store) wasSandbox.set(connection, profileId);
        const idleLockMinutes = store ? (await loadAccessSettings(store)).idleLockMinutes : 0;
        const roles = capByLogin(SANDBOX_ACTOR.roles, store?.loginRoles ?? null);
        return {
          actor: { ...SANDBOX_ACTOR, roles },
          state: { mode: 'sandbox', operator: SANDBOX_ACTOR.name, roles, idleLockMinutes },
        };
      }
      const { idleLockMinutes } = await loadAccessSettings(store);
      const sandboxOn = wasSandbox.get(connection);
      wasSandbox.delete(connection);
      if (sandboxOn !== undefined && sandboxOn === profileId && !byConnection.has(connection))
        signedOutWhy.set(connection, signInTurnedOnReason);
      const s = byConnection.get(connection);
      if (!s || s.profileId !== profileId) return { actor: null, state: signedOut(connection, idleLockMinutes) };
      const op = await findOperator(store, s.name);
      if (!op) {
        // Removed while signed in: they act no more.
        byConnection.delete(connection);
        signedOutWhy.set(connection, operatorRemovedReason(s.name));
        return { actor: null, state: signedOut(connection, idleLockMinutes) };
      }
      if (!s.locked && now() - s.lastActiveAt > idleLockMinutes * 60_000) {
        s.locked = true;
        await audit(store, op.name, 'session:lock', { why: 'idle', idleLockMinutes });
      }
      // On a team store the database login caps the operator's roles (the lesser applies).
      const roles = capByLogin(rolesOf(op.role), store.loginRoles);
      if (s.locked) return { actor: null, state: { mode: 'locked', operator: op.name, roles, idleLockMinutes } };
      return {
        actor: { name: op.name, roles },
        state: { mode: 'signed-in', operator: op.name, role: op.role, roles, idleLockMinutes },
      };
    },

    async signIn(store, profileId, connection, name, pin) {
      if (!(await hasManager(store))) {
        throw new DeskError(
          'VALIDATION',
          'This desk has no manager yet, so nobody signs in: everyone acts as the sandbox operator. Add a manager in Settings › Operators to turn sign-in on.',
        );
      }
      const tried = name.trim();
      // The lock screen asks only for the PIN of whoever was signed in: its answers speak of the PIN alone.
      const locked = byConnection.get(connection);
      const unlocking =
        locked !== undefined &&
        locked.locked &&
        locked.profileId === profileId &&
        operatorKey(locked.name) === operatorKey(tried);
      const check = await attemptPin(store, tried, pin);
      if (!check.ok && check.reason === 'locked') {
        await auditRefused(store, tried, { reason: 'locked' });
        throw new DeskError(
          'SIGN_IN',
          unlocking
            ? `Too many wrong tries: unlocking is paused for ${seconds(check.remainingMs)} more. ${UNLOCK_NEXT}`
            : `Too many wrong tries: this operator name is locked for ${seconds(check.remainingMs)} more. ${SIGN_IN_NEXT}`,
          { reason: 'pin-locked' },
        );
      }
      if (!check.ok) {
        const { lockMs, triesLeft } = check;
        // The audit keeps which part was wrong; the screen does not (no guessing of names).
        await auditRefused(store, tried, { reason: check.reason, ...(lockMs ? { lockedForMs: lockMs } : {}) });
        throw new DeskError('SIGN_IN', unlocking ? unlockRefusal(lockMs, triesLeft) : signInRefusal(lockMs), {
          reason: 'refused',
        });
      }
      const before = byConnection.get(connection);
      byConnection.set(connection, { name: check.name, profileId, lastActiveAt: now(), locked: false });
      signedOutWhy.delete(connection);
      await audit(
        store,
        check.name,
        before?.locked && before.name === check.name ? 'session:unlock' : 'session:sign-in',
        {
          role: check.role,
          ...(before && before.name !== check.name ? { replaced: before.name } : {}),
        },
      );
      return (await this.resolve(store, profileId, connection)).state;
    },

    async lock(store, profileId, connection, why) {
      const s = byConnection.get(connection);
      if (s && !s.locked) {
        s.locked = true;
        if (store) await audit(store, s.name, 'session:lock', { why });
      }
      return (await this.resolve(store, profileId, connection)).state;
    },

    touch(connection) {
      const s = byConnection.get(connection);
      if (s && !s.locked) s.lastActiveAt = now();
    },

    async signOut(store, connection) {
      const s = byConnection.get(connection);
      byConnection.delete(connection);
      signedOutWhy.delete(connection);
      if (s && store) await audit(store, s.name, 'session:sign-out');
      const idleLockMinutes = store ? (await loadAccessSettings(store)).idleLockMinutes : 0;
      return { mode: 'signed-out', idleLockMinutes };
    },

    forget(connection) {
      byConnection.delete(connection);
      signedOutWhy.delete(connection);
      wasSandbox.delete(connection);
    },

    endFor(name, why) {
      for (const [connection, s] of byConnection) {
        if (operatorKey(s.name) !== operatorKey(name)) continue;
        byConnection.delete(connection);
        signedOutWhy.set(connection, why);
      }
    },
  };
}
