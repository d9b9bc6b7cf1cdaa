import { useState, type FormEvent } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { ENVIRONMENTS, PRAXIS_HOSTS, SANDBOX_SAMPLE, type Environment, type Profile } from '../../../../shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field, fieldErrorProps } from '../../components/Field';
import { useSession } from '../../stores/session';
import { settingsActions, useSettings, type ProfileDraft } from '../../stores/settings';
import { profileSwitchActions } from '../../stores/profile-switch';
import { FormError } from '../../components/FormError';

interface FormValues {
  name: string;
  environment: Environment;
  customBaseUrl: string;
  merchantId: string;
  applicationKey: string;
  notificationUrl: string;
  storeUrl: string;
}

const ENVIRONMENT_CHOICES: Record<Environment, { label: string; where: string }> = {
  'embedded-sandbox': {
    label: 'Embedded sandbox',
    where: 'a Praxis simulator inside this desk, with the public sample credentials',
  },
  'praxis-sandbox': { label: 'Praxis sandbox', where: PRAXIS_HOSTS['praxis-sandbox'] },
  'praxis-live': { label: 'Praxis live', where: `${PRAXIS_HOSTS['praxis-live']} — real money` },
  custom: { label: 'Custom URL', where: 'another Praxis endpoint (https)' },
};

const valuesOf = (p: Profile | null): FormValues => ({
  name: p?.name ?? '',
  environment: p?.environment ?? 'praxis-sandbox',
  customBaseUrl: p?.customBaseUrl ?? '',
  merchantId: p?.merchantId ?? '',
  applicationKey: p?.applicationKey ?? '',
  notificationUrl: p?.notificationUrl ?? '',
  storeUrl: p?.storeUrl ?? '',
});

/** Blank optional fields are left out rather than sent as "", which the contract would refuse as a URL. */
function draftOf(v: FormValues, id: string | undefined): ProfileDraft {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    ...(id ? { id } : {}),
    name: v.name,
    environment: v.environment,
    customBaseUrl: v.environment === 'custom' ? opt(v.customBaseUrl) : undefined,
    merchantId: v.merchantId,
    applicationKey: v.applicationKey,
    notificationUrl: opt(v.notificationUrl),
    storeUrl: opt(v.storeUrl),
  };
}

export function ProfileForm({ profile }: { profile: Profile | null }) {
  const [values, setValues] = useState<FormValues>(() => valuesOf(profile));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const fieldErrors = useSettings((s) => s.fieldErrors);
  const formError = useSettings((s) => s.formError);
  const notice = useSettings((s) => s.notice);
  const saving = useSettings((s) => s.saving);
  const activeProfileId = useSession((s) => s.activeProfileId);
  const isActive = !!profile && profile.id === activeProfileId;

  const change = (key: keyof FormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const pickEnvironment = (environment: Environment) =>
    setValues((v) =>
      // The embedded simulator only knows the docs' sample merchant.
      environment === 'embedded-sandbox' && !v.merchantId && !v.applicationKey
        ? { ...v, environment, merchantId: SANDBOX_SAMPLE.merchantId, applicationKey: SANDBOX_SAMPLE.applicationKey }
        : { ...v, environment },
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void settingsActions.save(draftOf(values, profile?.id));
  };

  const input = (key: keyof FormValues, props: { type?: string; placeholder?: string; autoComplete?: string } = {}) => (
    <input
      // A new profile's form appears where New profile was pressed: the keyboard starts in its first field.
      autoFocus={!profile && key === 'name'}
      id={`profile-${key}`}
      name={key}
      type={props.type ?? 'text'}
      placeholder={props.placeholder}
      autoComplete={props.autoComplete ?? 'off'}
      spellCheck={false}
      value={values[key]}
      onChange={change(key)}
      {...fieldErrorProps(`profile-${key}`, fieldErrors[key])}
    />
  );

  return (
    <form className="panel profile-form" onSubmit={submit} noValidate aria-label="Profile">
      <div className="panel-head">
        <h2>{profile ? `Profile “${profile.name}”` : 'New profile'}</h2>
        {profile && !isActive && (
          <button type="button" onClick={() => profileSwitchActions.ask(profile)}>
            Make active
          </button>
        )}
        {isActive && <span className="badge active">active profile</span>}
      </div>

      <div className="form-grid">
        <Field id="profile-name" label="Name" error={fieldErrors.name}>
          {input('name', { placeholder: 'e.g. EU payouts' })}
        </Field>
      </div>

      <fieldset
        className="environment-choice"
        aria-describedby={fieldErrors.environment ? 'profile-environment-error' : undefined}
      >
        <legend>Environment</legend>
        {ENVIRONMENTS.map((env) => (
          <label key={env} className={`env-option env-${env}${values.environment === env ? ' checked' : ''}`}>
            <input
              type="radio"
              name="environment"
              value={env}
              checked={values.environment === env}
              onChange={() => pickEnvironment(env)}
            />
            <span className="env-option-label">{ENVIRONMENT_CHOICES[env].label}</span>
            <span className="env-option-where">{ENVIRONMENT_CHOICES[env].where}</span>
          </label>
        ))}
        {fieldErrors.environment && (
          <p className="field-error" id="profile-environment-error" role="alert">
            {fieldErrors.environment}
          </p>
        )}
      </fieldset>

      {values.environment === 'custom' && (
        <Field
          id="profile-customBaseUrl"
          label="Custom base URL"
          hint="The Praxis host to call, e.g. https://gw.example.com (http only for a loopback test server)."
          error={fieldErrors.customBaseUrl}
        >
          {input('customBaseUrl', { placeholder: 'https://', type: 'url' })}
        </Field>
      )}

      <div className="form-grid">
        <Field id="profile-merchantId" label="merchant_id" error={fieldErrors.merchantId}>
          {input('merchantId')}
        </Field>
        <Field id="profile-applicationKey" label="application_key" error={fieldErrors.applicationKey}>
          {input('applicationKey')}
        </Field>
      </div>

      <Field
        id="profile-notificationUrl"
        label="Public notification URL (optional)"
        hint="Where Praxis can reach your intake; sent as notification_url. Leave empty to follow sessions by polling."
        error={fieldErrors.notificationUrl}
      >
        {input('notificationUrl', { placeholder: 'https://desk-intake.example.com/praxis', type: 'url' })}
      </Field>

      <Field
        id="profile-storeUrl"
        label="Shared team store URL (optional)"
        hint="A team's PostgreSQL server, with your own database login and no password: postgres://you@db.example.com/desk?sslmode=verify-full. Once it is saved, Credentials asks for the database password (kept in the OS keychain). Leave empty to keep this desk's own store."
        error={fieldErrors.storeUrl}
      >
        {input('storeUrl', { placeholder: 'postgres://you@db.example.com/desk?sslmode=verify-full' })}
      </Field>

      <FormError message={formError} />
      {notice && !formError && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}

      <div className="form-actions">
        <BusyButton type="submit" className="primary" busy={saving}>
          {saving ? 'Saving…' : profile ? 'Save changes' : 'Create profile'}
        </BusyButton>
        {profile && (
          <BusyButton className="danger-quiet" busy={saving} onPress={() => setConfirmDelete(true)}>
            Delete profile
          </BusyButton>
        )}
      </div>

      {confirmDelete && profile && (
        <ConfirmDialog
          title={`Delete “${profile.name}”?`}
          confirmLabel="Delete profile"
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            void settingsActions.remove(profile.id);
          }}
        >
          <p>The profile and its stored merchant secret are removed from this desk. Nothing changes at Praxis.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
