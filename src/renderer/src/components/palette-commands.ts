import type { AccessState } from '../../../shared/access';
import type { Profile } from '../../../shared/domain';
import { mayOpen } from '../access/screen-roles';
import { accessActions } from '../stores/access';
import { navigationActions, SCREEN_TITLES, SCREENS, type Screen } from '../stores/navigation';
import { profileSwitchActions } from '../stores/profile-switch';
import { ENVIRONMENT_LABELS } from '../stores/session';
import { settingsActions } from '../stores/settings';

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  /** Other words people use for it, matched but not shown ("holds" for Captures). */
  keywords?: string;
  run: () => void;
}

/** The everyday words for each screen, so a new user's word finds it. */
const SCREEN_KEYWORDS: Record<Screen, string> = {
  payouts: 'withdrawals payout requests approve reject split',
  captures: 'holds authorizations authorized deposits capture void',
  terminal: 'moto phone card deposit payment',
  lookup: 'find search tid order id',
  audit: 'log history who',
  settings: 'profiles credentials operators pin keychain thresholds',
};

/** The words a command is found by: its label's, its hint's and its other words, in lower case. */
export const searchWords = (c: PaletteCommand): string[] =>
  `${c.label} ${c.hint ?? ''} ${c.keywords ?? ''}`
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * What the palette offers the person signed in: the screens they may open, locking the desk and signing out and, for
 * whoever may open Settings (a manager), profile switches and a connection test of the active profile.
 */
export function paletteCommands(
  profiles: Profile[],
  activeProfileId: string | null,
  access: AccessState | null,
): PaletteCommand[] {
  const go = SCREENS.filter((screen) => mayOpen(screen, access)).map((screen) => ({
    id: `go:${screen}`,
    label: `Go to ${SCREEN_TITLES[screen]}`,
    keywords: SCREEN_KEYWORDS[screen],
    run: () => navigationActions.go(screen),
  }));
  const managesProfiles = mayOpen('settings', access);
  const switches = profiles
    .filter((p) => managesProfiles && p.id !== activeProfileId)
    .map((p) => ({
      id: `profile:${p.id}`,
      label: `Switch profile: ${p.name}`,
      hint: ENVIRONMENT_LABELS[p.environment],
      run: () => {
        navigationActions.closePalette();
        profileSwitchActions.ask(p);
      },
    }));
  const test: PaletteCommand[] =
    managesProfiles && activeProfileId
      ? [
          {
            id: 'test-connection',
            label: 'Test connection',
            hint: 'active profile',
            run: () => {
              navigationActions.go('settings');
              settingsActions.select(activeProfileId);
              void settingsActions.testConnection(activeProfileId);
            },
          },
        ]
      : [];
  // Whoever signed in can step away from the palette too ("lock" used to find only Lookup, leaving the desk open).
  const person: PaletteCommand[] =
    access?.mode === 'signed-in'
      ? [
          {
            id: 'lock',
            label: 'Lock the desk',
            hint: 'your PIN opens it again',
            keywords: 'away break',
            run: () => {
              navigationActions.closePalette();
              void accessActions.lock();
            },
          },
          {
            id: 'sign-out',
            label: 'Sign out',
            hint: 'for the next person',
            keywords: 'log out logout leave',
            run: () => {
              navigationActions.closePalette();
              void accessActions.signOut();
            },
          },
        ]
      : [];
  return [...go, ...person, ...test, ...switches];
}

/** The words typed in the palette, in lower case. */
export const typedWords = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Matches when every typed word starts one of the command's words, so "sw live" finds "Switch profile: Live EUR" and
 * "holds" finds Captures but not the thresholds of Settings.
 */
export function filterCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const typed = typedWords(query);
  return commands.filter((c) => {
    const words = searchWords(c);
    return typed.every((t) => words.some((w) => w.startsWith(t)));
  });
}

/**
 * What the palette can do for this person, said when nothing matches: the kinds of command they have (the screens
 * named), and what to type, with an example from their own first command.
 */
export function paletteHelp(commands: PaletteCommand[]): string {
  const screens = commands.filter((c) => c.id.startsWith('go:')).map((c) => c.label.replace(/^Go to /, ''));
  const kinds = [
    ...(screens.length ? [`go to a screen (${screens.join(', ')})`] : []),
    ...(commands.some((c) => c.id === 'lock') ? ['lock the desk', 'sign out'] : []),
    ...(commands.some((c) => c.id === 'test-connection') ? ['test the connection'] : []),
    ...(commands.some((c) => c.id.startsWith('profile:')) ? ['switch profile'] : []),
  ];
  if (kinds.length === 0) return 'There is no command for your role here.';
  const can = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
  const example = commands[0]!;
  const word = example.label
    .replace(/^Go to /, '')
    .slice(0, 3)
    .toLowerCase();
  return `The palette can ${can}. Type part of a name, e.g. “${word}” for ${example.label}.`;
}
