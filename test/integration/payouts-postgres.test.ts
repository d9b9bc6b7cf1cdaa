import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log';
import { createPayoutEngine } from '../../src/core/payouts/payout-engine';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import type { DeskError } from '../../src/shared/errors';
import { startPayoutRig, type PayoutRig } from '../support/payout-rig';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../support/postgres';
import { fillSyntheticQueue, SYNTHETIC_BASE_TID } from '../support/synthetic-payouts';

// A team: two desks on one real PostgreSQL server, the same SQL as PGlite.
const skip = postgresUnavailableReason();
let server: TestPostgres;
let rig: PayoutRig;
let secondDesk: WorkStore;

describe.skipIf(skip !== null)('payouts on a shared PostgreSQL store', () => {
  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase(`payouts_${process.pid}`);
    rig = await startPayoutRig({ operator: 'Ana', timeoutMs: 15_000, store: { kind: 'postgres', url } });
    secondDesk = await openStore({ kind: 'postgres', url });
  });
  afterAll(async () => {
    await secondDesk?.close();
    await rig?.close();
    await server?.stop();
  });

  it('two desks approving the same request at once: one payout, the other desk gets CONFLICT', async () => {
    const [tid] = await rig.request([{ cid: 'team-1', currency: 'EUR', amount: 3_300 }]);
    const bo = createPayoutEngine({
      store: secondDesk,
      log: createMemoryLogger(),
      praxis: async () => ({ client: rig.client, profileId: 'team', operator: 'Bo' }),
    });
    const gateway = (await rig.engine.gateways(tid!))[0]!.id;
    rig.sim.setFaults({ latencyMs: 150 });
    const results = await Promise.allSettled([
      rig.engine.approve({ tid: tid!, gateway }),
      bo.approve({ tid: tid!, gateway }),
    ]);
    rig.sim.clearFaults();
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DeskError).code] : []))).toEqual([
      'CONFLICT',
    ]);
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);
    expect((await bo.list()).rows).toEqual([]);
  });

  it('the set-wise queue flags agree with the risk card on PostgreSQL too', async () => {
    await fillSyntheticQueue(rig.store, { requests: 5_000, customers: 1_000 });
    const { rows } = await rig.engine.list();
    expect(rows).toHaveLength(5_000);
    const byTid = new Map(rows.map((r) => [r.tid - SYNTHETIC_BASE_TID, r]));
    expect(byTid.get(1)!.flags).toContain('velocity');
    for (const i of [0, 1, 3, 97, 999, 1_000, 2_500, 4_999]) {
      expect(
        (await rig.engine.detail(SYNTHETIC_BASE_TID + i)).risk.map((f) => f.code),
        `request ${i}`,
      ).toEqual(byTid.get(i)!.flags);
    }
  });
});
