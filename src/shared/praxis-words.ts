/**
 * Praxis's status words and answer codes as the desk says them to a person, with Praxis's own term kept beside them
 * so it can still be matched against Praxis's back office.
 */

/**
 * A withdrawal request whose payouts carry it: Praxis sets these on the request itself whether it was approved whole
 * or split ([L-mwr] mode 2, [L-flow]: "fully handled via related payouts"); "split" read as "split in parts" misleads.
 */
const PAID_BY_PAYOUTS = ['split', 'payment', 'split_payout'];

/**
 * What an item is, where Praxis's word means something else for it: a hold's `approved` is its capture, a customer's
 * payment or hold `rejected` was declined (the Terminal's word); a withdrawal request `rejected` was the merchant's no.
 */
export type StatusOf = 'hold' | 'payment' | 'other';

// A hold Praxis cancelled was released: by a void, or by its expiry; no money was taken either way.
const WORDS_OF: Record<StatusOf, Record<string, string>> = {
  hold: { approved: 'captured', cancelled: 'released', canceled: 'released', rejected: 'declined' },
  payment: { rejected: 'declined' },
  other: {},
};

/** An item's status as the desk says it, and Praxis's own word where that differs ("paid out", "split"). */
export function statusWords(status: string, of: StatusOf = 'other'): { word: string; praxisWord: string | null } {
  if (PAID_BY_PAYOUTS.includes(status)) return { word: 'paid out', praxisWord: status };
  const word = WORDS_OF[of][status];
  return word ? { word, praxisWord: status } : { word: status, praxisWord: null };
}

/** The same on one line: "paid out (Praxis: split)", else Praxis's word as it is. */
export function statusText(status: string, of: StatusOf = 'other'): string {
  const { word, praxisWord } = statusWords(status, of);
  return praxisWord ? `${word} (Praxis: ${praxisWord})` : word;
}

/** The `status` of a Praxis answer (§3: 0 success, negative an error on Praxis's side, positive a refusal). */
export function answerWords(status: number): string {
  if (status === 0) return 'Praxis answered OK (status 0)';
  return status < 0 ? `Praxis failed on its side (status ${status})` : `Praxis refused (status ${status})`;
}
