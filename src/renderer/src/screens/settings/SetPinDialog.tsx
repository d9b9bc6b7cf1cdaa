import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { DialogFrame } from '../../queue/DialogFrame';
import { isSignedInAs, useAccess } from '../../stores/access';
import { operatorsActions } from '../../stores/operators';

/** A new PIN for one operator, typed by a manager: the PIN goes straight to the core, which keeps only its hash. */
export function SetPinDialog({ name, onClose }: { name: string; onClose(): void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Subscribed, not read once: the dialog follows a sign-out or another person signing in while it is open.
  const own = useAccess((s) => isSignedInAs(s.access, name));
  return (
    <DialogFrame title={`Set a new PIN for ${name}`} label={`Set PIN for ${name}`} onCancel={onClose} busy={busy}>
      <p>
        For a forgotten PIN, or one others have seen. {name} signs in with the new PIN from now on; the old one stops
        working at once.
        {own && ' This is your own PIN: you stay signed in here and at your other windows.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void operatorsActions.setPin(name, pin).then((refusal) => {
            setBusy(false);
            setPin('');
            if (refusal) setError(refusal);
            else onClose();
          });
        }}
      >
        <label className="field" htmlFor="set-pin-new">
          <span>New PIN (4 to 8 digits)</span>
          <input
            id="set-pin-new"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            autoFocus
            value={pin}
            onChange={(e) => {
              setPin(e.target.value.replace(/\D/g, ''));
              setError(null);
            }}
            maxLength={8}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'set-pin-error' : undefined}
          />
        </label>
        <div id="set-pin-error">
          <FormError message={error} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || pin.length === 0}>
            Set PIN
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
