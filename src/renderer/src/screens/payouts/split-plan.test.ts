import { describe, expect, it } from 'vitest';
import { planSplit } from './split-plan';

describe('split plan', () => {
  it('shows the live remainder and sends exact minor units', () => {
    const plan = planSplit(125_050, 'EUR', [
      { amountText: '1000', gateway: 'a' },
      { amountText: '200.5', gateway: 'b' },
    ]);
    expect(plan.parts).toEqual([
      { amountMinor: 100_000, gateway: 'a' },
      { amountMinor: 20_050, gateway: 'b' },
    ]);
    expect(plan.remainderMinor).toBe(5_000);
  });

  it('refuses sub-unit input instead of rounding it', () => {
    const plan = planSplit(1_000, 'JPY', [{ amountText: '10.5', gateway: 'a' }]);
    expect(plan.parts).toBeNull();
    expect(plan.partErrors[0]).toMatch(/JPY has no minor unit/);
  });

  it('refuses parts that add up to more than the request, saying by how much', () => {
    const plan = planSplit(1_250, 'KWD', [
      { amountText: '1', gateway: 'a' },
      { amountText: '0.300', gateway: 'a' },
    ]);
    expect(plan.parts).toBeNull();
    expect(plan.remainderMinor).toBe(-50);
    expect(plan.planError).toContain('0.050');
  });

  it('needs a gateway and a positive amount on every part', () => {
    const plan = planSplit(10_000, 'EUR', [
      { amountText: '0', gateway: 'a' },
      { amountText: '5', gateway: '' },
    ]);
    expect(plan.partErrors).toEqual(['A part must be more than zero.', 'Pick a gateway for this part.']);
    expect(plan.parts).toBeNull();
  });
});
