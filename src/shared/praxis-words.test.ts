import { describe, expect, it } from 'vitest';
import { statusText } from './praxis-words';

describe("Praxis's status words as the desk says them", () => {
  it('a deposit or hold Praxis rejected was declined, as the Terminal says; a withdrawal request rejected was rejected', () => {
    expect(statusText('rejected', 'payment')).toBe('declined (Praxis: rejected)');
    expect(statusText('rejected', 'hold')).toBe('declined (Praxis: rejected)');
    expect(statusText('rejected')).toBe('rejected');
  });

  it('keeps the words it had: a request paid by its payouts, a hold captured or released', () => {
    expect(statusText('split')).toBe('paid out (Praxis: split)');
    expect(statusText('approved', 'hold')).toBe('captured (Praxis: approved)');
    expect(statusText('cancelled', 'hold')).toBe('released (Praxis: cancelled)');
    expect(statusText('approved', 'payment')).toBe('approved');
  });
});
