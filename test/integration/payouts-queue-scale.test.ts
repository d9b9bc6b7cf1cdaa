import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log';
import { createPayoutEngine, type PayoutEngine } from '../../src/core/payouts/payout-engine';
import { DEFAULT_RISK_SETTINGS } from '../../src/core/payouts/risk';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import { queueRowsPerRow } from '../support/queue-rows-per-row';
import { fillSyntheticQueue, SYNTHETIC_BASE_TID } from '../support/synthetic-payouts';

// The queue query over 100,000 requests in a real PGlite store; no Praxis call is needed to read the queue.
const REQUESTS = 100_000;
const CUSTOMERS = 20_000;
let store: WorkStore;
let engine: PayoutEngine;

beforeAll(async () => {
  store = await openStore({ kind: 'memory' });
  await fillSyntheticQueue(store, { requests: REQUESTS, customers: CUSTOMERS });
  engine = createPayoutEngine({
    store,
    log: createMemoryLogger(),
    praxis: () => Promise.reject(new Error('the queue must not call Praxis')),
  });
}, 180_000);
afterAll(async () => store?.close());

describe('payouts:list at 100,000 rows', () => {
  it('returns every request, oldest first, with set-wise risk flags that match the per-item risk card', async () => {
    const started = performance.now();
    const { rows } = await engine.list();
    console.log(`payouts:list over ${rows.length} rows took ${Math.round(performance.now() - started)} ms`);

    expect(rows).toHaveLength(REQUESTS);
    expect(rows[0]!.tid).toBe(SYNTHETIC_BASE_TID + REQUESTS - 1);
    expect(rows.at(-1)!.tid).toBe(SYNTHETIC_BASE_TID);
    const byTid = new Map(rows.map((r) => [r.tid - SYNTHETIC_BASE_TID, r]));

    // Each customer has 5 requests 20,000 s (5.6 h) apart, all within 24 h: the newest and the oldest carry velocity.
    expect(byTid.get(1)!.flags).toContain('velocity');
    expect(byTid.get(REQUESTS - 1)!.flags).toContain('velocity');
    expect(byTid.get(REQUESTS - 1)!.flags).not.toContain('first_withdrawal');
    expect(byTid.get(3)!.flags).toContain('unknown_destination');
    expect(byTid.get(4)!.flags).not.toContain('unknown_destination');
    expect(byTid.get(2_000)).toMatchObject({ amountMinor: 600_000, needsSecondApproval: true });
    expect(byTid.get(2_000)!.flags).toContain('four_eyes');
    expect(byTid.get(97)!.flags).toContain('verification_alert');
    expect(rows.filter((r) => r.needsSecondApproval)).toHaveLength(REQUESTS / 1_000);

    // The detail pane computes its risk card from the full history lists (a different code path): they must agree.
    for (const i of [0, 1, 2, 3, 97, 101, 2_000, 19_999, 20_000, 59_999, 60_000, 77_777, 99_999]) {
      const detail = await engine.detail(SYNTHETIC_BASE_TID + i);
      expect(
        detail.risk.map((f) => f.code),
        `request ${i}`,
      ).toEqual(byTid.get(i)!.flags);
    }

    // PostgreSQL builds the rows and decides the flags now; the per-row path they replaced must agree on every row.
    expect(rows).toEqual(await queueRowsPerRow(store.db, DEFAULT_RISK_SETTINGS));
  }, 120_000);

  it('gives the first 500 rows on their own and the rest after them, together the whole queue', async () => {
    const whole = (await engine.list()).rows;
    const first = await engine.list({ limit: 500 });
    expect(first.rows).toEqual(whole.slice(0, 500));
    expect(first.next).toBe(whole[499]!.tid);
    const rest = await engine.list({ after: first.next! });
    expect(rest.next).toBeNull();
    expect(rest.rows).toEqual(whole.slice(500));
  }, 60_000);

  it('payouts:rows answers the changed tids only, whatever their status now', async () => {
    await store.db.query(`UPDATE transactions SET status = 'cancelled', status_rank = 4 WHERE tid = $1`, [
      SYNTHETIC_BASE_TID + 5,
    ]);
    const rows = await engine.rows([SYNTHETIC_BASE_TID + 5, SYNTHETIC_BASE_TID + 6, 1]);
    expect(rows.map((r) => [r.tid, r.status])).toEqual([
      [SYNTHETIC_BASE_TID + 6, 'requested'],
      [SYNTHETIC_BASE_TID + 5, 'cancelled'],
    ]);
    expect((await engine.list()).rows).toHaveLength(REQUESTS - 1);
  }, 60_000);
});
