import { useEffect, useMemo, useRef } from 'react';
import { pauseShortcuts, useShortcuts } from '../keyboard/use-shortcuts';
import { navigationActions, useNavigation, type Screen } from '../stores/navigation';
import { isLive, selectActiveProfile, useSession } from '../stores/session';
import { CommandPalette } from './CommandPalette';
import { Nav } from './Nav';
import { StatusBar } from './StatusBar';
import { ClockOffBanner } from './ClockOffBanner';
import { NoSecretBanner } from './NoSecretBanner';
import { ExpiringHoldsBanner } from './ExpiringHoldsBanner';
import { ScreenView } from '../screens/ScreenView';
import { SecondManagerDialog } from '../access/SecondManagerDialog';
import { SwitchProfileDialog } from '../access/SwitchProfileDialog';
import { SCREEN_ID } from './focus-screen';
import { focusLost } from './focus-lost';

/** G then a letter jumps to a screen (product.md's keyboard map). */
const GO_KEYS: Record<string, Screen> = {
  'g p': 'payouts',
  'g c': 'captures',
  'g t': 'terminal',
  'g l': 'lookup',
  'g u': 'audit',
  'g s': 'settings',
};

/** `inert`: the desk is locked; its screen stays as it was under the lock, out of reach of keys and pointer. */
export function Frame({ inert = false }: { inert?: boolean }) {
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
  useEffect(() => {
    pauseShortcuts(inert);
    return () => pauseShortcuts(false);
  }, [inert]);

  // A screen chosen from the navigation takes the focus, so its keys (J/K, A…) work at once instead of the
  // focused nav button keeping them.
  const screen = useNavigation((s) => s.screen);
  const main = useRef<HTMLElement>(null);
  const shown = useRef(screen);
  useEffect(() => {
    if (shown.current === screen) return;
    shown.current = screen;
    if (focusLost() || document.activeElement?.closest('nav')) main.current?.focus({ preventScroll: true });
  }, [screen]);

  return (
    <div className={live ? 'frame env-live' : 'frame'} inert={inert}>
      {live && (
        <div className="live-banner" role="status">
          LIVE — actions here move real money
        </div>
      )}
      <div className="frame-body">
        <Nav />
        <main className="screen" id={SCREEN_ID} ref={main} tabIndex={-1}>
          <ClockOffBanner />
          <NoSecretBanner />
          <ExpiringHoldsBanner />
          <ScreenView />
        </main>
      </div>
      <StatusBar />
      {paletteOpen && <CommandPalette />}
      <SecondManagerDialog />
      <SwitchProfileDialog />
    </div>
  );
}
