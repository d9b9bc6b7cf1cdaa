import { ROLE_LABELS, type AccessState, type Role } from '../../../shared/access';
import type { Screen } from '../stores/navigation';

/** Who each screen is for (product.md's screens table); the core checks every call the same way. */
export const SCREEN_ROLES: Record<Screen, readonly Role[]> = {
  payouts: ['backoffice', 'manager'],
  captures: ['manager'],
  terminal: ['agent', 'manager'],
  lookup: ['agent', 'backoffice', 'manager'],
  audit: ['manager'],
  settings: ['manager'],
};

/** A locked desk keeps the screens of whoever locked it mounted under the lock (their state stays as it was). */
export const rolesOf = (access: AccessState | null): readonly Role[] =>
  access && access.mode !== 'signed-out' ? access.roles : [];

export const mayOpen = (screen: Screen, access: AccessState | null): boolean =>
  rolesOf(access).some((r) => SCREEN_ROLES[screen].includes(r));

const joinOr = (words: string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;

/** Why a screen is closed to the person signed in, in words. */
export function whyNot(screen: Screen, access: AccessState | null): string {
  const needed = joinOr(SCREEN_ROLES[screen].map((r) => ROLE_LABELS[r].toLowerCase()));
  const who =
    access && access.mode === 'signed-in'
      ? `${access.operator} is signed in as ${ROLE_LABELS[access.role].toLowerCase()}`
      : 'Nobody is signed in';
  return `Needs the ${needed} role. ${who}.`;
}
