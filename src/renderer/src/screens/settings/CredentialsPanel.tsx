import type { CredentialStatus, Profile } from '../../../../shared/domain';
import { BusyButton } from '../../components/BusyButton';
import { selectCredentialStatus, settingsActions, useSettings } from '../../stores/settings';
import { connectionHeadline } from './connection-result';
import { FormError } from '../../components/FormError';
import { StorePasswordForm } from './StorePasswordForm';
import { WriteOnlySecretForm } from './WriteOnlySecretForm';

function storageText(s: CredentialStatus): { title: string; detail: string; tone: 'ok' | 'warn' | 'none' } {
  switch (s.storage) {
    case 'keychain':
      return {
        title: 'Stored in the OS keychain',
        detail: 'Only this desk’s core can read it back; the screen never shows it.',
        tone: 'ok',
      };
    case 'memory':
      return {
        title: 'Kept for this run only',
        detail: `The OS keychain could not be reached${s.keychainMessage ? ` (${s.keychainMessage})` : ''}, so the secret is held in memory and forgotten when the desk closes. It is never written to a file. Enter it again after a restart, or fix the keychain.`,
        tone: 'warn',
      };
    case 'sample':
      return {
        title: 'Public sample secret',
        detail: 'The embedded sandbox signs with the documentation’s public sample secret; nothing to enter.',
        tone: 'ok',
      };
    case 'none':
      return {
        title: 'No merchant secret set',
        detail: 'Enter the merchant secret from the Praxis back office to make calls with this profile.',
        tone: 'none',
      };
  }
}

/** Write-only: the secret goes from the password field to the core and is never held in page state. */
export function CredentialsPanel({ profile }: { profile: Profile }) {
  const status = useSettings(selectCredentialStatus(profile.id));
  const busy = useSettings((s) => s.credentialsBusy);
  const error = useSettings((s) => s.credentialsError);
  const testing = useSettings((s) => s.testing);
  const test = useSettings((s) => (s.test?.profileId === profile.id ? s.test.result : null));
  const ownSecret = status?.storage === 'keychain' || status?.storage === 'memory';

  const storage = status ? storageText(status) : null;
  return (
    <section className="panel credentials" aria-label="Credentials">
      <div className="panel-head">
        <h2>Credentials</h2>
      </div>

      <div
        className={`credential-status tone-${storage?.tone ?? 'none'}`}
        role="status"
        aria-label="Merchant secret status"
      >
        {storage ? (
          <>
            <strong>{storage.title}</strong>
            <span>{storage.detail}</span>
          </>
        ) : (
          <span className="muted">Checking…</span>
        )}
      </div>

      {/* The embedded sandbox signs with the public sample secret: nothing to enter, so no field to enter it in. */}
      {status && status.storage !== 'sample' && (
        <WriteOnlySecretForm
          name="Merchant secret"
          fieldId="merchant-secret"
          label={ownSecret ? 'Replace merchant secret' : 'Set merchant secret'}
          hint={
            <p className="field-hint">Write-only: the desk stores it and signs with it, and never shows it again.</p>
          }
          placeholder="paste the merchant secret"
          emptyProblem="Nothing to save: paste the merchant secret into this field first."
          saveLabel={ownSecret ? 'Replace' : 'Save secret'}
          clearLabel="Clear secret"
          stored={ownSecret}
          busy={busy}
          onSave={(secret) => settingsActions.setSecret(profile.id, secret)}
          onClear={() => void settingsActions.clearSecret(profile.id)}
        />
      )}

      {profile.storeUrl && <StorePasswordForm profile={profile} status={status} busy={busy} />}

      <div className="connection-test">
        <BusyButton busy={testing || busy} onPress={() => void settingsActions.testConnection(profile.id)}>
          {testing ? 'Testing…' : 'Test connection'}
        </BusyButton>
        {test && (
          <div
            className={test.ok ? 'test-result ok' : 'test-result fail'}
            role="status"
            aria-label="Connection test result"
          >
            <strong>{connectionHeadline(test)}</strong>
            <span>{test.message}</span>
          </div>
        )}
      </div>

      <FormError message={error?.message} />
    </section>
  );
}
