import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayoutEngine } from '../../src/core/payouts/payout-engine';
import { startCaptureRig, type CaptureRig } from '../support/capture-rig';
import { refusal } from '../support/sim-rig';

// Each queue reconciles its own actions by its own rules. From the security review: a back-office user, refused
// captures:reconcile, reconciled a manager's unknown capture through payouts:reconcile, and the payout rules wrote it
// down as failed, "did not apply", while Praxis showed the hold captured.
let rig: CaptureRig;
beforeAll(async () => {
  rig = await startCaptureRig({ timeoutMs: 2_500, hangMs: 4_000 });
});
afterAll(() => rig?.close());

describe("a queue's reconcile", () => {
  it("refuses another queue's unknown action, and leaves it for that queue", async () => {
    const [tid] = await rig.authorize([{ cid: 'c-cross', currency: 'EUR', amount: 4_400 }]);
    rig.sim.setFaults({ tidFaults: [{ tid: tid!, fault: 'http5xx' }] });
    expect(await rig.engine.capture(tid!)).toMatchObject({ state: 'unknown' });

    const payouts = createPayoutEngine({ store: rig.store, log: rig.log, praxis: async () => rig.session('Ben') });
    const refused = await refusal(payouts.reconcile(tid!));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/capture.*Captures/);
    expect((await rig.engine.detail(tid!)).journal.map((j) => j.state)).toEqual(['unknown']);

    // Its own queue still reconciles it.
    rig.sim.setFaults({});
    expect(await rig.engine.reconcile(tid!)).toMatchObject({ tid });
  });

  it("refuses to read another queue's item as its own", async () => {
    const [tid] = await rig.authorize([{ cid: 'c-cross-read', currency: 'EUR', amount: 1_100 }]);
    const payouts = createPayoutEngine({ store: rig.store, log: rig.log, praxis: async () => rig.session('Ben') });
    expect((await refusal(payouts.reconcile(tid!))).code).toBe('NOT_FOUND');
  });
});
