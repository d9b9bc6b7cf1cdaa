import { describe, expect, it } from 'vitest';
import { simRigForThisFile } from '../support/sim-rig-for-this-file';
import { startPayoutRig } from '../support/payout-rig';

// Issue 9: after a split, every figure the desk reports is the request's remainder, as the simulator paid it.
const world = simRigForThisFile(startPayoutRig);
const rig = () => world.rig;

const gatewayOf = async (tid: number) => (await rig().engine.gateways(tid)).find((g) => g.isDefault)!.id;

/** What the simulator says it paid out for a request: the sum of its parts. */
async function paidAtSimulator(tid: number): Promise<number> {
  const rec = await rig().simRecord(tid);
  const parts = await Promise.all(
    rec.parts.map(
      async (p) => ((await rig().simRecord(p)) as unknown as { transaction: { amount: number } }).transaction,
    ),
  );
  return parts.reduce((s, p) => s + p.amount, 0);
}

describe('a split request: the remainder everywhere', () => {
  it('the queue row carries what is left; bulk approve reports the remainder as paid, as the simulator paid it', async () => {
    const [split, plain] = await rig().request([
      { cid: 'c-split-rest', currency: 'EUR', amount: 33_500 },
      { cid: 'c-split-other', currency: 'EUR', amount: 7_700 },
    ]);
    const gateway = await gatewayOf(split!);
    const parts = await rig().engine.split({
      tid: split!,
      parts: [
        { amountMinor: 8_375, gateway },
        { amountMinor: 6_700, gateway },
      ],
    });
    expect(parts.map((p) => [p.state, p.amountMinor, p.currency])).toEqual([
      ['done', 8_375, 'EUR'],
      ['done', 6_700, 'EUR'],
    ]);
    const row = (await rig().engine.list()).rows.find((r) => r.tid === split);
    expect(row).toMatchObject({ amountMinor: 33_500, remainingMinor: 18_425 });

    const bulk = await rig().engine.bulk({ action: 'approve', tids: [split!, plain!] });
    expect(bulk.failedCount).toBe(0);
    const paid = (await paidAtSimulator(split!)) - 8_375 - 6_700 + (await paidAtSimulator(plain!));
    expect(paid).toBe(18_425 + 7_700);
    expect(bulk.succeeded).toEqual([{ currency: 'EUR', count: 2, totalMinor: paid }]);
    expect(bulk.results.find((r) => r.tid === split)).toMatchObject({
      amountMinor: 18_425,
      customer: expect.any(String),
    });
  });

  it("the customer's history counts a split request once: parts paid plus what is left pending", async () => {
    const [tid] = await rig().request([{ cid: 'c-split-hist', currency: 'EUR', amount: 33_500 }]);
    await rig().engine.split({ tid: tid!, parts: [{ amountMinor: 8_375, gateway: await gatewayOf(tid!) }] });
    const detail = await rig().engine.detail(tid!);
    const eur = detail.history.totals.find((t) => t.currency === 'EUR');
    expect(eur?.withdrawnMinor).toBe(33_500);
    expect(detail.row.remainingMinor).toBe(33_500 - 8_375);
  });
});
