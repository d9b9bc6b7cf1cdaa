import { useMemo } from 'react';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { navigationActions, useNavigation, type Screen } from '../stores/navigation';
import { isLive, selectActiveProfile, useSession } from '../stores/session';
import { CommandPalette } from './CommandPalette';
import { Nav } from './Nav';
import { StatusBar } from './StatusBar';
import { ScreenView } from '../screens/ScreenView';

/** G then a letter jumps to a screen (product.md's keyboard map). */
const GO_KEYS: Record<string, Screen> = {
  'g p': 'payouts',
  'g c': 'captures',
  'g t': 'terminal',
  'g l': 'lookup',
  'g u': 'audit',
  'g s': 'settings',
};

export function Frame() {
  const live = useSession((s) => isLive(selectActiveProfile(s)));
  const paletteOpen = useNavigation((s) => s.paletteOpen);

  const bindings = useMemo(() => {
    const b: Record<string, () => void> = {
      'mod+k': () =>
        useNavigation.getState().paletteOpen ? navigationActions.closePalette() : navigationActions.openPalette(),
    };
    for (const [keys, screen] of Object.entries(GO_KEYS)) b[keys] = () => navigationActions.go(screen);
    return b;
  }, []);
  // While the palette is open it binds its own keys (Esc, Ctrl/Cmd+K close it).
  useShortcuts(bindings, !paletteOpen);

  return (
    <div className={live ? 'frame env-live' : 'frame'} data-environment={live ? 'live' : 'test'}>
      {live && (
        <div className="live-banner" role="status">
          LIVE — actions here move real money
        </div>
      )}
      <div className="frame-body">
        <Nav />
        <main className="screen" id="main">
          <ScreenView />
        </main>
      </div>
      <StatusBar />
      {paletteOpen && <CommandPalette />}
    </div>
  );
}
