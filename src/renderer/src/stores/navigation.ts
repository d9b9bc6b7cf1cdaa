import { create } from 'zustand';

export const SCREENS = ['payouts', 'captures', 'terminal', 'lookup', 'audit', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_TITLES: Record<Screen, string> = {
  payouts: 'Payouts',
  captures: 'Captures',
  terminal: 'Virtual terminal',
  lookup: 'Lookup',
  audit: 'Audit',
  settings: 'Settings',
};

// ---- state ----
export interface NavigationState {
  screen: Screen;
  paletteOpen: boolean;
}

export const useNavigation = create<NavigationState>()(() => ({ screen: 'payouts', paletteOpen: false }));

// ---- actions ----
export const navigationActions = {
  go: (screen: Screen) => useNavigation.setState({ screen, paletteOpen: false }),
  openPalette: () => useNavigation.setState({ paletteOpen: true }),
  closePalette: () => useNavigation.setState({ paletteOpen: false }),
  /** Keeps the screen if `allowed`, else moves to the first allowed one (a new person's role may not open it). */
  stayWithin: (allowed: (screen: Screen) => boolean) => {
    if (allowed(useNavigation.getState().screen)) return;
    const first = SCREENS.find(allowed);
    if (first) navigationActions.go(first);
  },
};
