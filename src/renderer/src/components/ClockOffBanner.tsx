import { clockOffText } from '../../../shared/clock-off';
import { useSession } from '../stores/session';
import { settingsActions, useSettings } from '../stores/settings';

/** Stands on every screen while Praxis refuses this computer's time, so nobody learns it one refused payout at a time. */
export function ClockOffBanner() {
  const clockOff = useSession((s) => s.clockOff);
  const profileId = useSession((s) => s.activeProfileId);
  const testing = useSettings((s) => s.testing);
  if (!clockOff || !profileId) return null;
  return (
    <section className="clock-banner" role="region" aria-label="Clock off">
      <p role="alert">{clockOffText(clockOff)}</p>
      <button type="button" disabled={testing} onClick={() => void settingsActions.testConnection(profileId)}>
        {testing ? 'Testing…' : 'Test connection now'}
      </button>
    </section>
  );
}
