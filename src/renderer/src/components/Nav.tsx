import { navigationActions, SCREEN_TITLES, SCREENS, useNavigation, type Screen } from '../stores/navigation';
import { useExpiringCount } from './use-expiring-count';

const HINTS: Partial<Record<Screen, string>> = {
  payouts: 'G P',
  captures: 'G C',
  terminal: 'G T',
  lookup: 'G L',
  audit: 'G U',
  settings: 'G S',
};

export function Nav() {
  const current = useNavigation((s) => s.screen);
  const expiring = useExpiringCount();
  return (
    <nav className="nav" aria-label="Screens">
      <div className="nav-brand">Praxis Desk</div>
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen} className={screen === 'settings' ? 'nav-settings' : undefined}>
            <button
              type="button"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => navigationActions.go(screen)}
            >
              <span>{SCREEN_TITLES[screen]}</span>
              {screen === 'captures' && expiring > 0 && (
                <span className="nav-badge">
                  <span aria-hidden="true">{expiring}</span>
                  <span className="visually-hidden">
                    , {expiring} hold{expiring === 1 ? '' : 's'} in the last 24 hours
                  </span>
                </span>
              )}
              <kbd>{HINTS[screen]}</kbd>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="nav-palette" onClick={navigationActions.openPalette}>
        Commands <kbd>Ctrl K</kbd>
      </button>
    </nav>
  );
}
