import type { AccessState } from '../../../shared/access';
import type { Profile } from '../../../shared/domain';
import { mayOpen } from '../access/screen-roles';
import { navigationActions, SCREEN_TITLES, SCREENS } from '../stores/navigation';
import { ENVIRONMENT_LABELS, sessionActions } from '../stores/session';
import { settingsActions } from '../stores/settings';

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

/**
 * What the palette offers the person signed in: the screens they may open and, for whoever may open Settings (a
 * manager), profile switches and a connection test of the active profile.
 */
export function paletteCommands(
  profiles: Profile[],
  activeProfileId: string | null,
  access: AccessState | null,
): PaletteCommand[] {
  const go = SCREENS.filter((screen) => mayOpen(screen, access)).map((screen) => ({
    id: `go:${screen}`,
    label: `Go to ${SCREEN_TITLES[screen]}`,
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
        void sessionActions.activate(p.id);
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
  return [...go, ...test, ...switches];
}

/** Matches every typed word anywhere in the label, so "sw live" finds "Switch profile: Live EUR". */
export function filterCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => `${c.label} ${c.hint ?? ''}`.toLowerCase().includes(w)));
}

/**
 * What the palette can do for this person, said when nothing matches: the kinds of command they have (the screens
 * named), and what to type, with an example from their own first command.
 */
export function paletteHelp(commands: PaletteCommand[]): string {
  const screens = commands.filter((c) => c.id.startsWith('go:')).map((c) => c.label.replace(/^Go to /, ''));
  const kinds = [
    ...(screens.length ? [`go to a screen (${screens.join(', ')})`] : []),
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
