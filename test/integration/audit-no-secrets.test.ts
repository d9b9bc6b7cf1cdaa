import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureEngine } from '../../src/core/captures/capture-engine';
import { createAuditHandlers } from '../../src/core/commands/audit-handlers';
import { createPayoutEngine } from '../../src/core/payouts/payout-engine';
import { startSimRig, type SimRig } from '../support/sim-rig';

const TEST_CARD = '4111111111111111';
const MASKED_CARD = /\d{6}\*{6}\d{4}/;

// The audit log records every payout and capture action, and never the merchant secret or card data.
let rig: SimRig;
beforeAll(async () => {
  rig = await startSimRig();
});
afterAll(async () => rig?.close());

describe('the audit log after payout and capture actions', () => {
  it('holds no merchant secret and no card number, in the table or in the CSV export', async () => {
    const deps = { store: rig.store, log: rig.log, praxis: async () => rig.session('Ana') };
    const payouts = createPayoutEngine(deps);
    const captures = createCaptureEngine(deps);
    const wr = [1, 2, 3, 4].map(
      (i) => rig.sim.createWithdrawalRequest({ cid: `c-${i}`, currency: 'EUR', amount: i * 1_000 }).tid,
    );
    const holds = [1, 2].map(
      (i) => rig.sim.createAuthorization({ cid: `h-${i}`, currency: 'EUR', amount: i * 700, card_type: 'VISA' }).tid,
    );
    await rig.lookUp([...wr, ...holds]);
    const gateway = (await payouts.gateways(wr[0]!)).find((g) => g.isDefault)!.id;

    await payouts.approve({ tid: wr[0]!, gateway });
    await payouts.reject({ tid: wr[1]!, reasonCode: 'kyc_incomplete', note: 'Card on file does not match' });
    await payouts.split({ tid: wr[2]!, parts: [{ amountMinor: 1_000, gateway }] });
    await payouts.bulk({ action: 'approve', tids: [wr[3]!] });
    await captures.capture(holds[0]!);
    await captures.void({ tid: holds[1]!, reasonCode: 'order_cancelled' });

    // The items really carry card data, so a leak would be there to find.
    const cards = (await rig.store.db.query<{ raw: string }>('SELECT raw_transaction::text AS raw FROM transactions'))
      .rows;
    expect(cards.some((r) => MASKED_CARD.test(r.raw))).toBe(true);

    const table = (await rig.store.db.query<{ row: string }>('SELECT audit_log::text AS row FROM audit_log')).rows;
    expect(table.length).toBeGreaterThanOrEqual(6);
    const csv = (
      await createAuditHandlers((fn) => fn({ store: rig.store }))['audit:export'](
        { filter: {} },
        { transport: 'test', connection: 'test' },
      )
    ).csv;
    for (const text of [...table.map((r) => r.row), csv]) {
      expect(text).not.toContain(rig.sim.credentials.secret);
      expect(text).not.toContain(TEST_CARD);
      expect(text).not.toMatch(MASKED_CARD);
    }
    expect(csv).toContain('payouts:approve');
    expect(csv).toContain('Card on file does not match');
  });
});
