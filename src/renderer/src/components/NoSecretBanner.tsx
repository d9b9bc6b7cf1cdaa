import { useEffect } from 'react';
import { mayOpen } from '../access/screen-roles';
import { useAccess } from '../stores/access';
import { navigationActions } from '../stores/navigation';
import { selectActiveProfile, useSession } from '../stores/session';
import { settingsActions, useSettings } from '../stores/settings';

/**
 * Stands on every screen while the active profile has no merchant secret: the desk can then verify none of Praxis's
 * notifications and sign none of its requests, so an empty queue means nothing, and it must not look like calm.
 */
export function NoSecretBanner() {
  const profile = useSession(selectActiveProfile);
  const status = useSettings((s) => (profile ? s.credentials[profile.id] : undefined));
  const mayFix = useAccess((s) => mayOpen('settings', s.access));
  useEffect(() => {
    if (profile) void settingsActions.loadCredentials(profile.id);
  }, [profile]);
  if (!profile || !status || status.hasSecret) return null;
  return (
    <section className="clock-banner" role="region" aria-label="No merchant secret">
      <p role="alert">
        “{profile.name}” has no merchant secret: the desk cannot verify Praxis’s notifications or sign its requests, so
        no new work arrives here and nothing can be sent. {mayFix ? 'Set it' : 'A manager sets it'} in Settings ›
        Credentials.
      </p>
      {mayFix && (
        <button type="button" onClick={() => navigationActions.go('settings')}>
          Open Settings
        </button>
      )}
    </section>
  );
}
