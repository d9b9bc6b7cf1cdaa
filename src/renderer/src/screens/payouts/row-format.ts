import { formatMoney } from '../../../../shared/money';
import type { RiskFlagCode } from '../../../../shared/payouts';

/** Short badge text and the plain-words reason shown on hover (the detail pane has the item's own figures). */
export const FLAG_TEXT: Record<RiskFlagCode, { badge: string; reason: string }> = {
  first_withdrawal: { badge: '1st', reason: 'First withdrawal: this customer has never asked for a payout before.' },
  withdrawal_ratio: {
    badge: 'ratio',
    reason: 'Withdrawals are high compared with approved deposits in this currency.',
  },
  unknown_destination: {
    badge: 'new dest.',
    reason: 'The payout destination was never used for a deposit by this customer.',
  },
  velocity: { badge: 'velocity', reason: 'Several withdrawal requests from this customer within the velocity window.' },
  verification_alert: { badge: 'verif.', reason: 'Praxis raised a verification alert on this customer.' },
  avs_alert: { badge: 'AVS', reason: 'The address check failed on this customer.' },
  four_eyes: { badge: '4-eyes', reason: 'Above the four-eyes threshold: a second operator must confirm the approval.' },
};

export const FLAG_SEVERITY: Record<RiskFlagCode, 'info' | 'warn' | 'high'> = {
  first_withdrawal: 'info',
  withdrawal_ratio: 'high',
  unknown_destination: 'warn',
  velocity: 'warn',
  verification_alert: 'high',
  avs_alert: 'warn',
  four_eyes: 'info',
};

/** "4 m", "2 h 05 m", "3 d 4 h": short enough for a narrow column, exact enough for an SLA. */
export function formatAge(minutes: number): string {
  if (minutes < 60) return `${minutes} m`;
  const h = Math.floor(minutes / 60);
  if (h < 24) return `${h} h ${String(minutes % 60).padStart(2, '0')} m`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Formats money, or says plainly that the currency is unknown instead of failing the whole table. */
export function safeMoney(amountMinor: number, currency: string): string {
  try {
    return formatMoney(amountMinor, currency);
  } catch {
    return `${amountMinor} minor units of unknown currency ${currency}`;
  }
}

export const STATUS_LABEL: Record<string, string> = { unknown: 'OUTCOME UNKNOWN', sending: 'sending…' };
