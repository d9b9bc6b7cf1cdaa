import type { CredentialStatus, Profile } from '../../../../shared/domain';
import { settingsActions } from '../../stores/settings';
import { WriteOnlySecretForm } from './WriteOnlySecretForm';

/** Write-only, like the merchant secret: the team store's database password goes to the core and the keychain only. */
export function StorePasswordForm({
  profile,
  status,
  busy,
}: {
  profile: Profile;
  status: CredentialStatus | null;
  busy: boolean;
}) {
  const stored = status?.hasStorePassword === true;
  return (
    <WriteOnlySecretForm
      name="Database password"
      className="secret-form store-password-form"
      fieldId="store-password"
      label={stored ? 'Replace database password' : 'Set database password'}
      hint={
        <p className="field-hint" role="status" aria-label="Database password status">
          {stored
            ? 'Stored in the OS keychain for your login on the team store; never shown again.'
            : 'No database password stored: enter the password of your own login on the team store.'}
        </p>
      }
      placeholder="your database password"
      emptyProblem="Nothing to save: type your database password into this field first."
      saveLabel={stored ? 'Replace password' : 'Save password'}
      clearLabel="Clear database password"
      stored={stored}
      busy={busy}
      onSave={(password) => settingsActions.setSecret(profile.id, password, 'store-password')}
      onClear={() => void settingsActions.clearSecret(profile.id, 'store-password')}
    />
  );
}
