import { navigationActions, SCREEN_TITLES, SCREENS, useNavigation, type Screen } from '../stores/navigation';
import { useExpiringCount } from './use-expiring-count';
import { useAccess } from '../stores/access';
import { mayOpen, whyNot } from '../access/screen-roles';

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
  const access = useAccess((s) => s.access);
  return (
    <nav className="nav" aria-label="Screens">
      <div className="nav-brand">Praxis Desk</div>
      <ul>
        {SCREENS.map((screen) => {
          const allowed = mayOpen(screen, access);
          return (
            <li key={screen} className={screen === 'settings' ? 'nav-settings' : undefined}>
              <button
                type="button"
                className={allowed ? undefined : 'nav-not-for-role'}
                aria-current={current === screen ? 'page' : undefined}
                aria-describedby={allowed ? undefined : `nav-why-${screen}`}
                title={allowed ? undefined : whyNot(screen, access)}
                onClick={() => navigationActions.go(screen)}
              >
                <span>{SCREEN_TITLES[screen]}</span>
                {!allowed && (
                  <span className="visually-hidden" id={`nav-why-${screen}`}>
                    {whyNot(screen, access)}
                  </span>
                )}
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
          );
        })}
      </ul>
      <button type="button" className="nav-palette" onClick={navigationActions.openPalette}>
        Commands <kbd>Ctrl K</kbd>
      </button>
    </nav>
  );
}
