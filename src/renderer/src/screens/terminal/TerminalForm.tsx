import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { amountInWords } from '../../../../shared/money-words';
import { minorToDecimalString, parseAmount } from '../../../../shared/money';
import type { TerminalPrefill } from '../../../../shared/ipc/terminal-contract';
import { TERMINAL_INTENTS, type TerminalCustomer, type TerminalIntent } from '../../../../shared/terminal';
import { Field, fieldErrorProps } from '../../components/Field';
import { useReturnFocus } from '../../components/use-modal-focus';
import { FormError } from '../../components/FormError';
import { AmountInput } from '../../queue/AmountInput';
import { safeMoney } from '../../queue/money-text';
import { fieldErrorsFrom } from '../../stores/field-errors';
import { terminalActions, useTerminal } from '../../stores/terminal';
import { CallerCheck } from './CallerCheck';
import { KnownCustomerOffer } from './KnownCustomerOffer';
import {
  draftErrors,
  EMPTY_DRAFT,
  errorOnLeaving,
  fieldPath,
  inputOf,
  nextToFill,
  TERMINAL_FIELDS,
  type TerminalDraft,
} from './terminal-form';

const INTENT_LABELS: Record<TerminalIntent, string> = {
  payment: 'Payment (charge now)',
  authorization: 'Authorization (hold, capture later)',
  withdrawal: 'Withdrawal (the caller asks for a payout)',
};
const CUSTOMER_FIELDS: [keyof TerminalDraft, string, string?][] = [
  ['cid', 'Customer id (cid)'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['country', 'Country (ISO code)', 'Two letters, e.g. GB'],
  ['phone', 'Phone (optional)', 'With the country code, e.g. +44 20 7946 0000'],
  ['address', 'Address (optional)'],
  ['city', 'City (optional)'],
  ['zip', 'Postcode (optional)'],
];

/** A known customer's details as the form holds them (optional ones as empty fields). */
const customerFields = (c: TerminalCustomer) => ({
  cid: c.cid,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  country: c.country,
  phone: c.phone ?? '',
  address: c.address ?? '',
  city: c.city ?? '',
  zip: c.zip ?? '',
});

/** A form started from an item the agent came from, or empty. */
function draftFrom(p: TerminalPrefill | null): TerminalDraft {
  if (!p) return EMPTY_DRAFT;
  return {
    ...EMPTY_DRAFT,
    ...customerFields(p.customer),
    currency: p.currency,
    amount: minorToDecimalString(p.amountMinor, p.currency),
  };
}

/** The amount in words, or why it cannot be read yet. */
function echo(d: TerminalDraft): string | null {
  if (d.openAmount) return `The customer chooses the amount in ${d.currency || 'the currency'} on the payment page.`;
  const parsed = parseAmount(d.amount, d.currency.toUpperCase());
  if (!parsed.ok) return null;
  return `${safeMoney(parsed.amountMinor, d.currency.toUpperCase())} — ${amountInWords(parsed.amountMinor, d.currency.toUpperCase())}`;
}

/**
 * The review before the payment page opens: it takes the focus from "Review and open…"; going back gives it to that
 * button again, and finishing to the session that opened (`fallbacks`, the first on the page).
 */
function ReviewStep({
  fallbacks,
  summary,
  children,
}: {
  fallbacks: readonly RefObject<HTMLElement | null>[];
  summary: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useReturnFocus(ref, fallbacks);
  return (
    <div
      className="vt-confirm"
      role="group"
      aria-label="Confirm the session"
      aria-describedby="vt-confirm-summary"
      ref={ref}
      tabIndex={-1}
    >
      <p id="vt-confirm-summary">{summary}</p>
      {children}
    </div>
  );
}

/**
 * `sessionPanel`: the session this form opens, where the focus goes once it has. `focusFirstField`: the form replaces
 * a session the agent closed, so its first field (Customer id) takes the focus for the next caller.
 */
export function TerminalForm({
  sessionPanel,
  focusFirstField = false,
}: {
  sessionPanel: RefObject<HTMLElement | null>;
  focusFirstField?: boolean;
}) {
  const { recent, gateways, sending, settings } = useTerminal();
  const checks = settings?.callerCheck ?? [];
  // Ticked afresh for each review: a changed form is another conversation with the caller.
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const unchecked = checks.length - ticked.size;
  // Read in render, cleared once mounted: a render React throws away (a lazy screen still loading) must not use it up.
  const [draft, setDraft] = useState<TerminalDraft>(() => draftFrom(useTerminal.getState().prefill));
  useEffect(() => terminalActions.clearPrefill(), []);
  const [shown, setShown] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const reviewButton = useRef<HTMLButtonElement>(null);
  const formPanel = useRef<HTMLElement>(null);
  // Bumped by each refusal (review or Praxis), so the keyboard lands in the first field to fix once it is marked.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) formPanel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  const put = (patch: Partial<TerminalDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setConfirming(false);
    setTicked(new Set());
    // A field being corrected loses its mark; the next review judges it again.
    setShown((marks) => {
      const left = { ...marks };
      for (const key of Object.keys(patch) as (keyof TerminalDraft)[]) delete left[fieldPath(key)];
      return left;
    });
  };

  useEffect(() => void terminalActions.loadGateways(draft.intent), [draft.intent]);
  // "Fill the form" leaves with its offer: the keyboard goes on to what is still to type, not to the top of the screen.
  const [afterFill, setAfterFill] = useState<{ to: keyof TerminalDraft | null } | null>(null);
  useEffect(() => {
    if (!afterFill) return;
    const next = afterFill.to && formPanel.current?.querySelector<HTMLElement>(`#vt-${afterFill.to}`);
    (next || reviewButton.current)?.focus();
  }, [afterFill]);
  const fillKnown = (patch: Partial<TerminalDraft>) => {
    put(patch);
    setAfterFill({ to: nextToFill({ ...draft, ...patch }) });
  };
  // A wrong value is told as the agent leaves its field, not ~15 Tabs later at "Review and open…".
  const judge = (key: keyof TerminalDraft) => {
    const message = errorOnLeaving(draft, key);
    if (message) setShown((marks) => ({ ...marks, [fieldPath(key)]: message }));
  };

  const review = () => {
    const errors = draftErrors(draft);
    setShown(errors.fields);
    setGeneral(errors.general);
    const ok = Object.keys(errors.fields).length === 0 && errors.general === null;
    setConfirming(ok);
    setTicked(new Set());
    if (!ok) setRefusals((n) => n + 1);
  };
  const send = async () => {
    const error = await terminalActions.start(
      inputOf(
        draft,
        checks.filter((_, i) => ticked.has(i)),
      ),
    );
    setConfirming(false);
    if (!error) return;
    const placed = fieldErrorsFrom(error, TERMINAL_FIELDS);
    setShown(placed.fields);
    setGeneral(placed.general);
    setRefusals((n) => n + 1);
  };
  const pick = (cid: string) => {
    const c = recent.find((r) => r.cid === cid);
    if (!c) return;
    put({ ...customerFields(c), currency: c.lastCurrency ?? draft.currency });
  };
  const words = echo(draft);
  // Messages are keyed by the contract's path (fieldPath); each input is described by the one beside it.
  const errorOf = (key: keyof TerminalDraft) => shown[fieldPath(key)];
  const field = (key: keyof TerminalDraft, label: string, hint?: string, after?: ReactNode) => (
    <Field key={key} id={`vt-${key}`} label={label} hint={hint} error={errorOf(key)}>
      <input
        id={`vt-${key}`}
        value={String(draft[key])}
        {...fieldErrorProps(`vt-${key}`, errorOf(key))}
        autoComplete="off"
        autoFocus={focusFirstField && key === CUSTOMER_FIELDS[0]![0]}
        onChange={(e) => put({ [key]: e.target.value })}
        onBlur={() => judge(key)}
      />
      {after}
    </Field>
  );

  return (
    <section className="panel" aria-labelledby="vt-form-title" ref={formPanel}>
      <div className="panel-head">
        <h2 id="vt-form-title">New session</h2>
        <label className="vt-recent">
          <span>Recent customer</span>
          <select aria-label="Recent customer" value="" onChange={(e) => pick(e.target.value)}>
            <option value="">{recent.length ? 'Pick to fill the form…' : 'None yet'}</option>
            {recent.map((c) => (
              <option key={c.cid} value={c.cid}>
                {c.firstName} {c.lastName} · {c.cid} · {c.email}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* A form, so Enter in a field reviews as "Review and open…" (its one submit button) does; Confirm stays a button press. */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          review();
        }}
      >
        <div className="form-grid">
          {CUSTOMER_FIELDS.map(([k, label, hint]) =>
            // The offer answers the cid: drawn under it and next in the tab order, not after the Postcode.
            field(k, label, hint, k === 'cid' ? <KnownCustomerOffer draft={draft} fill={fillKnown} /> : undefined),
          )}
        </div>
        <div className="form-grid">
          <Field id="vt-intent" label="Intent" error={errorOf('intent')}>
            <select
              id="vt-intent"
              value={draft.intent}
              {...fieldErrorProps('vt-intent', errorOf('intent'))}
              onChange={(e) => put({ intent: e.target.value as TerminalIntent })}
            >
              {TERMINAL_INTENTS.map((i) => (
                <option key={i} value={i}>
                  {INTENT_LABELS[i]}
                </option>
              ))}
            </select>
          </Field>
          {field('currency', 'Currency', 'ISO 4217, e.g. EUR, JPY, KWD')}
          <Field id="vt-amount" label="Amount" error={errorOf('amount')} hint={words ?? undefined}>
            {/* The message is Field's, beside the field; AmountInput only marks the field invalid and points at it. */}
            <AmountInput
              id="vt-amount"
              label="Amount"
              value={draft.amount}
              disabled={draft.openAmount}
              showProblem={false}
              problem={errorOf('amount')}
              {...fieldErrorProps('vt-amount', errorOf('amount'))}
              onChange={(amount) => put({ amount })}
              onBlur={() => judge('amount')}
            />
          </Field>
          <Field id="vt-open-amount" label="Amount chosen by the customer">
            <label className="vt-check">
              <input
                id="vt-open-amount"
                type="checkbox"
                checked={draft.openAmount}
                onChange={(e) => put({ openAmount: e.target.checked })}
              />{' '}
              Leave the amount open
            </label>
          </Field>
          <Field id="vt-gateway" label="Payment method (optional)" error={errorOf('gateway')}>
            <select
              id="vt-gateway"
              value={draft.gateway}
              {...fieldErrorProps('vt-gateway', errorOf('gateway'))}
              onChange={(e) => put({ gateway: e.target.value })}
            >
              <option value="">Let the payment page offer every method</option>
              {gateways.map((g) => (
                <option key={g.gateway} value={g.gateway}>
                  {g.label}
                  {g.paymentMethod && g.paymentMethod !== g.label ? ` (${g.paymentMethod})` : ''}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <FormError message={general} />
        {confirming && words ? (
          <ReviewStep
            fallbacks={[reviewButton, sessionPanel]}
            summary={
              <>
                Open a <strong>{draft.intent}</strong> page for{' '}
                <strong>
                  {draft.firstName} {draft.lastName}
                </strong>{' '}
                ({draft.cid}): <strong>{words}</strong>
              </>
            }
          >
            <CallerCheck
              lines={checks}
              ticked={ticked}
              onTick={(i, on) =>
                setTicked((t) => {
                  const next = new Set(t);
                  if (on) next.add(i);
                  else next.delete(i);
                  return next;
                })
              }
            />
            <div className="form-actions">
              <button
                type="button"
                className="primary"
                disabled={sending || unchecked > 0}
                aria-describedby={unchecked > 0 ? 'vt-checks-left' : undefined}
                onClick={() => void send()}
              >
                {sending ? 'Opening…' : 'Confirm and open the payment page'}
              </button>
              {unchecked > 0 && (
                <span className="muted disabled-why" id="vt-checks-left">
                  {unchecked} caller {unchecked === 1 ? 'check' : 'checks'} not ticked yet.
                </span>
              )}
              <button type="button" onClick={() => setConfirming(false)}>
                Change something
              </button>
            </div>
          </ReviewStep>
        ) : (
          <div className="form-actions">
            <button type="submit" className="primary" disabled={sending} ref={reviewButton}>
              Review and open…
            </button>
            <span className="muted">Card details are typed into Praxis&apos;s page, never here.</span>
          </div>
        )}
      </form>
    </section>
  );
}
