import { formatMoney } from '../../shared/money';

/** One reason a withdrawal request deserves a closer look, in words an operator can act on. */
export interface RiskFlag {
  code:
    | 'first_withdrawal'
    | 'withdrawal_ratio'
    | 'unknown_destination'
    | 'velocity'
    | 'verification_alert'
    | 'avs_alert'
    | 'four_eyes';
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

/** The currency's four-eyes threshold, or null when none is set (an own property only: never `__proto__` and kin). */
export function fourEyesThresholdOf(
  currency: string,
  settings: Pick<RiskSettings, 'fourEyesThresholds'>,
): number | null {
  const key = currency.toUpperCase();
  return Object.hasOwn(settings.fourEyesThresholds, key) ? (settings.fourEyesThresholds[key] ?? null) : null;
}

/**
 * True when the amount is strictly above the currency's four-eyes threshold. Fails closed: a currency with no
 * threshold needs a second approver for any amount until a manager sets one.
 */
export function needsSecondApproval(
  amountMinor: number,
  currency: string,
  settings: Pick<RiskSettings, 'fourEyesThresholds'>,
): boolean {
  const threshold = fourEyesThresholdOf(currency, settings);
  return threshold === null || amountMinor > threshold;
}

/** Why four-eyes applies, in words: the threshold passed, or none set for the currency. */
export function fourEyesReason(currency: string, settings: Pick<RiskSettings, 'fourEyesThresholds'>): string {
  const threshold = fourEyesThresholdOf(currency, settings);
  return threshold === null
    ? `no four-eyes threshold is set for ${currency.toUpperCase()}, so every amount needs a second operator until a manager sets one`
    : `it is above the ${formatMoney(threshold, currency.toUpperCase())} four-eyes threshold`;
}

/**
 * What the rules need to know about the customer, already summed: the queue computes these set-wise in SQL
 * (one query for every row), the detail pane from the full history lists. Both reach the same flags.
 */
export interface CustomerAggregates {
  /** The customer's other withdrawal requests, any currency, cancelled ones excluded. */
  otherWithdrawalCount: number;
  /** Approved deposits in the request's currency. */
  depositedMinor: number;
  /** Other withdrawal requests in the request's currency, cancelled ones excluded. */
  otherWithdrawnMinor: number;
  /**
   * Other withdrawal requests in the busiest velocity window that holds this one, before it or after it: the first
   * request of a burst carries the flag as its last does (a queue worked oldest first meets the first one first).
   */
  burstOtherWithdrawals: number;
  /** Whether the payout destination was used for an approved deposit (true when the request names none). */
  destinationKnown: boolean;
}

export function aggregateHistory(
  request: PayoutRequestFacts,
  history: CustomerHistoryFacts,
  settings: Pick<RiskSettings, 'velocityWindowHours'>,
): CustomerAggregates {
  return {
    otherWithdrawalCount: history.withdrawals.length,
    depositedMinor: sumIn(history.deposits, request.currency),
    otherWithdrawnMinor: sumIn(history.withdrawals, request.currency),
    burstOtherWithdrawals:
      busiestWindowHolding(
        request.createdAt.getTime(),
        history.withdrawals.map((w) => w.createdAt.getTime()),
        settings.velocityWindowHours * 3_600_000,
      ) - 1,
    destinationKnown:
      request.destinationId === null || history.deposits.some((d) => d.destinationId === request.destinationId),
  };
}

/**
 * The most requests (the one at `at` included) in any window of `windowMs` that holds `at`. Such a window's last
 * request lies between `at` and `at + windowMs`, and the window ending there holds them all: the largest count of a
 * window ending at one of those. The queue's SQL (queue-rows-sql.ts) counts the same way.
 */
function busiestWindowHolding(at: number, others: number[], windowMs: number): number {
  const times = [at, ...others.filter((t) => t >= at - windowMs && t <= at + windowMs)].sort((a, b) => a - b);
  let best = 0;
  for (let end = 0, start = 0; end < times.length; end++) {
    while (times[start]! < times[end]! - windowMs) start++;
    if (times[end]! >= at) best = Math.max(best, end - start + 1);
  }
  return best;
}

export function assessRisk(
  request: PayoutRequestFacts,
  history: CustomerHistoryFacts,
  settings: RiskSettings,
): RiskFlag[] {
  return riskFromAggregates(request, aggregateHistory(request, history, settings), settings);
}

/** The rules themselves, over pre-summed facts, with full reasons (the risk card). */
export function riskFromAggregates(
  request: PayoutRequestFacts,
  agg: CustomerAggregates,
  settings: RiskSettings,
): RiskFlag[] {
  return evaluateRules(request, agg, settings).map((f) => ({ code: f.code, severity: f.severity, reason: f.reason() }));
}

/** The same rules, codes only: the queue needs no words for 100,000 rows, and formatting money is the slow part. */
export function riskCodes(
  request: PayoutRequestFacts,
  agg: CustomerAggregates,
  settings: RiskSettings,
): RiskFlag['code'][] {
  return evaluateRules(request, agg, settings).map((f) => f.code);
}

type LazyFlag = Omit<RiskFlag, 'reason'> & { reason: () => string };

function evaluateRules(request: PayoutRequestFacts, agg: CustomerAggregates, settings: RiskSettings): LazyFlag[] {
  const flags: LazyFlag[] = [];
  const cur = request.currency;
  const fmt = (m: number) => formatMoney(m, cur);

  if (agg.otherWithdrawalCount === 0) {
    flags.push({
      code: 'first_withdrawal',
      severity: 'info',
      reason: () => 'First withdrawal: this customer has never asked for a payout before.',
    });
  }

  const deposited = agg.depositedMinor;
  const withdrawn = agg.otherWithdrawnMinor + request.amountMinor;
  if (deposited === 0) {
    flags.push({
      code: 'withdrawal_ratio',
      severity: 'high',
      reason: () => `No approved ${cur} deposits on record, yet ${fmt(withdrawn)} is being withdrawn in ${cur}.`,
    });
  } else if (withdrawn * 100 > deposited * settings.withdrawalRatioPercent) {
    flags.push({
      code: 'withdrawal_ratio',
      severity: 'warn',
      reason: () =>
        `Withdrawals are ${(withdrawn / deposited).toFixed(1)}× deposits in ${cur} (${fmt(withdrawn)} out, ${fmt(deposited)} in); the limit is ${(settings.withdrawalRatioPercent / 100).toFixed(1)}×.`,
    });
  }

  if (!agg.destinationKnown && request.destinationId !== null) {
    flags.push({
      code: 'unknown_destination',
      severity: 'high',
      reason: () =>
        `Payout destination ${request.destinationLabel ?? request.destinationId} was never used for a deposit by this customer.`,
    });
  }

  const burst = agg.burstOtherWithdrawals + 1;
  if (burst >= settings.velocityCount) {
    flags.push({
      code: 'velocity',
      severity: 'warn',
      reason: () => `${burst} withdrawal requests within ${settings.velocityWindowHours} h.`,
    });
  }

  if (request.verificationAlert === 1)
    flags.push({
      code: 'verification_alert',
      severity: 'high',
      reason: () => 'Praxis raised a fraud alert on this customer (verification_alert = 1).',
    });
  if (request.verificationAlert === -1)
    flags.push({
      code: 'verification_alert',
      severity: 'warn',
      reason: () => 'Praxis asks for a merchant review of this customer (verification_alert = -1).',
    });
  if (request.avsAlert === 1)
    flags.push({
      code: 'avs_alert',
      severity: 'warn',
      reason: () => 'The address check failed on this customer (avs_alert = 1).',
    });

  if (needsSecondApproval(request.amountMinor, cur, settings)) {
    const why = fourEyesReason(cur, settings);
    flags.push({
      code: 'four_eyes',
      severity: 'info',
      reason: () => `${why.charAt(0).toUpperCase()}${why.slice(1)}: a second operator must confirm the approval.`,
    });
  }
  return flags;
}
