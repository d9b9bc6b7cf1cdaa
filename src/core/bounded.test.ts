import { describe, expect, it } from 'vitest';
import { createSlots, mapBounded } from './bounded';

describe('mapBounded', () => {
  it('never has more than the limit in flight and keeps going past failures', async () => {
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const results = await mapBounded(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async (n) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        if (n % 7 === 0) throw new Error(`item ${n} failed`);
        return n * 2;
      },
      (done) => progress.push(done),
    );
    expect(peak).toBe(3);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3); // 0, 7, 14
    expect(results[5]).toEqual({ status: 'fulfilled', value: 10 });
    expect(progress.at(-1)).toBe(20);
  });
});

describe('createSlots', () => {
  it('holds two callers together to one limit, and follows a changed limit as slots free up', async () => {
    let limit = 3;
    const run = createSlots(() => limit);
    let inFlight = 0;
    let peak = 0;
    const task = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    };
    const batch = () => Promise.all(Array.from({ length: 10 }, () => run(task)));
    await Promise.all([batch(), batch()]);
    expect(peak).toBe(3);
    limit = 1;
    peak = 0;
    await Promise.all([batch(), run(() => Promise.reject(new Error('one fails'))).catch(() => undefined)]);
    expect(peak).toBe(1);
  });
});
