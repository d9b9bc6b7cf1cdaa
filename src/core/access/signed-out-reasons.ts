/** What the sign-in screen tells a window the desk signed out by itself, so nobody is left guessing why. */

/** Another profile made active: its store has its own operators, so the sign-ins made on the one left end. */
export const profileSwitchedReason = (from: string, to: string, by: string | null): string =>
  `The desk moved from profile “${from}” to “${to}”${by ? ` (${by} switched it)` : ''}, and everyone signed in on “${from}” was signed out. Sign in with your operator name and PIN for “${to}”; if you have none there, ask a manager of that profile.`;

export const operatorRemovedReason = (name: string): string =>
  `The operator “${name}” was removed by a manager, so this window was signed out. If you should still work here, ask a manager to add you again.`;

export const pinResetReason = (name: string): string =>
  `A manager gave “${name}” a new PIN, so every window signed in as ${name} was signed out. Sign in with the new PIN; the manager tells it to you in person.`;

/** A window that worked as the sandbox operator, once the desk has its first manager. */
export const signInTurnedOnReason =
  'Sign-in is on: the desk now has a manager, so everyone signs in with their own operator name and PIN. If you have none, ask a manager to add you in Settings › Operators.';
