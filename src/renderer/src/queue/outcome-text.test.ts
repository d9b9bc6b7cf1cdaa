import { describe, expect, it } from 'vitest';
import { describeError, describeOutcome } from './outcome-text';
import { PAYOUT_WORDS } from '../screens/payouts/row-format';

describe('outcome text', () => {
  it('says money may have moved after a timeout and offers reconcile, never a resend', () => {
    const t = describeError({ code: 'TIMEOUT', message: 'Praxis did not answer in 30 s.' });
    expect(t.moneyMoved).toBe('unknown');
    expect(t.next).toMatch(/Do not send again.*Reconcile now/);
  });

  it('says no money moved on a Praxis refusal or a four-eyes refusal', () => {
    expect(describeError({ code: 'PRAXIS_REJECTED', message: 'Payout request is already processed.' }).moneyMoved).toBe(
      'no',
    );
    expect(
      describeOutcome(
        {
          tid: 1,
          state: 'failed',
          moneyMoved: false,
          message: 'x',
          journalId: 1,
          errorCode: 'FOUR_EYES',
        },
        PAYOUT_WORDS,
      ).next,
    ).toMatch(/second operator/);
  });

  it('treats an unknown outcome as unknown whatever else it carries', () => {
    const t = describeOutcome(
      { tid: 1, state: 'unknown', moneyMoved: 'unknown', message: 'No answer', journalId: 3 },
      PAYOUT_WORDS,
    );
    expect([t.tone, t.moneyMoved]).toEqual(['unknown', 'unknown']);
  });

  it("names the amount and the customer before the core's words", () => {
    const t = describeOutcome(
      {
        tid: 5012,
        state: 'done',
        moneyMoved: true,
        message: 'Praxis confirmed: payout 9 is approved.',
        journalId: 1,
        amountMinor: 18_425,
        currency: 'EUR',
        customer: 'Ann Lee',
      },
      PAYOUT_WORDS,
    );
    expect(t.headline).toBe('Paid EUR 184.25 to Ann Lee (tid 5012). Praxis confirmed: payout 9 is approved.');
  });
});
