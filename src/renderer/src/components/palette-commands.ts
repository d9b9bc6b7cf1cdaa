import type { Profile } from '../../../shared/domain';
import { navigationActions, SCREEN_TITLES, SCREENS } from '../stores/navigation';
import { ENVIRONMENT_LABELS, sessionActions } from '../stores/session';
import { settingsActions } from '../stores/settings';

export interface PaletteCommand {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

/** Everything the palette offers: screens, profile switches, and a connection test of the active profile. */
export function paletteCommands(profiles: Profile[], activeProfileId: string | null): PaletteCommand[] {
  const go = SCREENS.map((screen) => ({
    id: `go:${screen}`,
    label: `Go to ${SCREEN_TITLES[screen]}`,
    run: () => navigationActions.go(screen),
  }));
  const switches = profiles
    .filter((p) => p.id !== activeProfileId)
    .map((p) => ({
      id: `profile:${p.id}`,
      label: `Switch profile: ${p.name}`,
      hint: ENVIRONMENT_LABELS[p.environment],
      run: () => {
        navigationActions.closePalette();
        void sessionActions.activate(p.id);
      },
    }));
  const test: PaletteCommand[] = activeProfileId
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
