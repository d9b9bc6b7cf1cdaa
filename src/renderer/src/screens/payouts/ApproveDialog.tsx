import { useState } from 'react';
import { amountInWords } from '../../../../shared/money-words';
import type { PayoutRow } from '../../../../shared/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { DialogFrame } from './DialogFrame';
import { GatewayPicker } from './GatewayPicker';
import { safeMoney } from './row-format';

const inWords = (row: PayoutRow) => {
  try {
    return amountInWords(row.amountMinor, row.currency);
  } catch {
    return `${row.amountMinor} minor units of ${row.currency}`;
  }
};

/** Approve = complete-withdrawal-request through the chosen gateway; the amount is echoed in words first. */
export function ApproveDialog({ row, nextTid }: { row: PayoutRow; nextTid: number | null }) {
  const gateways = usePayoutActions((s) => s.gateways[row.tid]);
  const busy = usePayoutActions((s) => s.inFlight.has(row.tid));
  const [gateway, setGateway] = useState<string | null>(null);
  const chosen = gateway ?? gateways?.find((g) => g.isDefault)?.id ?? gateways?.[0]?.id ?? '';

  return (
    <DialogFrame
      title={`Approve ${safeMoney(row.amountMinor, row.currency)}`}
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
          {inWords(row)}
        </p>
        <p>
          to {row.customerName ?? row.cid ?? 'unknown customer'} <span className="muted">({row.cid ?? 'no cid'})</span>{' '}
          · {row.paymentMethod ?? 'method unknown'} <span className="mono">{row.destination ?? ''}</span>
        </p>
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
          <button type="submit" className="primary" disabled={busy || !chosen} autoFocus>
            {busy ? 'Sending…' : 'Approve and pay'}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
