import { safeMoney } from '../../queue/money-text';
import type { OutcomeWords } from '../../queue/outcome-text';
import type { PayoutRow, RiskFlagCode, RiskSeverity } from '../../../../shared/payouts';

/** Short badge text and the plain-words reason shown on hover (the detail pane has the item's own figures). */
export const FLAG_TEXT: Record<RiskFlagCode, { badge: string; label: string; reason: string }> = {
  first_withdrawal: {
    badge: '1st',
    label: 'first withdrawal',
    reason: 'First withdrawal: this customer has never asked for a payout before.',
  },
  withdrawal_ratio: {
    badge: 'ratio',
    label: 'withdrawals high vs deposits',
    reason: 'Withdrawals are high compared with approved deposits in this currency.',
  },
  unknown_destination: {
    badge: 'new dest.',
    label: 'new destination',
    reason: 'The payout destination was never used for a deposit by this customer.',
  },
  velocity: {
    badge: 'velocity',
    label: 'several requests',
    reason: 'Several withdrawal requests from this customer within the velocity window.',
  },
  verification_alert: {
    badge: 'verif.',
    label: 'verification alert',
    reason: 'Praxis raised a verification alert on this customer.',
  },
  avs_alert: { badge: 'AVS', label: 'AVS alert', reason: 'The address check failed on this customer.' },
  four_eyes: {
    badge: '4-eyes',
    label: 'four-eyes',
    reason: 'Above the four-eyes threshold: a second operator must confirm the approval.',
  },
};

const SEVERITY_RANK: Record<RiskSeverity, number> = { high: 0, warn: 1, info: 2 };

/** The row's flags with the risk card's severity (sent by the core), most severe first; ties keep the card's order. */
export function flagsMostSevereFirst(row: Pick<PayoutRow, 'flags' | 'flagSeverity'>) {
  return row.flags
    .map((code) => ({ code, severity: row.flagSeverity[code] ?? 'info' }))
    .sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity]);
}

/** A flag as a screen reader hears it (and the CSV export writes it): its label and the severity its colour shows. */
export const flagName = (f: { code: RiskFlagCode; severity: string }) => `${FLAG_TEXT[f.code].label} (${f.severity})`;

/** What a request still asks for: "EUR 184.25 left of EUR 335.00" once split parts were paid, else "EUR 335.00". */
export function remainingText(row: { amountMinor: number; remainingMinor: number; currency: string }): string {
  return row.remainingMinor === row.amountMinor
    ? safeMoney(row.amountMinor, row.currency)
    : `${safeMoney(row.remainingMinor, row.currency)} left of ${safeMoney(row.amountMinor, row.currency)}`;
}

/** "Paid EUR 184.25 to Ann Lee (tid 5012)." before the core's words. */
export const PAYOUT_WORDS: OutcomeWords = {
  moved: (money, who, tid) => `Paid ${money} to ${who} (tid ${tid}).`,
  settled: (money, who, tid) => `Rejected ${money} for ${who} (tid ${tid}).`,
  refused: (money, who, tid) => `${money} to ${who} (tid ${tid}) not sent or refused.`,
};
