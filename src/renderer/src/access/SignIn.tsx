import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { accessActions } from '../stores/access';
import { useFocusAfterSignIn } from './use-focus-after-sign-in';

/**
 * The sign-in: on a fresh window (nobody signed in) it is the whole page; on a locked desk it covers the screen the
 * person left, which stays as it was underneath, and asks only for the PIN of whoever was signed in.
 */
export function SignIn({ lockedFor, why }: { lockedFor?: string; why?: string }) {
  const [someoneElse, setSomeoneElse] = useState(false);
  const unlocking = lockedFor !== undefined && !someoneElse;
  const [operator, setOperator] = useState(lockedFor ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);
  useFocusAfterSignIn();

  useEffect(() => {
    (unlocking ? pinField : firstField).current?.focus();
  }, [unlocking]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const refused = await accessActions.signIn(unlocking ? lockedFor! : operator, pin);
    setBusy(false);
    setPin('');
    setError(refused?.message ?? null);
    if (refused) pinField.current?.focus();
  };

  const title = unlocking ? 'The desk is locked' : 'Sign in to Praxis Desk';
  return (
    <div className={lockedFor !== undefined ? 'sign-in-cover' : 'sign-in-page'}>
      <section
        className="sign-in"
        role={lockedFor !== undefined ? 'dialog' : 'region'}
        aria-modal={lockedFor !== undefined ? true : undefined}
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title">{title}</h1>
        <p className="muted">
          {unlocking
            ? `${lockedFor} was signed in and the desk locked. Enter the PIN to go on where you were.`
            : 'Enter your operator name and PIN. What you do is recorded in your name.'}
        </p>
        {why && (
          <p className="sign-in-why" role="status">
            {why}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)}>
          {!unlocking && (
            <Field id="sign-in-operator" label="Operator name">
              <input
                id="sign-in-operator"
                ref={firstField}
                autoComplete="username"
                value={operator}
                onChange={(e) => setOperator(e.target.value)}
                required
                maxLength={32}
              />
            </Field>
          )}
          <Field id="sign-in-pin" label="PIN">
            <input
              id="sign-in-pin"
              ref={pinField}
              type="password"
              inputMode="numeric"
              autoComplete="current-password"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              required
              maxLength={8}
            />
          </Field>
          <FormError message={error} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {unlocking ? 'Unlock' : 'Sign in'}
            </button>
            {lockedFor !== undefined && (
              <button
                type="button"
                onClick={() => {
                  setSomeoneElse(!someoneElse);
                  setOperator(someoneElse ? lockedFor : '');
                  setError(null);
                }}
              >
                {someoneElse ? `Unlock as ${lockedFor}` : 'Sign in as someone else'}
              </button>
            )}
          </div>
        </form>
      </section>
    </div>
  );
}
