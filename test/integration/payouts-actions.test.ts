import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeskError } from '../../src/shared/errors';
import { PRAXIS_ASSUMPTIONS } from '../../src/core/praxis/assumptions';
import { emptyStore } from '../support/store-backends';
import { refusal, startPayoutRig, type PayoutRig } from '../support/payout-rig';

// The engine against the real simulator over HTTP and a real PGlite store.
let rig: PayoutRig;
beforeAll(async () => {
  rig = await startPayoutRig({ timeoutMs: 2_500, hangMs: 5_000 });
});
afterAll(async () => rig?.close());
beforeEach(async () => {
  rig.sim.clearFaults();
  await emptyStore(rig.store);
});

const gatewayOf = async (tid: number) => (await rig.engine.gateways(tid)).find((g) => g.isDefault)!.id;
/** As if the entry had been written `ms` ago (the lease and the not-applied rule count from it). */
const backdateJournal = (tid: number, ms: number) =>
  rig.store.db.query(
    `UPDATE action_journal SET created_at = created_at - $2 * interval '1 millisecond' WHERE item_id = $1`,
    [String(tid), ms],
  );
const auditFor = async (tid: number) => (await rig.engine.detail(tid)).audit;

describe('payout actions through the journal', () => {
  it('lists the request, approves it once with the default gateway, and the queue drops it', async () => {
    const [tid] = await rig.request([{ cid: 'c-approve', currency: 'EUR', amount: 12_345 }]);
    const listed = (await rig.engine.list()).rows;
    expect(listed.map((r) => [r.tid, r.status, r.amountMinor, r.currency])).toEqual([
      [tid, 'requested', 12_345, 'EUR'],
    ]);
    expect(listed[0]!.flags).toEqual(expect.arrayContaining(['first_withdrawal', 'withdrawal_ratio']));

    const options = await rig.engine.gateways(tid!);
    expect(options[0]).toMatchObject({ isDefault: true, name: 'SimAcquirer Cards' });
    const outcome = await rig.engine.approve({ tid: tid!, gateway: options[0]!.id });

    expect(outcome).toMatchObject({ tid, state: 'done', moneyMoved: true, newStatus: 'split' });
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);
    expect((await rig.engine.list()).rows).toEqual([]);
    const detail = await rig.engine.detail(tid!);
    expect(detail.parts).toHaveLength(1);
    expect(detail.parts[0]).toMatchObject({
      amountMinor: 12_345,
      currency: 'EUR',
      status: 'approved',
      gateway: options[0]!.id,
    });
    expect(detail.journal.map((j) => [j.action, j.state, j.operator])).toEqual([['payouts:approve', 'done', 'Ana']]);
    expect(detail.audit.at(-1)).toMatchObject({
      operator: 'Ana',
      action: 'payouts:approve',
      details: { result: 'done', gateway: options[0]!.id, amountMinor: 12_345, currency: 'EUR' },
    });
  });

  it('a second approve of the same request is refused without a second Praxis call', async () => {
    const [tid] = await rig.request([{ cid: 'c-twice', currency: 'EUR', amount: 5_000 }]);
    const gateway = await gatewayOf(tid!);
    await rig.engine.approve({ tid: tid!, gateway });
    // A pending 503 would be used up by any call that reached the simulator.
    rig.sim.setFaults({ http5xx: 1 });
    const err = await refusal(rig.engine.approve({ tid: tid!, gateway }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('already paid out (Praxis: split)');
    expect((await rig.faults()).http5xx).toBe(1);
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);
    expect((await rig.engine.detail(tid!)).journal).toHaveLength(1);
  });

  it('rejects with a reason from the pick-list; the reason and note are in the audit log, not sent to Praxis', async () => {
    const [tid] = await rig.request([{ cid: 'c-reject', currency: 'GBP', amount: 9_900 }]);
    const bad = await refusal(rig.engine.reject({ tid: tid!, reasonCode: 'because' }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toContain('kyc_incomplete');
    expect((await rig.simRecord(tid!)).cancelsMade).toBe(0);

    const outcome = await rig.engine.reject({
      tid: tid!,
      reasonCode: 'kyc_incomplete',
      note: 'Passport expired in May',
    });
    expect(outcome).toMatchObject({ state: 'done', moneyMoved: false, newStatus: 'cancelled' });
    expect((await rig.simRecord(tid!)).cancelsMade).toBe(1);
    expect((await auditFor(tid!)).at(-1)).toMatchObject({
      action: 'payouts:reject',
      details: {
        reasonCode: 'kyc_incomplete',
        reasonLabel: 'KYC documents missing or expired',
        note: 'Passport expired in May',
        result: 'done',
      },
    });
    expect((await rig.engine.list()).rows).toEqual([]);
  });

  it('splits into parts, keeps the remainder in the queue, and refuses parts above the remainder with the amount left', async () => {
    const [tid] = await rig.request([{ cid: 'c-split', currency: 'EUR', amount: 10_000 }]);
    const gateway = await gatewayOf(tid!);
    const outcomes = await rig.engine.split({
      tid: tid!,
      parts: [
        { amountMinor: 3_000, gateway },
        { amountMinor: 2_000, gateway },
      ],
    });
    expect(outcomes.map((o) => o.state)).toEqual(['done', 'done']);
    expect((await rig.simRecord(tid!)).remainingMinor).toBe(5_000);

    const tooMuch = await refusal(
      rig.engine.split({
        tid: tid!,
        parts: [
          { amountMinor: 4_000, gateway },
          { amountMinor: 2_000, gateway },
        ],
      }),
    );
    expect(tooMuch.code).toBe('VALIDATION');
    expect(tooMuch.message).toContain('EUR 60.00');
    expect(tooMuch.message).toContain('only EUR 50.00 remains');
    expect(tooMuch.details).toMatchObject({ remainingMinor: 5_000 });

    const detail = await rig.engine.detail(tid!);
    expect(detail.parts.map((p) => [p.amountMinor, p.orderId])).toEqual([
      [3_000, `wr${tid}-split-1`],
      [2_000, `wr${tid}-split-2`],
    ]);
    expect((await rig.engine.list()).rows.map((r) => r.tid)).toEqual([tid]);

    const last = await rig.engine.split({ tid: tid!, parts: [{ amountMinor: 5_000, gateway }] });
    expect(last[0]).toMatchObject({ state: 'done', newStatus: 'split' });
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(3);
    expect((await rig.engine.list()).rows).toEqual([]);
  });

  it('double click: two concurrent approves make one payout and one CONFLICT', async () => {
    const [tid] = await rig.request([{ cid: 'c-race', currency: 'USD', amount: 7_000 }]);
    const gateway = await gatewayOf(tid!);
    rig.sim.setFaults({ latencyMs: 150 });
    const results = await Promise.allSettled([
      rig.engine.approve({ tid: tid!, gateway }),
      rig.engine.approve({ tid: tid!, gateway }),
    ]);
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason as DeskError);
    expect(done).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(['CONFLICT']);
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);
  });
});

describe('payout gateways', () => {
  it('come from get-available-gateways once per currency/country/method, then from the cache', async () => {
    const [a, b] = await rig.request([
      { cid: 'gw-1', currency: 'USD', amount: 1_000 },
      { cid: 'gw-1', currency: 'USD', amount: 2_000 },
    ]);
    const first = await rig.engine.gateways(a!);
    expect(first.map((g) => g.name)).toEqual([
      'SimAcquirer Cards',
      'SimBank OCT Payouts',
      'SimWallet',
      'SimWire Bank Transfer',
    ]);
    expect(first.filter((g) => g.isDefault)).toHaveLength(1);
    // A pending 503 is left untouched: the second request of the same kind is answered from the cache.
    rig.sim.setFaults({ http5xx: 1 });
    expect(await rig.engine.gateways(b!)).toEqual(first);
    expect((await rig.faults()).http5xx).toBe(1);
  });

  it('when Praxis lists none and the request names none, bulk approve says so for that item and sends nothing', async () => {
    const [tid] = await rig.request([{ cid: 'gw-chf', currency: 'CHF', amount: 1_000 }]);
    expect(await rig.engine.gateways(tid!)).toEqual([]);
    const { results } = await rig.engine.bulk({ action: 'approve', tids: [tid!] });
    expect(results[0]).toMatchObject({
      state: 'failed',
      errorCode: 'VALIDATION',
      message: expect.stringContaining('lists no payout gateway'),
    });
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(0);
  });
});

describe('unknown outcomes are reconciled, never retried blindly', () => {
  it('timeout after apply: unknown, looked up at once, done with exactly one payout at the simulator', async () => {
    const [tid] = await rig.request([{ cid: 'c-timeout', currency: 'EUR', amount: 4_200 }]);
    const gateway = await gatewayOf(tid!);
    rig.sim.setFaults({ timeoutAfterApply: 1, timeoutMode: 'hang' });
    const outcome = await rig.engine.approve({ tid: tid!, gateway });
    expect(outcome).toMatchObject({ state: 'done', moneyMoved: true, newStatus: 'split', errorCode: 'TIMEOUT' });
    expect(outcome.message).toContain('payout was made once');
    const sim = await rig.simRecord(tid!);
    expect(sim.payoutsMade).toBe(1);
    expect(sim.parts).toHaveLength(1);
    const [entry] = (await rig.engine.detail(tid!)).journal;
    expect(entry).toMatchObject({ state: 'done', errorCode: 'TIMEOUT' });
  });

  it('a 503 stays unknown (requested proves nothing yet); past the stated rule it is "not applied", and the retry pays once', async () => {
    const [tid] = await rig.request([{ cid: 'c-503', currency: 'EUR', amount: 4_300 }]);
    const gateway = await gatewayOf(tid!);
    rig.sim.setFaults({ http5xx: 1 });
    const first = await rig.engine.approve({ tid: tid!, gateway });
    expect(first).toMatchObject({ state: 'unknown', moneyMoved: 'unknown', errorCode: 'OUTCOME_UNKNOWN' });
    expect(first.message).not.toContain('safe to');
    expect((await refusal(rig.engine.approve({ tid: tid!, gateway }))).code).toBe('OUTCOME_UNKNOWN');
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(0);

    await backdateJournal(tid!, PRAXIS_ASSUMPTIONS.notAppliedAfterMs.value + 60_000);
    const settled = await rig.engine.reconcile(tid!);
    expect(settled).toMatchObject({ state: 'failed', moneyMoved: false });
    expect(settled.message).toContain('safe to approve it again');
    expect(await rig.engine.approve({ tid: tid!, gateway })).toMatchObject({ state: 'done' });
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);
  });

  it('when the lookup cannot tell, the item stays unknown and blocks every action until payouts:reconcile resolves it', async () => {
    const [tid] = await rig.request([{ cid: 'c-blocked', currency: 'EUR', amount: 4_400 }]);
    const gateway = await gatewayOf(tid!);
    // The approve is applied but its answer is lost; the follow-up find-transaction answer does not verify.
    rig.sim.setFaults({ timeoutAfterApply: 1, wrongSignature: 1 });
    const outcome = await rig.engine.approve({ tid: tid!, gateway });
    expect(outcome).toMatchObject({ state: 'unknown', moneyMoved: 'unknown', errorCode: 'OUTCOME_UNKNOWN' });
    expect((await rig.engine.list()).rows[0]).toMatchObject({ tid, journalState: 'unknown' });

    expect((await refusal(rig.engine.approve({ tid: tid!, gateway }))).code).toBe('OUTCOME_UNKNOWN');
    expect((await refusal(rig.engine.reject({ tid: tid!, reasonCode: 'customer_asked' }))).code).toBe(
      'OUTCOME_UNKNOWN',
    );
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);

    const reconciled = await rig.engine.reconcile(tid!);
    expect(reconciled).toMatchObject({ state: 'done', moneyMoved: true, newStatus: 'split' });
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);
    expect((await rig.engine.list()).rows).toEqual([]);
    expect((await auditFor(tid!)).map((a) => a.action)).toEqual(['payouts:approve', 'payouts:reconcile']);
  });

  it('a split part lost on the wire is looked up by its order_id; the retry reuses that order_id', async () => {
    const [tid] = await rig.request([{ cid: 'c-split-retry', currency: 'EUR', amount: 8_000 }]);
    const gateway = await gatewayOf(tid!);
    rig.sim.setFaults({ http5xx: 1 });
    const [lost, notSent] = await rig.engine.split({
      tid: tid!,
      parts: [
        { amountMinor: 1_000, gateway },
        { amountMinor: 1_000, gateway },
      ],
    });
    expect(lost).toMatchObject({ state: 'failed', moneyMoved: false });
    expect(lost!.message).toContain(`reuses order_id wr${tid}-split-1`);
    expect(notSent).toMatchObject({
      state: 'failed',
      message: 'Part 2 was not sent because part 1 did not go through as asked.',
    });

    const [retried] = await rig.engine.split({ tid: tid!, parts: [{ amountMinor: 1_000, gateway }] });
    expect(retried).toMatchObject({ state: 'done' });
    expect((await rig.engine.detail(tid!)).parts.map((p) => p.orderId)).toEqual([`wr${tid}-split-1`]);
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);
  });

  it('crash recovery: a `sending` entry left behind is reconciled at start', async () => {
    const [paid, unsent] = await rig.request([
      { cid: 'c-crash-1', currency: 'EUR', amount: 2_500 },
      { cid: 'c-crash-2', currency: 'EUR', amount: 2_600 },
    ]);
    const gateway = await gatewayOf(paid!);
    // The desk wrote its intent, sent the first one, and died before recording either answer.
    for (const tid of [paid!, unsent!]) {
      await rig.store.journal.begin({
        itemKind: 'transaction',
        itemId: String(tid),
        action: 'payouts:approve',
        operator: 'Ana',
        request: { intent: 'complete-withdrawal-request', withdrawal_request_id: tid, gateway },
      });
    }
    await rig.client.completeWithdrawalRequest(paid!, gateway);
    // Still within their senders' lease: a restart now leaves them alone.
    expect(await rig.restartEngine().recoverUnresolved()).toEqual([]);
    for (const tid of [paid!, unsent!]) await backdateJournal(tid, PRAXIS_ASSUMPTIONS.notAppliedAfterMs.value + 60_000);

    const recovered = await rig.restartEngine().recoverUnresolved();
    expect(recovered.map((o) => [o.tid, o.state, o.moneyMoved])).toEqual([
      [paid, 'done', true],
      [unsent, 'failed', false],
    ]);
    expect((await rig.simRecord(paid!)).payoutsMade).toBe(1);
    expect((await rig.simRecord(unsent!)).payoutsMade).toBe(0);
    expect(await rig.store.journal.unresolved(0)).toEqual([]);
    expect((await rig.engine.list()).rows.map((r) => r.tid)).toEqual([unsent]);
  });
});
