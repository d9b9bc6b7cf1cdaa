import { describe, expect, it } from 'vitest';
import { auditColumns } from './audit-columns';

const row = (details: Record<string, unknown>, itemId: string | null = '1000158') => ({
  seq: 1,
  at: '2026-12-05T03:00:00.000Z',
  operator: 'Ana',
  action: 'payouts:reject',
  itemKind: itemId ? 'transaction' : null,
  itemId,
  details,
  dbUser: null,
});

describe('the facts an auditor reads from an audit row', () => {
  it('reads amount, reason, note, Praxis ids and outcome of a single action', () => {
    expect(
      auditColumns(
        row({
          amountMinor: 4_200,
          currency: 'EUR',
          reasonCode: 'bonus_abuse',
          reasonLabel: 'Bonus or promotion abuse',
          note: 'Promo used 14 times',
          orderId: 'wr1000158-split-1',
          result: 'done',
          praxisStatus: 0,
          newStatus: 'cancelled',
          moneyMoved: false,
          journalId: 7,
        }),
      ),
    ).toEqual({
      item: '1000158',
      amount: 'EUR 42.00',
      reason: 'Bonus or promotion abuse',
      note: 'Promo used 14 times',
      praxisIds: 'tid 1000158, order wr1000158-split-1',
      outcome: 'done — no money moved — Praxis answered OK (status 0) — now cancelled',
      outcomeBrief: 'done · no money moved',
    });
  });

  it('gives a brief outcome for the list: the result and whether money moved, or the whole outcome when that is all', () => {
    expect(auditColumns(row({ result: 'done', moneyMoved: true, praxisStatus: 0 })).outcomeBrief).toBe(
      'done · money moved',
    );
    expect(
      auditColumns({ ...row({ count: 3, failedCount: 1, moneyMoved: true }), action: 'payouts:bulk-approve' })
        .outcomeBrief,
    ).toBe('3 items, 1 failed · money moved');
    expect(auditColumns(row({ message: 'Praxis confirmed (Ok)' })).outcomeBrief).toBe('Praxis confirmed (Ok)');
  });

  it('says whether money moved right after the result, where a narrow Outcome column still shows it', () => {
    const paid = auditColumns(
      row({
        result: 'done',
        moneyMoved: true,
        praxisStatus: 0,
        newStatus: 'split',
        message: 'Praxis confirmed: payout 1000161 is approved.',
      }),
    );
    expect(paid.outcome).toBe(
      'done — money moved — Praxis answered OK (status 0) — now paid out (Praxis: split) — Praxis confirmed: payout 1000161 is approved.',
    );
    // An answer that never came says nothing of money: it is not known.
    expect(auditColumns(row({ result: 'unknown' })).outcome).toBe('unknown');
  });

  it("says what became of a hold in the desk's words, Praxis's own word beside them", () => {
    const hold = (action: string, newStatus: string) =>
      auditColumns({ ...row({ result: 'done', newStatus }), action }).outcome;
    expect(hold('captures:capture', 'approved')).toBe('done — now captured (Praxis: approved)');
    expect(hold('captures:void', 'cancelled')).toBe('done — now released (Praxis: cancelled)');
    // A payout request approved by Praxis is approved: no other word.
    expect(hold('payouts:approve', 'approved')).toBe('done — now approved');
  });

  it('says a terminal session opened a payment page, not that the customer paid', () => {
    const open = auditColumns({
      ...row({ intent: 'payment', amountMinor: 2_500, currency: 'EUR', result: 'done', message: 'Ok' }, 'vt-1'),
      action: 'terminal:open',
      itemKind: 'session',
    });
    expect(open.outcome).toBe('payment page opened — whether the customer paid follows as a “Terminal outcome” — Ok');
    expect(open.item).toBe('session vt-1');
  });

  it("says how a terminal session ended, with Praxis's tid and the amount taken", () => {
    const ended = (result: string, moneyMoved: boolean) =>
      auditColumns({
        ...row({ result, moneyMoved, tid: 1_000_004, amountMinor: 3_100, currency: 'EUR' }, 'vt-2'),
        action: 'terminal:outcome',
        itemKind: 'session',
      });
    expect(ended('approved', true)).toMatchObject({
      outcome: 'customer paid — money moved',
      praxisIds: 'tid 1000004',
      amount: 'EUR 31.00',
      item: 'session vt-2',
    });
    expect(ended('expired', false).outcome).toBe('expired — the customer did not pay — no money moved');
  });

  it("says what Praxis's answer meant: a refusal, or an error on its side", () => {
    expect(auditColumns(row({ result: 'refused', praxisStatus: 400 })).outcome).toBe(
      'refused — Praxis refused (status 400)',
    );
    expect(auditColumns(row({ result: 'unknown', praxisStatus: -1 })).outcome).toBe(
      'unknown — Praxis failed on its side (status -1)',
    );
  });

  it('sums a bulk action per currency and counts its failures', () => {
    // As the bulk runner stores it (succeededByCurrency): one entry per currency.
    const succeeded = [
      { currency: 'EUR', count: 2, totalMinor: 12_000 },
      { currency: 'JPY', count: 1, totalMinor: 500 },
    ];
    const c = auditColumns(row({ count: 3, failedCount: 1, succeeded }, null));
    expect(c.amount).toBe('EUR 120.00; JPY 500');
    expect(c.outcome).toBe('3 items, 1 failed');
    expect(c.item).toBe('');
    expect(auditColumns(row({ count: 1, failedCount: 0, succeeded: [] }, null)).outcome).toBe('1 item, 0 failed');
  });
});
