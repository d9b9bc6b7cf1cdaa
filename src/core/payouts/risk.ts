import { formatMoney } from '../../shared/money';

/** One reason a withdrawal request deserves a closer look, in words an operator can act on. */
export interface RiskFlag {
  code: 'first_withdrawal' | 'withdrawal_ratio' | 'unknown_destination' | 'velocity' | 'verification_alert' | 'avs_alert' | 'four_eyes';
  severity: 'info' | 'warn' | 'high';
  reason: string;
}

export interface PayoutRequestFacts {
  tid: number;
  amountMinor: number;
  currency: string;
  createdAt: Date;
  /** Card token / masked card number / wallet account the payout would go to; null when Praxis did not say. */
  destinationId: string | null;
  destinationLabel: string | null;
  verificationAlert: number | null;
  avsAlert: number | null;
}

export interface CustomerHistoryFacts {
  /** Approved deposits of the customer. */
  deposits: { amountMinor: number; currency: string; destinationId: string | null }[];
  /** The customer's other withdrawal requests and payouts, not counting this one; cancelled ones excluded. */
  withdrawals: { tid: number; amountMinor: number; currency: string; createdAt: Date }[];
}

export interface RiskSettings {
  /** Flag when withdrawals (this one included) exceed this percentage of deposits in the same currency. */
  withdrawalRatioPercent: number;
  velocityCount: number;
  velocityWindowHours: number;
  /** Per-currency amount (minor units) above which an approval needs a second operator. */
  fourEyesThresholds: Record<string, number>;
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  withdrawalRatioPercent: 150,
  velocityCount: 3,
  velocityWindowHours: 24,
  fourEyesThresholds: { EUR: 500_000, USD: 500_000, GBP: 400_000, JPY: 750_000, KWD: 1_500_000, BHD: 1_900_000 },
};

const sumIn = (rows: { amountMinor: number; currency: string }[], currency: string) =>
  rows.reduce((s, r) => (r.currency === currency ? s + r.amountMinor : s), 0);

/** True when the amount is strictly above the currency's four-eyes threshold; currencies without one never need it. */
export function needsSecondApproval(amountMinor: number, currency: string, settings: Pick<RiskSettings, 'fourEyesThresholds'>): boolean {
  const threshold = settings.fourEyesThresholds[currency.toUpperCase()];
  return threshold !== undefined && amountMinor > threshold;
}

export function assessRisk(request: PayoutRequestFacts, history: CustomerHistoryFacts, settings: RiskSettings): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const cur = request.currency;
  const fmt = (m: number) => formatMoney(m, cur);

  if (history.withdrawals.length === 0) {
    flags.push({ code: 'first_withdrawal', severity: 'info', reason: 'First withdrawal: this customer has never asked for a payout before.' });
  }

  const deposited = sumIn(history.deposits, cur);
  const withdrawn = sumIn(history.withdrawals, cur) + request.amountMinor;
  if (deposited === 0) {
    flags.push({ code: 'withdrawal_ratio', severity: 'high', reason: `No approved ${cur} deposits on record, yet ${fmt(withdrawn)} is being withdrawn in ${cur}.` });
  } else if (withdrawn * 100 > deposited * settings.withdrawalRatioPercent) {
    const ratio = (withdrawn / deposited).toFixed(1);
    flags.push({
      code: 'withdrawal_ratio',
      severity: 'warn',
      reason: `Withdrawals are ${ratio}× deposits in ${cur} (${fmt(withdrawn)} out, ${fmt(deposited)} in); the limit is ${(settings.withdrawalRatioPercent / 100).toFixed(1)}×.`,
    });
  }

  if (request.destinationId !== null && !history.deposits.some((d) => d.destinationId === request.destinationId)) {
    flags.push({
      code: 'unknown_destination',
      severity: 'high',
      reason: `Payout destination ${request.destinationLabel ?? request.destinationId} was never used for a deposit by this customer.`,
    });
  }

  const windowStart = request.createdAt.getTime() - settings.velocityWindowHours * 3_600_000;
  const recent = history.withdrawals.filter((w) => w.createdAt.getTime() >= windowStart && w.createdAt.getTime() <= request.createdAt.getTime()).length + 1;
  if (recent >= settings.velocityCount) {
    flags.push({ code: 'velocity', severity: 'warn', reason: `${recent} withdrawal requests within ${settings.velocityWindowHours} h.` });
  }

  if (request.verificationAlert === 1) flags.push({ code: 'verification_alert', severity: 'high', reason: 'Praxis raised a fraud alert on this customer (verification_alert = 1).' });
  if (request.verificationAlert === -1) flags.push({ code: 'verification_alert', severity: 'warn', reason: 'Praxis asks for a merchant review of this customer (verification_alert = -1).' });
  if (request.avsAlert === 1) flags.push({ code: 'avs_alert', severity: 'warn', reason: 'The address check failed on this customer (avs_alert = 1).' });

  if (needsSecondApproval(request.amountMinor, cur, settings)) {
    const threshold = settings.fourEyesThresholds[cur.toUpperCase()] as number;
    flags.push({ code: 'four_eyes', severity: 'info', reason: `Above the ${fmt(threshold)} four-eyes threshold: a second operator must confirm the approval.` });
  }
  return flags;
}
