import { describe, expect, it } from 'vitest';
import { createLineBudget } from './log-budget';

describe('a log line budget', () => {
  it('lets a bounded number of lines through per window, then reports how many it held back', () => {
    let now = 0;
    const budget = createLineBudget({ linesPerWindow: 3, windowMs: 60_000, now: () => now });
    const taken = Array.from({ length: 10 }, () => budget.take());
    expect(taken.filter((t) => t.allowed)).toHaveLength(3);
    now = 60_001;
    expect(budget.take()).toEqual({ allowed: true, heldBack: 7 });
    expect(budget.take()).toEqual({ allowed: true, heldBack: 0 });
  });
});
