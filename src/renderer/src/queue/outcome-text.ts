import type { WireError } from '../../../shared/errors';
import type { ActionOutcome } from '../../../shared/actions';
import { safeMoney } from './money-text';

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
  PRAXIS_REJECTED: 'Read Praxis’s reason above; fix the cause, or decide the item another way.',
  AUTH: 'Check the profile’s credentials in Settings and test the connection.',
  CLOCK_SKEW: 'Fix this computer’s clock, then send again.',
  NO_CREDENTIALS: 'Enter the merchant secret in Settings › Credentials, then send again.',
  KEYCHAIN_UNAVAILABLE: 'Unlock or start the system keychain, then send again.',
  NOT_FOUND: 'Refresh the queue; the item may have been handled elsewhere.',
  CONFLICT: 'Someone or something is acting on this item; refresh and look at its journal before acting.',
  FOUR_EYES: 'A second operator must confirm with their own PIN.',
  FORBIDDEN: 'This is not yours to do (the reason is above): ask a colleague who may.',
  STORE: 'The work store failed; check the desk log, then refresh.',
  INTERNAL: 'Check the desk log; refresh the queue before trying again.',
};

export const moneyMovedWords = (m: MoneyMoved): string =>
  m === 'yes' ? 'Money moved.' : m === 'no' ? 'No money moved.' : 'Whether money moved is not known yet.';

/** How a queue words its outcomes: "Paid EUR 184.25 to Ann Lee (tid 5012)." for payouts, "Captured …" for holds. */
export interface OutcomeWords {
  /** Done and money moved. */
  moved(money: string, who: string, tid: number): string;
  /** Done without moving money (a reject, a void). */
  settled(money: string, who: string, tid: number): string;
  /** Nothing sent, or refused. */
  refused(money: string, who: string, tid: number): string;
}

/** Whose money and how much first, then the core's words. */
function whatAndWhom(o: ActionOutcome, words: OutcomeWords): string {
  if (o.amountMinor === undefined || !o.currency) return '';
  const money = safeMoney(o.amountMinor, o.currency);
  const who = o.customer ?? 'unknown customer';
  if (o.state === 'done')
    return `${o.moneyMoved === true ? words.moved(money, who, o.tid) : words.settled(money, who, o.tid)} `;
  if (o.state === 'unknown') return `${money} for ${who} (tid ${o.tid}): outcome unknown. `;
  return `${words.refused(money, who, o.tid)} `;
}

export function describeOutcome(o: ActionOutcome, words: OutcomeWords): OutcomeText {
  const moneyMoved: MoneyMoved = o.moneyMoved === 'unknown' ? 'unknown' : o.moneyMoved ? 'yes' : 'no';
  const headline = whatAndWhom(o, words) + o.message;
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
      'Look at the item’s journal, then decide again.';
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
      next: 'Do not send again. Press “Reconcile now” on the item: the desk looks it up at Praxis and shows what happened.',
    };
  }
  return {
    tone: 'fail',
    headline: e.message,
    moneyMoved: 'no',
    next: NEXT_BY_CODE[e.code] ?? 'Refresh the queue and look at the item’s journal.',
  };
}
