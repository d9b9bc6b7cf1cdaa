import type { WireError } from '../../../../shared/errors';
import type { ActionOutcome } from '../../../../shared/payouts';
import { safeMoney } from './row-format';

export type MoneyMoved = 'yes' | 'no' | 'unknown';

export interface OutcomeText {
  tone: 'ok' | 'fail' | 'unknown';
  /** What happened, in the core's words. */
  headline: string;
  moneyMoved: MoneyMoved;
  /** What the operator should do now. */
  next: string;
}

/** Errors where the send may have reached Praxis: the outcome must be reconciled, never retried blindly. */
const MAYBE_SENT = new Set(['TIMEOUT', 'NETWORK', 'UNVERIFIED_RESPONSE', 'OUTCOME_UNKNOWN']);

const NEXT_BY_CODE: Partial<Record<WireError['code'], string>> = {
  VALIDATION: 'Correct the input and send again.',
  PRAXIS_REJECTED: 'Read Praxis’s reason above; fix the cause (for example another gateway) or reject the request.',
  AUTH: 'Check the profile’s credentials in Settings and test the connection.',
  CLOCK_SKEW: 'Fix this computer’s clock, then send again.',
  NO_CREDENTIALS: 'Enter the merchant secret in Settings › Credentials, then send again.',
  KEYCHAIN_UNAVAILABLE: 'Unlock or start the system keychain, then send again.',
  NOT_FOUND: 'Refresh the queue; the request may have been handled elsewhere.',
  CONFLICT: 'Someone or something is acting on this request; refresh and look at its journal before acting.',
  FOUR_EYES: 'A second operator must confirm with their own PIN.',
  STORE: 'The work store failed; check the desk log, then refresh.',
  INTERNAL: 'Check the desk log; refresh the queue before trying again.',
};

export const moneyMovedWords = (m: MoneyMoved): string =>
  m === 'yes' ? 'Money moved.' : m === 'no' ? 'No money moved.' : 'Whether money moved is not known yet.';

/** "Paid EUR 184.25 to Ann Lee (tid 5012)." first, then the core's words: whose money and how much, before how. */
function whatAndWhom(o: ActionOutcome): string {
  if (o.amountMinor === undefined || !o.currency) return '';
  const money = safeMoney(o.amountMinor, o.currency);
  const who = o.customer ?? 'unknown customer';
  if (o.state === 'done')
    return o.moneyMoved === true
      ? `Paid ${money} to ${who} (tid ${o.tid}). `
      : `Rejected ${money} for ${who} (tid ${o.tid}). `;
  if (o.state === 'unknown') return `${money} to ${who} (tid ${o.tid}): outcome unknown. `;
  return `${money} to ${who} (tid ${o.tid}) not sent or refused. `;
}

export function describeOutcome(o: ActionOutcome): OutcomeText {
  const moneyMoved: MoneyMoved = o.moneyMoved === 'unknown' ? 'unknown' : o.moneyMoved ? 'yes' : 'no';
  const headline = whatAndWhom(o) + o.message;
  if (o.state === 'unknown') {
    return {
      tone: 'unknown',
      headline,
      moneyMoved: 'unknown',
      next: 'Press “Reconcile now”: the desk asks Praxis what happened before anyone may act again.',
    };
  }
  if (o.state === 'failed') {
    const next =
      (o.errorCode && NEXT_BY_CODE[o.errorCode as WireError['code']]) ??
      'Look at the request’s journal, then decide again.';
    return { tone: 'fail', headline, moneyMoved, next };
  }
  return { tone: 'ok', headline, moneyMoved, next: 'Nothing to do; the queue is up to date.' };
}

export function describeError(e: WireError): OutcomeText {
  const mayHaveMoved = MAYBE_SENT.has(e.code) || e.details?.moneyMayHaveMoved === true;
  if (mayHaveMoved) {
    return {
      tone: 'unknown',
      headline: e.message,
      moneyMoved: 'unknown',
      next: 'Do not send again. Press “Reconcile now” on the request: the desk looks it up at Praxis and shows what happened.',
    };
  }
  return {
    tone: 'fail',
    headline: e.message,
    moneyMoved: 'no',
    next: NEXT_BY_CODE[e.code] ?? 'Refresh the queue and look at the request’s journal.',
  };
}
