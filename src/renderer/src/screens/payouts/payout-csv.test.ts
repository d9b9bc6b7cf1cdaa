import { describe, expect, it } from 'vitest';
import type { PayoutRow } from '../../../../shared/payouts';
import { queueCsv } from '../../queue/queue-csv';
import { payoutCsvColumns } from './payout-csv';

const row = (over: Partial<PayoutRow>): PayoutRow => ({
  tid: 1,
  cid: 'c-1',
  customerName: 'Ann',
  country: 'NL',
  amountMinor: 33_500,
  remainingMinor: 18_425,
  currency: 'EUR',
  paymentMethod: 'Credit Card',
  destination: '411111******1111',
  gateway: 'gw',
  status: 'requested',
  createdAt: '2026-12-06T08:00:00.000Z',
  journalState: null,
  claimedBy: null,
  flags: ['withdrawal_ratio', 'first_withdrawal'],
  flagSeverity: { withdrawal_ratio: 'warn', first_withdrawal: 'high' },
  needsSecondApproval: true,
  ...over,
});

describe('the payout queue as CSV', () => {
  const now = Date.parse('2026-12-06T09:30:00.000Z');
  const csv = (rows: PayoutRow[]) =>
    queueCsv(payoutCsvColumns(now, { slaWarnMinutes: 60, slaLateMinutes: 120 }), rows).split('\r\n');

  it('writes what is left to pay after split parts, age and SLA, and the flags most severe first', () => {
    const [header, line] = csv([row({})]);
    expect(header).toBe(
      'tid,created_at_utc,age_minutes,sla,cid,customer_name,country,amount,left_to_pay,currency,payment_method,destination,gateway,status,risk_flags,needs_second_approval,claimed_by',
    );
    expect(line).toMatch(/^1,2026-12-06T08:00:00.000Z,90,warn,c-1,Ann,NL,335.00,184.25,EUR,Credit Card,/);
    expect(line).toMatch(/,requested,first withdrawal \(high\); .+ \(warn\),yes,$/);
  });

  it('keeps a journal outcome over the status, and a customer name a spreadsheet would run stays text', () => {
    const [, line] = csv([row({ customerName: '=HYPERLINK("http://x","y")', journalState: 'unknown' })]);
    expect(line).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(line).toContain(',unknown,');
  });
});
