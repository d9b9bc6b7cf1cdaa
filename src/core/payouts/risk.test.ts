import { describe, expect, it } from 'vitest';
import {
  assessRisk,
  DEFAULT_RISK_SETTINGS,
  needsSecondApproval,
  type CustomerHistoryFacts,
  type PayoutRequestFacts,
} from './risk';

const now = new Date('2026-11-24T12:00:00Z');
const request = (over: Partial<PayoutRequestFacts> = {}): PayoutRequestFacts => ({
  tid: 900,
  amountMinor: 10_000,
  currency: 'EUR',
  createdAt: now,
  destinationId: 'card-A',
  destinationLabel: '411111******1111',
  verificationAlert: 0,
  avsAlert: 0,
  ...over,
});
const cleanHistory: CustomerHistoryFacts = {
  deposits: [{ amountMinor: 50_000, currency: 'EUR', destinationId: 'card-A' }],
  withdrawals: [{ tid: 1, amountMinor: 5_000, currency: 'EUR', createdAt: new Date('2026-10-01T00:00:00Z') }],
};
const codes = (r: PayoutRequestFacts, h: CustomerHistoryFacts) =>
  assessRisk(r, h, DEFAULT_RISK_SETTINGS).map((f) => f.code);

describe('payout risk card', () => {
  it('a regular customer paid back to their own card raises nothing', () => {
    expect(codes(request(), cleanHistory)).toEqual([]);
  });

  it('names each reason in words', () => {
    const flags = assessRisk(
      request({
        amountMinor: 900_000,
        destinationId: 'card-Z',
        destinationLabel: '555555******4444',
        verificationAlert: 1,
        avsAlert: 1,
      }),
      { deposits: cleanHistory.deposits, withdrawals: [] },
      DEFAULT_RISK_SETTINGS,
    );
    expect(flags.map((f) => f.code)).toEqual([
      'first_withdrawal',
      'withdrawal_ratio',
      'unknown_destination',
      'verification_alert',
      'avs_alert',
      'four_eyes',
    ]);
    expect(flags.find((f) => f.code === 'withdrawal_ratio')?.reason).toBe(
      'Withdrawals are 18.0× deposits in EUR (EUR 9,000.00 out, EUR 500.00 in); the limit is 1.5×.',
    );
    expect(flags.find((f) => f.code === 'unknown_destination')?.reason).toContain('555555******4444');
  });

  it('counts requests within 24 hours, this one included', () => {
    const recent = (h: number) => ({
      tid: h,
      amountMinor: 100,
      currency: 'EUR',
      createdAt: new Date(now.getTime() - h * 3_600_000),
    });
    expect(codes(request(), { ...cleanHistory, withdrawals: [recent(2), recent(30)] })).not.toContain('velocity');
    expect(codes(request(), { ...cleanHistory, withdrawals: [recent(2), recent(20)] })).toContain('velocity');
  });

  it('flags every request of a burst, the earliest too: the busiest window of 24 hours that holds it counts', () => {
    const at = (h: number) => ({
      tid: 1_000 + h,
      amountMinor: 100,
      currency: 'EUR',
      createdAt: new Date(now.getTime() + h * 3_600_000),
    });
    const velocity = (withdrawals: ReturnType<typeof at>[]) =>
      assessRisk(request(), { ...cleanHistory, withdrawals }, DEFAULT_RISK_SETTINGS).find((f) => f.code === 'velocity');
    // This request came first; two more followed within the day.
    expect(velocity([at(3), at(20)])?.reason).toBe('3 withdrawal requests within 24 h.');
    // One before and one after, 40 h apart: no single day holds three.
    expect(velocity([at(-20), at(20)])).toBeUndefined();
    // Four in the busiest day holding it: the count is that window's.
    expect(velocity([at(-30), at(-5), at(1), at(18)])?.reason).toBe('4 withdrawal requests within 24 h.');
  });

  it('compares deposits only in the same currency', () => {
    const flags = assessRisk(request({ currency: 'JPY', amountMinor: 5000 }), cleanHistory, DEFAULT_RISK_SETTINGS);
    expect(flags.find((f) => f.code === 'withdrawal_ratio')?.reason).toBe(
      'No approved JPY deposits on record, yet JPY 5,000 is being withdrawn in JPY.',
    );
  });

  it('four-eyes applies strictly above the per-currency threshold, and to any amount where none is set', () => {
    expect(needsSecondApproval(500_000, 'EUR', DEFAULT_RISK_SETTINGS)).toBe(false);
    expect(needsSecondApproval(500_001, 'eur', DEFAULT_RISK_SETTINGS)).toBe(true);
    expect(needsSecondApproval(1, 'CHF', DEFAULT_RISK_SETTINGS)).toBe(true);
    // Only own keys count: an inherited name is no threshold.
    expect(needsSecondApproval(1, 'constructor', DEFAULT_RISK_SETTINGS)).toBe(true);
  });
});
