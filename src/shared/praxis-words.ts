/**
 * Praxis's status words and answer codes as the desk says them to a person, with Praxis's own term kept beside them
 * so it can still be matched against Praxis's back office.
 */

/**
 * A withdrawal request whose payouts carry it: Praxis sets these on the request itself whether it was approved whole
 * or split ([L-mwr] mode 2, [L-flow]); "split" read as "split in parts" misleads.
 */
const HANDLED_BY_PAYOUTS = ['split', 'payment', 'split_payout'];

/** An item's status as the desk says it, and Praxis's own word where that differs ("handled", "split"). */
export function statusWords(status: string): { word: string; praxisWord: string | null } {
  return HANDLED_BY_PAYOUTS.includes(status)
    ? { word: 'handled', praxisWord: status }
    : { word: status, praxisWord: null };
}

/** The same on one line: "handled (Praxis: split)", else Praxis's word as it is. */
export function statusText(status: string): string {
  const { word, praxisWord } = statusWords(status);
  return praxisWord ? `${word} (Praxis: ${praxisWord})` : word;
}

/** The `status` of a Praxis answer (§3: 0 success, negative an error on Praxis's side, positive a refusal). */
export function answerWords(status: number): string {
  if (status === 0) return 'Praxis answered OK (status 0)';
  return status < 0 ? `Praxis failed on its side (status ${status})` : `Praxis refused (status ${status})`;
}
