import { useMemo, useState } from 'react';
import type { PayoutRow } from '../../../../shared/payouts';
import { currencyExponent, parseAmount } from '../../../../shared/money';
import { payoutActions, usePayoutActions, usePayoutGateways } from '../../stores/payouts-actions';
import { AmountInput } from '../../queue/AmountInput';
import { DialogFrame } from '../../queue/DialogFrame';
import { GatewayPicker } from './GatewayPicker';
import { safeMoney, safeWords } from '../../queue/money-text';
import { remainingText } from './row-format';
import { RequestLine } from './RequestLine';
import { RiskLine } from './RiskLine';
import { planSplit, type SplitPartDraft, type SplitPlan } from './split-plan';

const MAX_PARTS = 20;

/** Why Send is disabled, in one line beside it. */
function sendBlockedWhy(plan: SplitPlan): string {
  if (plan.planError) return plan.planError.split('. ')[0] + '.';
  const at = plan.partErrors.findIndex((e) => e !== null);
  return at >= 0 ? `Part ${at + 1}: ${plan.partErrors[at]}` : 'Add a part.';
}

/** Split = split-withdrawal-request: parts with exact amounts and a gateway each; what is left stays as the request. */
export function SplitDialog({ row, nextTid }: { row: PayoutRow; nextTid: number | null }) {
  const gateways = usePayoutGateways((s) => s.gateways[row.tid]);
  const busy = usePayoutActions((s) => s.inFlight.has(row.tid));
  const defaultGateway = gateways?.find((g) => g.isDefault)?.id ?? gateways?.[0]?.id ?? '';
  const [drafts, setDrafts] = useState<SplitPartDraft[]>([{ amountText: '', gateway: '' }]);
  // A part with no gateway chosen yet uses the request's own gateway.
  const effective = useMemo(
    () => drafts.map((d) => ({ ...d, gateway: d.gateway || defaultGateway })),
    [drafts, defaultGateway],
  );
  const plan = useMemo(
    () => planSplit(row.remainingMinor, row.currency, effective),
    [row.remainingMinor, row.currency, effective],
  );
  const problemShown = Boolean(plan.planError && drafts.some((d) => d.amountText));
  const exp = currencyExponent(row.currency);
  const example = exp ? `e.g. 100.${'0'.repeat(exp)}` : 'e.g. 100';

  const update = (i: number, patch: Partial<SplitPartDraft>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <DialogFrame
      title={`Split ${remainingText(row)} for ${row.customerName ?? row.cid ?? row.tid}`}
      label="Split withdrawal"
      onCancel={payoutActions.close}
      busy={busy}
      wide
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (plan.parts) void payoutActions.split(row.tid, plan.parts, plan.remainderMinor === 0 ? nextTid : null);
        }}
        onKeyDown={(e) => {
          // The parts are typed one after another: Enter in a field must not pay out the first alone.
          if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
          e.preventDefault();
          if (e.ctrlKey || e.metaKey) e.currentTarget.requestSubmit();
        }}
      >
        <RequestLine row={row} />
        <RiskLine row={row} />
        <table className="grid split-table" aria-label="Split parts">
          <thead>
            <tr>
              <th>Part</th>
              <th>Amount ({row.currency})</th>
              <th>Gateway</th>
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {effective.map((d, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <AmountInput
                    id={`split-part-${i + 1}`}
                    label={`Part ${i + 1} amount`}
                    placeholder={example}
                    value={d.amountText}
                    problem={d.amountText ? plan.partErrors[i] : null}
                    autoFocus={i === drafts.length - 1}
                    onChange={(amountText) => update(i, { amountText })}
                  />
                </td>
                <td>
                  <GatewayPicker
                    id={`split-gateway-${i}`}
                    label={`Part ${i + 1} gateway`}
                    tid={row.tid}
                    value={d.gateway}
                    onChange={(g) => update(i, { gateway: g })}
                  />
                </td>
                <td>
                  {drafts.length > 1 && (
                    <button
                      type="button"
                      aria-label={`Remove part ${i + 1}`}
                      onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
            <tr className={plan.remainderMinor < 0 ? 'remaining over' : 'remaining'}>
              <td colSpan={4}>
                <span aria-label="Remaining request">
                  Remaining request after the parts:{' '}
                  <strong className="mono">
                    {plan.remainderMinor < 0
                      ? `${safeMoney(-plan.remainderMinor, row.currency)} over`
                      : safeMoney(plan.remainderMinor, row.currency)}
                  </strong>
                </span>{' '}
                <span className="muted">
                  (parts {safeMoney(plan.allocatedMinor, row.currency)} of {safeMoney(row.remainingMinor, row.currency)}
                  )
                </span>
              </td>
            </tr>
          </tbody>
        </table>
        <PartsInWords drafts={drafts} currency={row.currency} remainderMinor={plan.remainderMinor} />
        {problemShown && (
          <p className="form-error" role="alert" id="split-problem">
            {plan.planError}
          </p>
        )}
        <p className="muted key-hint">
          <kbd>Ctrl Enter</kbd> sends the parts
        </p>
        <div className="dialog-actions">
          <button
            type="button"
            disabled={drafts.length >= MAX_PARTS || busy}
            onClick={() => setDrafts((ds) => [...ds, { amountText: '', gateway: '' }])}
          >
            Add part
          </button>
          <span className="spacer" />
          <button type="button" onClick={payoutActions.close} disabled={busy}>
            Cancel
          </button>
          {!busy && !plan.parts && !problemShown && (
            <span className="muted disabled-why" id="split-why">
              {sendBlockedWhy(plan)}
            </span>
          )}
          <button
            type="submit"
            className="primary"
            disabled={busy || !plan.parts}
            // The problem said above is the reason: not said a second time beside the button.
            aria-describedby={!busy && !plan.parts ? (problemShown ? 'split-problem' : 'split-why') : undefined}
          >
            {busy ? 'Sending…' : `Send ${drafts.length} part${drafts.length === 1 ? '' : 's'}`}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}

/**
 * Each amount typed, read out in words as the approval echoes its one amount: 1200 typed for 120.00 shows at once
 * ("one thousand two hundred euros"). The remainder too, once the parts leave one.
 */
function PartsInWords({
  drafts,
  currency,
  remainderMinor,
}: {
  drafts: readonly SplitPartDraft[];
  currency: string;
  remainderMinor: number;
}) {
  const lines = drafts.flatMap((d, i) => {
    const p = d.amountText.trim() ? parseAmount(d.amountText, currency) : null;
    return p?.ok && p.amountMinor > 0 ? [`Part ${i + 1}: ${safeWords(p.amountMinor, currency)}`] : [];
  });
  if (lines.length === 0) return null;
  if (remainderMinor > 0) lines.push(`Left as the request: ${safeWords(remainderMinor, currency)}`);
  return (
    <ul className="amount-words split-words" aria-label="Amounts in words">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
