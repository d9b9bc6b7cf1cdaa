import { useEffect, useRef, useState } from 'react';
import { ROLE_DUTIES, ROLE_LABELS, ROLES, type Role } from '../../../../shared/access';
import { Field, fieldErrorProps } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { FormNotice } from '../../components/FormNotice';
import { useAccess } from '../../stores/access';
import { operatorsActions, useOperators } from '../../stores/operators';
import { SetPinDialog } from './SetPinDialog';

/** Settings › Operators: the people who sign in, their roles, and how soon an idle desk locks. */
export function OperatorsPanel() {
  const operators = useOperators((s) => s.operators);
  const error = useOperators((s) => s.error);
  const fieldErrors = useOperators((s) => s.fieldErrors);
  const notice = useOperators((s) => s.notice);
  const sandbox = useAccess((s) => s.access?.mode === 'sandbox');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  // The first person must be a manager (sign-in starts with one); after that the role is chosen each time, so adding
  // several staff in a row never makes managers by default.
  const [role, setRole] = useState<Role | ''>(sandbox ? 'manager' : '');
  const nameField = useRef<HTMLInputElement>(null);
  const [pinFor, setPinFor] = useState<string | null>(null);
  // The button that opened the PIN dialog gets the keyboard back when it closes.
  const pinOpener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    void operatorsActions.load();
    void operatorsActions.loadAccessSettings();
  }, []);

  return (
    <section className="panel" aria-label="Operators">
      <div className="panel-head">
        <h2>Operators</h2>
        <FormNotice message={notice} />
      </div>
      <p className="field-hint">
        {sandbox
          ? 'No manager yet: nobody signs in and everyone acts as the sandbox operator with every role. Adding a first manager turns sign-in on for everyone.'
          : 'Each person signs in with their name and PIN and acts in their own name. The desk keeps only a hash of each PIN. Removing someone or taking the manager role away needs a second manager.'}
      </p>
      <ul className="operator-list">
        {operators.length === 0 && <li className="muted">No operators yet.</li>}
        {operators.map((o) => (
          <li key={o.name}>
            <span>{o.name}</span>
            <select
              aria-label={`Role of ${o.name}`}
              value={o.role}
              onChange={(e) => void operatorsActions.changeRole(o.name, e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={(e) => {
                pinOpener.current = e.currentTarget;
                setPinFor(o.name);
              }}
            >
              Set PIN for {o.name}
            </button>
            <button type="button" className="danger-quiet" onClick={() => void operatorsActions.remove(o.name)}>
              Remove {o.name}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="operator-add"
        aria-label="Add operator"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Cleared at once, so the next name can be typed while this one is saved; given back if it was refused.
          const submitted = name;
          const submittedRole = role;
          if (!submittedRole) return;
          // Add operator turns off once the fields are empty, which would drop the focus on the body: the name field
          // takes it, ready for the next person (and gets it back after a second-manager dialog this opens).
          nameField.current?.focus();
          setName('');
          setPin('');
          setRole('');
          void operatorsActions.add(submitted, pin, submittedRole).then((err) => {
            if (!err) return;
            setName((n) => n || submitted);
            setRole((r) => r || submittedRole);
          });
        }}
      >
        <Field id="operator-name" label="Operator name" error={fieldErrors.name}>
          <input
            id="operator-name"
            ref={nameField}
            placeholder="name"
            value={name}
            {...fieldErrorProps('operator-name', fieldErrors.name)}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field id="operator-pin" label="Operator PIN" hint="4 to 8 digits" error={fieldErrors.pin}>
          <input
            id="operator-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            {...fieldErrorProps('operator-pin', fieldErrors.pin)}
            onChange={(e) => setPin(e.target.value)}
          />
        </Field>
        <Field id="operator-role" label="Operator role" error={fieldErrors.role}>
          <select
            id="operator-role"
            value={role}
            {...fieldErrorProps('operator-role', fieldErrors.role)}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            <option value="" disabled>
              Choose a role…
            </option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]} — {ROLE_DUTIES[r]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={!name.trim() || !pin || !role}>
          Add operator
        </button>
      </form>
      <FormError message={error?.message} />
      <IdleLock />
      {pinFor !== null && (
        <SetPinDialog
          name={pinFor}
          onClose={() => {
            setPinFor(null);
            pinOpener.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function IdleLock() {
  const settings = useOperators((s) => s.accessSettings);
  const error = useOperators((s) => s.fieldErrors.idleLockMinutes);
  const [text, setText] = useState<string | null>(null);
  if (!settings) return null;
  const value = text ?? String(settings.idleLockMinutes);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void operatorsActions.saveIdleLock(Number(value)).then((err) => !err && setText(null));
      }}
    >
      <div className="inline">
        <label htmlFor="idle-lock-minutes">Lock the desk after this many idle minutes</label>
        <input
          id="idle-lock-minutes"
          type="number"
          min={1}
          max={240}
          step={1}
          value={value}
          {...fieldErrorProps('idle-lock-minutes', error)}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">Save idle lock</button>
      </div>
      {error && (
        <p className="field-error" id="idle-lock-minutes-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
