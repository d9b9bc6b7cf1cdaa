import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PAYOUT_SETTINGS, savePayoutSettings } from '../../src/core/payouts/payout-settings';
import { sendLeaseMs } from '../../src/core/queues/praxis-session';
import { createSendLimit } from '../../src/core/queues/send-limit';
import { startPayoutRig, type PayoutRig } from '../support/payout-rig';

// A bulk item writes its `sending` entry, then waits for one of the desk's send slots. Waiting past its lease, the
// queue offers "Reconcile now", which may settle it "not applied, safe to approve again": the send that then gets its
// slot must not go (security review: 11 of 16 such items were paid anyway, and approving again sent a second time).
const TIMEOUT_MS = 500;
let rig: PayoutRig;
afterEach(() => rig?.close());

/** A bulk approval of one request whose single send slot is held by another send until `release()`. */
async function approvalWaitingForItsSlot() {
  const sendLimit = createSendLimit();
  rig = await startPayoutRig({ timeoutMs: TIMEOUT_MS, resolve: { notAppliedAfterMs: 1 }, sendLimit });
  await savePayoutSettings(rig.store, { ...DEFAULT_PAYOUT_SETTINGS, bulkConcurrency: 1 }, 'Mia');
  const [tid] = await rig.request([{ cid: 'slot-wait', currency: 'EUR', amount: 12_00 }]);
  let release = () => {};
  const otherSend = sendLimit.run(() => new Promise<void>((r) => (release = r)));
  const bulk = rig.engine.bulk({ action: 'approve', tids: [tid!] });
  await expect
    .poll(async () => (await rig.store.journal.forItem('transaction', String(tid))).map((e) => e.state))
    .toEqual(['sending']);
  // Past the lease: the row now shows the entry unknown and offers "Reconcile now".
  await new Promise((r) => setTimeout(r, sendLeaseMs({ timeoutMs: TIMEOUT_MS }) + 500));
  return { tid: tid!, bulk, release: () => (release(), otherSend) };
}

describe('a bulk item that waited for a send slot past its lease', () => {
  it('is not sent once "Reconcile now" settled it not applied, and approving it again pays it once', async () => {
    const { tid, bulk, release } = await approvalWaitingForItsSlot();
    const settled = await rig.engine.reconcile(tid);
    expect(settled).toMatchObject({ state: 'failed', moneyMoved: false });
    await release();
    const [result] = (await bulk).results;
    expect(result).toMatchObject({ tid, state: 'failed', moneyMoved: false });
    expect(result!.message).toMatch(/Nothing was sent/);
    expect((await rig.simRecord(tid)).payoutsMade).toBe(0);

    const again = await rig.engine.bulk({ action: 'approve', tids: [tid] });
    expect(again.results[0]).toMatchObject({ state: 'done' });
    expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
  });

  it('is not sent when no one reconciled it either: it fails saying nothing was sent, safe to approve again', async () => {
    const { tid, bulk, release } = await approvalWaitingForItsSlot();
    await release();
    const [result] = (await bulk).results;
    expect(result).toMatchObject({ tid, state: 'failed', moneyMoved: false });
    expect(result!.message).toMatch(/Nothing was sent/);
    expect((await rig.simRecord(tid)).payoutsMade).toBe(0);
    const [entry] = await rig.store.journal.forItem('transaction', String(tid));
    expect(entry!.state).toBe('failed');
  });
});
