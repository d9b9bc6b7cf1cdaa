import { useRef, type FormEvent } from 'react';
import type { CredentialStatus, Profile } from '../../../../shared/domain';
import { settingsActions } from '../../stores/settings';

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
  const field = useRef<HTMLInputElement>(null);
  const stored = status?.hasStorePassword === true;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!field.current) return;
    const password = field.current.value;
    field.current.value = '';
    void settingsActions.setSecret(profile.id, password, 'store-password');
  };
  return (
    <form className="secret-form store-password-form" onSubmit={submit} aria-label="Database password">
      <label htmlFor="store-password">{stored ? 'Replace database password' : 'Set database password'}</label>
      <p className="field-hint" role="status" aria-label="Database password status">
        {stored
          ? 'Stored in the OS keychain for your login on the team store; never shown again.'
          : 'No database password stored: enter the password of your own login on the team store.'}
      </p>
      <input
        id="store-password"
        ref={field}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder="your database password"
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {stored ? 'Replace password' : 'Save password'}
        </button>
        {stored && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void settingsActions.clearSecret(profile.id, 'store-password')}
          >
            Clear database password
          </button>
        )}
      </div>
    </form>
  );
}
