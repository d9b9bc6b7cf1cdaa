import { useEffect, useState } from 'react';
import { payoutActions, usePayoutActions, type FourEyesRetry } from '../../stores/payouts-actions';
import { selectActingOperator, useAccess } from '../../stores/access';
import { operatorsActions, useOperators } from '../../stores/operators';
import { DialogFrame } from '../../queue/DialogFrame';
import { FormError } from '../../components/FormError';

/** The core refused a one-person approval: a different operator confirms with their own PIN (checked by the core). */
export function FourEyesDialog({
  retry,
  message,
  refusal,
}: {
  retry: FourEyesRetry;
  message: string;
  /** Why the last confirmation was refused, said under the explanation. */
  refusal?: string;
}) {
  const me = useAccess(selectActingOperator);
  // Once the desk has managers, a second approval is a manager's (the core checks it the same way).
  const anyRole = useAccess((s) => s.access?.mode === 'sandbox');
  const operators = useOperators((s) => s.operators).filter((o) => o.name !== me && (anyRole || o.role === 'manager'));
  useEffect(() => void operatorsActions.load(), []);
  const busy = usePayoutActions((s) => (retry.kind === 'bulk' ? s.bulkRunning : s.inFlight.has(retry.tid)));
  const [operator, setOperator] = useState('');
  const [pin, setPin] = useState('');
  const chosen = operator || operators[0]?.name || '';
  const pinOk = /^\d{4,8}$/.test(pin);

  return (
    <DialogFrame
      title="A second operator must confirm"
      label="Four-eyes confirmation"
      onCancel={payoutActions.close}
      busy={busy}
    >
      <p className="four-eyes-note">{message}</p>
      <FormError message={refusal} />
      {operators.length === 0 ? (
        <p className="form-error" role="alert">
          No other operator is set up on this desk. A manager adds operators with their PIN in Settings › Operators;
          until then this approval cannot be sent.
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen && pinOk) void payoutActions.confirmFourEyes(retry, { operator: chosen, pin });
            setPin('');
          }}
        >
          <label className="gateway-picker" htmlFor="four-eyes-operator">
            <span>Second operator</span>
            <select id="four-eyes-operator" value={chosen} onChange={(e) => setOperator(e.target.value)}>
              {operators.map((o) => (
                <option key={o.name}>{o.name}</option>
              ))}
            </select>
          </label>
          <label className="gateway-picker" htmlFor="four-eyes-pin">
            <span>Their PIN</span>
            <input
              id="four-eyes-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
            />
          </label>
          {pin && !pinOk && <p className="field-error">The PIN is 4 to 8 digits.</p>}
          <div className="dialog-actions">
            <button type="button" onClick={payoutActions.close} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || !pinOk}>
              {busy ? 'Sending…' : 'Confirm and approve'}
            </button>
          </div>
        </form>
      )}
    </DialogFrame>
  );
}
