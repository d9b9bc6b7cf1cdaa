import { afterEach, describe, expect, it } from 'vitest';
import type { ActionOutcome } from '../../src/shared/payouts';
import { simRigForThisFile } from '../support/sim-rig-for-this-file';
import { startPayoutRig } from '../support/payout-rig';
import { sendTwiceStale, servedCalls } from '../support/sent-twice';

// CI once saw a double-clicked split go to Praxis twice: the second copy checked what remained before the first
// began, and began only after the first was paid. Only the journal's one `sending` entry per item orders two copies
// on one desk, so a copy's checks are made good once its own entry is begun.
const world = simRigForThisFile(startPayoutRig);
const rig = () => world.rig;

const gatewayOf = async (tid: number) => (await rig().engine.gateways(tid)).find((g) => g.isDefault)!.id;
const splitsServed = () => servedCalls(rig(), 'split');

/** A new EUR 600.00 request of `cid`, split once into `partMinor` by the same command sent twice (sendTwiceStale). */
async function splitSentTwice(cid: string, partMinor: number) {
  const [tid] = await rig().request([{ cid, currency: 'EUR', amount: 600_00 }]);
  const gateway = await gatewayOf(tid!);
  const before = await splitsServed();
  const input = { tid: tid!, parts: [{ amountMinor: partMinor, gateway }] };
  return { tid: tid!, before, answers: await sendTwiceStale(rig().store, () => rig().engine.split(input)) };
}

describe('a split sent twice on one desk', () => {
  it('the copy that reaches the journal after the first was paid is refused with what remains, and not sent', async () => {
    const { tid, before, answers } = await splitSentTwice('c-split-twice', 400_00);
    const paid = answers.filter((a) => a.status === 'fulfilled');
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ value: [{ state: 'done', amountMinor: 400_00 }] });
    expect(answers.find((a) => a.status === 'rejected')).toMatchObject({
      reason: {
        code: 'CONFLICT',
        message: expect.stringMatching(/only EUR 200\.00 remains now, not EUR 600\.00\. Nothing was sent/),
      },
    });
    expect(await splitsServed()).toBe(before + 1);
    expect((await rig().simRecord(tid)).payoutsMade).toBe(1);
    // The refused copy's journal entry says why it was not sent; the item is free for the next action.
    const entries = await rig().store.journal.forItem('transaction', String(tid));
    expect(entries.map((e) => [e.state, e.errorCode])).toEqual(
      expect.arrayContaining([
        ['done', null],
        ['failed', 'CONFLICT'],
      ]),
    );
    expect(await rig().store.journal.inFlight('transaction', String(tid))).toBeNull();
  });

  it('a double-click of a split that still fits is refused all the same: what remains is not what was split', async () => {
    const { tid, before, answers } = await splitSentTwice('c-split-small-twice', 200_00);
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(answers.find((a) => a.status === 'rejected')).toMatchObject({
      reason: { code: 'CONFLICT', message: expect.stringContaining('only EUR 400.00 remains now, not EUR 600.00') },
    });
    expect(await splitsServed()).toBe(before + 1);
    expect((await rig().engine.detail(tid)).row.remainingMinor).toBe(400_00);
  });

  it('a part whose turn comes after another split was paid is not sent; the parts before it stand', async () => {
    const [tid] = await rig().request([{ cid: 'c-split-between', currency: 'EUR', amount: 600_00 }]);
    const gateway = await gatewayOf(tid!);
    const before = await splitsServed();
    const journal = rig().store.journal;
    const begin = journal.begin;
    let other: Promise<ActionOutcome[]> | undefined;
    // Another split is asked and paid between this split's two parts.
    journal.begin = async (...args) => {
      if (args[0].request.part === 2 && !other) {
        other = rig().engine.split({ tid: tid!, parts: [{ amountMinor: 300_00, gateway }] });
        await other.catch(() => undefined);
      }
      return begin(...args);
    };
    try {
      const mine = await rig().engine.split({
        tid: tid!,
        parts: [
          { amountMinor: 200_00, gateway },
          { amountMinor: 200_00, gateway },
        ],
      });
      expect(await other).toMatchObject([{ state: 'done', amountMinor: 300_00 }]);
      expect(mine).toMatchObject([
        { state: 'done', amountMinor: 200_00 },
        {
          state: 'failed',
          moneyMoved: false,
          errorCode: 'CONFLICT',
          amountMinor: 200_00,
          message: expect.stringContaining(
            'changed between the parts of this split: only EUR 100.00 remains now, not EUR 400.00. Part 2 and those after it were not sent',
          ),
        },
      ]);
    } finally {
      journal.begin = begin;
    }
    expect(await splitsServed()).toBe(before + 2);
    expect((await rig().engine.detail(tid!)).row.remainingMinor).toBe(100_00);
  });
});

describe('an approval sent twice on one desk', () => {
  afterEach(() => rig().sim.clearFaults());

  it('the copy that reaches the journal after the first was sent is refused, and not sent', async () => {
    const [tid] = await rig().request([{ cid: 'c-approve-twice', currency: 'EUR', amount: 300_00 }]);
    const gateway = await gatewayOf(tid!);
    // The payout stays processing, so the request still looks open: only the journal tells the second copy.
    rig().sim.setFaults({ holdPayouts: true });
    const before = await servedCalls(rig(), 'withdrawal-request');
    const answers = await sendTwiceStale(rig().store, () => rig().engine.approve({ tid: tid!, gateway }));
    expect(answers.filter((a) => a.status === 'fulfilled')).toMatchObject([{ value: { state: 'done' } }]);
    expect(answers.find((a) => a.status === 'rejected')).toMatchObject({
      reason: {
        code: 'CONFLICT',
        message: expect.stringMatching(
          /changed while this approve waited: Ana's approve went to Praxis meanwhile \(done\)\. Nothing was sent/,
        ),
      },
    });
    expect(await servedCalls(rig(), 'withdrawal-request')).toBe(before + 1);
    expect((await rig().simRecord(tid!)).payoutsMade).toBe(1);
    const audit = await rig().store.audit.list({ limit: 5 });
    expect(audit.filter((e) => e.action === 'payouts:approve').map((e) => e.details.result)).toEqual(
      expect.arrayContaining(['done', 'failed']),
    );
  });
});
