import { useState } from 'react';
import { DialogFrame } from '../queue/DialogFrame';
import { useSecondManager } from '../stores/second-manager';

/** Asks a second manager to confirm a change that weakens four-eyes, with their own name and PIN. */
export function SecondManagerDialog() {
  const asking = useSecondManager((s) => s.asking);
  const [operator, setOperator] = useState('');
  const [pin, setPin] = useState('');
  if (!asking) return null;
  return (
    <DialogFrame
      title="A second manager must confirm"
      label="Second manager confirmation"
      onCancel={() => asking.answer(null)}
    >
      <p className="four-eyes-note">{asking.message}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          asking.answer({ operator: operator.trim(), pin });
          setPin('');
        }}
      >
        <label className="field" htmlFor="second-manager-name">
          <span>Second manager</span>
          <input id="second-manager-name" value={operator} onChange={(e) => setOperator(e.target.value)} autoFocus />
        </label>
        <label className="field" htmlFor="second-manager-pin">
          <span>Their PIN</span>
          <input
            id="second-manager-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            maxLength={8}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => asking.answer(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!operator.trim() || pin.length < 4}>
            Confirm the change
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
