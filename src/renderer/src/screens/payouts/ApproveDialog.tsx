import { useEffect, useRef, useState } from 'react';
import type { PayoutRow } from '../../../../shared/payouts';
import { payoutActions, usePayoutActions, usePayoutGateways } from '../../stores/payouts-actions';
import { DialogFrame } from '../../queue/DialogFrame';
import { GatewayPicker } from './GatewayPicker';
import { safeMoney, safeWords } from '../../queue/money-text';
import { remainingText } from './row-format';
import { RiskLine } from './RiskLine';
import { RequestLine } from './RequestLine';
import { focusLost } from '../../components/focus-lost';

/** Approve = complete-withdrawal-request through the chosen gateway: it pays what is left; echoed in words first. */
export function ApproveDialog({ row, nextTid }: { row: PayoutRow; nextTid: number | null }) {
  const gateways = usePayoutGateways((s) => s.gateways[row.tid]);
  const busy = usePayoutActions((s) => s.inFlight.has(row.tid));
  const [gateway, setGateway] = useState<string | null>(null);
  const chosen = gateway ?? gateways?.find((g) => g.isDefault)?.id ?? gateways?.[0]?.id ?? '';
  const ready = !busy && chosen !== '';
  const confirm = useRef<HTMLButtonElement>(null);
  // The button is disabled until the gateways are in; focus it the moment it can be pressed, so Enter confirms.
  useEffect(() => {
    if (ready && (focusLost() || document.activeElement?.getAttribute('role') === 'dialog')) confirm.current?.focus();
  }, [ready]);
  const why = busy
    ? 'Sending…'
    : !gateways
      ? 'Waiting for the gateways to load.'
      : !chosen
        ? 'No gateway to pay through.'
        : '';

  return (
    <DialogFrame
      title={`Approve ${safeMoney(row.remainingMinor, row.currency)}`}
      label="Approve withdrawal"
      onCancel={payoutActions.close}
      busy={busy}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) void payoutActions.approve(row.tid, chosen, nextTid);
        }}
      >
        <p className="amount-words" aria-label="Amount in words">
          {safeWords(row.remainingMinor, row.currency)}
        </p>
        {row.remainingMinor !== row.amountMinor && (
          <p aria-label="Remaining amount">{remainingText(row)}: split parts were paid already.</p>
        )}
        <RequestLine row={row} />
        <RiskLine row={row} />
        <GatewayPicker id="approve-gateway" tid={row.tid} value={chosen} onChange={setGateway} />
        {row.needsSecondApproval && (
          <p className="four-eyes-note">
            Above the four-eyes threshold: a second operator will be asked to confirm with their PIN.
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={payoutActions.close} disabled={busy}>
            Cancel
          </button>
          {why && (
            <span className="muted disabled-why" id="approve-why">
              {why}
            </span>
          )}
          <button
            ref={confirm}
            type="submit"
            className="primary"
            disabled={!ready}
            aria-describedby={why ? 'approve-why' : undefined}
          >
            {busy ? 'Sending…' : 'Approve and pay'}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
