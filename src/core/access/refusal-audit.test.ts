import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type WorkStore } from '../store/work-store';
import { createRefusalAudit, REFUSAL_ACTION } from './refusal-audit';

// Written to a real store: what lands in the audit log when an operator floods refused calls, window by window.
let store: WorkStore;
beforeAll(async () => {
  store = await openStore({ kind: 'memory' });
});
afterAll(() => store?.close());

const refusalRows = async (operator: string) =>
  (await store.audit.list({ limit: 1_000 })).filter((e) => e.operator === operator && e.action === REFUSAL_ACTION);
const refusal = (operator: string, channel: string) =>
  ({ operator, channel, needs: ['manager'], has: ['agent'] }) as const;

describe('refusal audit', () => {
  it('writes the budget one by one, then one count by channel when the window ends, then starts again', async () => {
    const errors: unknown[] = [];
    const audit = createRefusalAudit({
      append: async (entry) => void (await store.audit.append(entry)),
      onError: (err) => errors.push(err),
      perOperator: 3,
      windowMs: 300,
      // Held still, so however slow the writes are, all eleven fall in one window; its timer still ends it.
      now: () => 0,
    });
    for (let i = 0; i < 10; i++) await audit.record(refusal('Ann', i % 2 ? 'audit:export' : 'operators:add'));
    await audit.record(refusal('Bo', 'operators:add'));
    expect(await refusalRows('Ann')).toHaveLength(3);
    expect(await refusalRows('Bo')).toHaveLength(1);

    // The window's end writes the count of the seven held back, without waiting for another refusal.
    await expect.poll(async () => (await refusalRows('Ann')).length, { timeout: 5_000 }).toBe(4);
    const [summary] = await refusalRows('Ann'); // newest first
    expect(summary!.details).toMatchObject({
      summary: true,
      refusals: 7,
      channels: { 'audit:export': 4, 'operators:add': 3 },
    });
    await audit.record(refusal('Ann', 'operators:add'));
    expect((await refusalRows('Ann'))[0]!.details).toEqual({
      channel: 'operators:add',
      needs: ['manager'],
      has: ['agent'],
    });
    await audit.flush();
    expect(await refusalRows('Ann')).toHaveLength(5);
    expect(errors).toEqual([]);
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('a row that cannot be written is reported to onError, never thrown at the refused call', async () => {
    const errors: unknown[] = [];
    const audit = createRefusalAudit({
      append: () => Promise.reject(new Error('no work store')),
      onError: (err) => errors.push(err),
      perOperator: 1,
      windowMs: 60_000,
    });
    await audit.record(refusal('Cy', 'operators:add'));
    await audit.record(refusal('Cy', 'operators:add'));
    await audit.flush();
    expect(errors.map(String)).toEqual(['Error: no work store', 'Error: no work store']);
  });
});
