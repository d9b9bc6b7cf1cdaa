import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/FormError';
import { ENVIRONMENT_LABELS } from '../stores/session';
import { profileSwitchActions, useProfileSwitch } from '../stores/profile-switch';

/** Says what a profile switch does to everyone at the desk before it happens (asked from Settings or the palette). */
export function SwitchProfileDialog() {
  const { asked, busy, error } = useProfileSwitch();
  if (!asked) return null;
  const name = `“${asked.name}”`;
  return (
    <ConfirmDialog
      title={`Switch the desk to ${name}?`}
      confirmLabel={busy ? 'Switching…' : `Switch to ${name}`}
      danger={asked.environment === 'praxis-live'}
      busy={busy}
      onCancel={profileSwitchActions.cancel}
      onConfirm={() => void profileSwitchActions.confirm()}
    >
      <p>
        Every window of this desk moves to {name} ({ENVIRONMENT_LABELS[asked.environment]}): its Praxis account, its
        work store and its operators.
      </p>
      <p>
        Everyone signed in now, you too, is signed out and signs in again with an operator of {name}; each window says
        why. A profile with no manager yet gets you as its first, with your PIN.
      </p>
      {asked.environment === 'praxis-live' && (
        <p>
          <strong>{name} is Praxis live: what is approved there moves real money.</strong>
        </p>
      )}
      {busy && (
        <p role="status">
          Switching to {name}: the desk finishes what is running on this profile, then opens {name}’s store (a profile’s
          first opening takes several seconds).
        </p>
      )}
      <FormError message={error?.message ?? null} />
    </ConfirmDialog>
  );
}
