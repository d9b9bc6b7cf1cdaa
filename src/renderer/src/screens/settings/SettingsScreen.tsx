import { useEffect } from 'react';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useSession } from '../../stores/session';
import { settingsActions, useSettings } from '../../stores/settings';
import { CredentialsPanel } from './CredentialsPanel';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { PayoutSettingsPanel } from '../payouts/PayoutSettingsPanel';
import { CaptureSettingsPanel } from '../captures/CaptureSettingsPanel';
import { OperatorsPanel } from './OperatorsPanel';
import { TerminalSettingsPanel } from '../terminal/TerminalSettingsPanel';

export function SettingsScreen() {
  const selectedId = useSettings((s) => s.selectedId);
  const profiles = useSession((s) => s.profiles);
  const activeProfileId = useSession((s) => s.activeProfileId);
  const selected = profiles.find((p) => p.id === selectedId) ?? null;
  const active = profiles.find((p) => p.id === activeProfileId) ?? null;

  // Open the active profile when nothing (or a deleted profile) is selected.
  useEffect(() => {
    if (selectedId === 'new' || selected) return;
    if (activeProfileId) settingsActions.select(activeProfileId);
  }, [selectedId, selected, activeProfileId]);

  return (
    <>
      <ScreenHeader title="Settings">
        <button type="button" onClick={() => settingsActions.select('new')}>
          New profile
        </button>
      </ScreenHeader>
      <div className="settings">
        <ProfileList />
        <div className="settings-detail">
          {selectedId === 'new' ? (
            <ProfileForm key="new" profile={null} />
          ) : selected ? (
            <>
              <ProfileForm key={selected.id} profile={selected} />
              <CredentialsPanel key={`cred-${selected.id}`} profile={selected} />
            </>
          ) : (
            <p className="muted">Choose a profile on the left, or create one.</p>
          )}
        </div>
      </div>
      {/* These live in the active profile's work store, whichever profile is selected above: they say so. No region
          of its own: its name would also answer to "Operators", the panel's own. */}
      <div className="active-rules">
        <h2>Operators and rules of the active profile: {active?.name ?? 'none'}</h2>
        <p className="muted">
          They live in the active profile&apos;s work store. To change another profile&rsquo;s, make it active first.
        </p>
        <OperatorsPanel />
        <PayoutSettingsPanel />
        <CaptureSettingsPanel />
        <TerminalSettingsPanel />
      </div>
    </>
  );
}
