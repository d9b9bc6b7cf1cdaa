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
      <OperatorsPanel />
      <PayoutSettingsPanel />
      <CaptureSettingsPanel />
      <TerminalSettingsPanel />
    </>
  );
}
