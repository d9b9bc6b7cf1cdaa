import { describe, expect, it } from 'vitest';
import { flagsMostSevereFirst } from './row-format';

describe('risk flags of a queue row', () => {
  it('takes each severity from the row (the risk card’s) and puts the most severe first', () => {
    // A ratio over the limit is WARN on the card, a new destination HIGH: the row must not swap them.
    const row = {
      flags: ['first_withdrawal', 'withdrawal_ratio', 'unknown_destination', 'velocity', 'verification_alert'] as const,
      flagSeverity: {
        first_withdrawal: 'info',
        withdrawal_ratio: 'warn',
        unknown_destination: 'high',
        velocity: 'warn',
        verification_alert: 'high',
      } as const,
    };
    expect(flagsMostSevereFirst({ ...row, flags: [...row.flags] })).toEqual([
      { code: 'unknown_destination', severity: 'high' },
      { code: 'verification_alert', severity: 'high' },
      { code: 'withdrawal_ratio', severity: 'warn' },
      { code: 'velocity', severity: 'warn' },
      { code: 'first_withdrawal', severity: 'info' },
    ]);
  });
});
