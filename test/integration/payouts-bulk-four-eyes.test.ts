import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addOperator } from '../../src/core/operators/operator-registry';
import { emptyStore } from '../support/store-backends';
import { refusal, startPayoutRig, type PayoutRig } from '../support/payout-rig';

let rig: PayoutRig;
beforeAll(async () => {
  rig = await startPayoutRig({ operator: 'Ana', timeoutMs: 15_000 });
});
afterAll(async () => rig?.close());
beforeEach(async () => {
  rig.sim.clearFaults();
  rig.progress.length = 0;
  await emptyStore(rig.store);
});

// EUR's default four-eyes threshold is €5,000.00.
const BIG = 600_000;

describe('bulk approve', () => {
  it('approves 200 with a few failures: per-item results, the others all paid once, totals per currency', async () => {
    const items = Array.from({ length: 200 }, (_, i) => ({
      cid: `bulk-${i % 40}`,
      currency: i % 4 === 0 ? 'GBP' : 'EUR',
      amount: 1_000 + i,
    }));
    items[10] = { cid: 'bulk-big-1', currency: 'EUR', amount: BIG };
    items[20] = { cid: 'bulk-big-2', currency: 'EUR', amount: BIG };
    const tids = await rig.request(items);
    // Three requests were cancelled at Praxis behind the desk's back: Praxis refuses to pay them.
    const cancelledElsewhere = [tids[30]!, tids[31]!, tids[33]!];
    for (const tid of cancelledElsewhere) await rig.client.cancelWithdrawalRequest(tid);

    const outcome = await rig.engine.bulk({ action: 'approve', tids });

    expect(outcome.results).toHaveLength(200);
    expect(outcome.results.map((r) => r.tid)).toEqual(tids);
    const failed = outcome.results.filter((r) => r.state !== 'done');
    expect(failed.map((r) => [r.tid, r.errorCode])).toEqual([
      [tids[10], 'FOUR_EYES'],
      [tids[20], 'FOUR_EYES'],
      [tids[30], 'PRAXIS_REJECTED'],
      [tids[31], 'PRAXIS_REJECTED'],
      [tids[33], 'PRAXIS_REJECTED'],
    ]);
    expect(failed[2]!.message).toContain('Payout is already cancelled.');
    expect(outcome.failedCount).toBe(5);

    const doneTids = outcome.results.filter((r) => r.state === 'done').map((r) => r.tid);
    expect(doneTids).toHaveLength(195);
    const made = await Promise.all(tids.map(async (tid) => (await rig.simRecord(tid)).payoutsMade));
    expect(made.reduce((a, b) => a + b, 0)).toBe(195);
    expect(tids.filter((_, i) => made[i] === 1)).toEqual(doneTids);

    const expected = (cur: string) => {
      const rows = items
        .map((it, i) => ({ ...it, tid: tids[i]! }))
        .filter((r) => r.currency === cur && doneTids.includes(r.tid));
      return { currency: cur, count: rows.length, totalMinor: rows.reduce((s, r) => s + r.amount, 0) };
    };
    expect(outcome.succeeded).toEqual([expected('EUR'), expected('GBP')]);
    expect(rig.progress.at(-1)).toEqual({ action: 'approve', queue: 'payouts', done: 200, total: 200 });
    // Only the refused items are still waiting (the cancelled ones left the queue when the refusal refreshed them).
    expect((await rig.engine.list()).rows.map((r) => r.tid)).toEqual([tids[10], tids[20]]);
  });

  it('bulk reject needs a reason from the list and records it for every item', async () => {
    const tids = await rig.request([1, 2, 3].map((i) => ({ cid: `rj-${i}`, currency: 'EUR', amount: 500 * i })));
    expect((await refusal(rig.engine.bulk({ action: 'reject', tids, reasonCode: 'nope' }))).code).toBe('VALIDATION');
    const outcome = await rig.engine.bulk({
      action: 'reject',
      tids,
      reasonCode: 'duplicate_request',
      note: 'Sent twice by the CRM',
    });
    expect(outcome.results.map((r) => r.state)).toEqual(['done', 'done', 'done']);
    for (const tid of tids) {
      expect((await rig.simRecord(tid)).cancelsMade).toBe(1);
      expect((await rig.engine.detail(tid)).audit.at(-1)).toMatchObject({
        action: 'payouts:reject',
        details: { reasonCode: 'duplicate_request', note: 'Sent twice by the CRM' },
      });
    }
  });
});

describe('four-eyes, enforced in the core', () => {
  it('refuses without a second operator, with the same operator, with a wrong PIN; accepts a different operator with their PIN', async () => {
    await addOperator(rig.store, { name: 'Bo', pin: '48213579', role: 'manager' }, 'Ana');
    const [tid] = await rig.request([{ cid: 'fe-1', currency: 'EUR', amount: BIG }]);
    const gateway = (await rig.engine.gateways(tid!))[0]!.id;
    expect((await rig.engine.list()).rows[0]).toMatchObject({ tid, needsSecondApproval: true });

    const missing = await refusal(rig.engine.approve({ tid: tid!, gateway }));
    expect([missing.code, missing.message]).toEqual(['FOUR_EYES', expect.stringContaining('needs a second operator')]);
    const same = await refusal(
      rig.engine.approve({ tid: tid!, gateway, secondApprover: { operator: ' ana ', pin: '48213579' } }),
    );
    expect([same.code, same.message]).toEqual([
      'FOUR_EYES',
      expect.stringContaining('A different operator must confirm'),
    ]);
    const wrong = await refusal(
      rig.engine.approve({ tid: tid!, gateway, secondApprover: { operator: 'Bo', pin: '11112222' } }),
    );
    // A wrong PIN and an unknown name read the same: the screen never tells which part was wrong.
    expect([wrong.code, wrong.message]).toEqual(['FOUR_EYES', expect.stringContaining('name or PIN is not right')]);
    const stranger = await refusal(
      rig.engine.approve({ tid: tid!, gateway, secondApprover: { operator: 'Cy', pin: '48213579' } }),
    );
    expect([stranger.code, stranger.message]).toEqual([
      'FOUR_EYES',
      expect.stringContaining('name or PIN is not right'),
    ]);
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(0);
    expect((await rig.engine.detail(tid!)).journal).toEqual([]);

    const ok = await rig.engine.approve({ tid: tid!, gateway, secondApprover: { operator: 'bo', pin: '48213579' } });
    expect(ok).toMatchObject({ state: 'done', moneyMoved: true });
    expect((await rig.simRecord(tid!)).payoutsMade).toBe(1);

    const audit = (await rig.engine.detail(tid!)).audit;
    expect(audit.map((a) => [a.action, a.details.reason ?? null])).toEqual([
      ['payouts:four-eyes-refused', 'same_operator'],
      ['payouts:four-eyes-refused', 'wrong_pin'],
      ['payouts:four-eyes-refused', 'unknown_operator'],
      ['payouts:approve', null],
    ]);
    expect(audit.at(-1)!.details).toMatchObject({ secondApprover: 'Bo', result: 'done' });
    // The PIN is kept only as a salted hash: not in the audit log, not in the settings table.
    const dump =
      JSON.stringify((await rig.store.db.query('SELECT * FROM audit_log')).rows) +
      JSON.stringify((await rig.store.db.query('SELECT * FROM settings')).rows);
    expect(dump).not.toContain('48213579');
    expect(dump).not.toContain('11112222');
  });

  it('a split of a request above the threshold needs the second operator too', async () => {
    await addOperator(rig.store, { name: 'Bo', pin: '4821', role: 'manager' }, 'Ana');
    const [tid] = await rig.request([{ cid: 'fe-2', currency: 'EUR', amount: BIG }]);
    const gateway = (await rig.engine.gateways(tid!))[0]!.id;
    expect((await refusal(rig.engine.split({ tid: tid!, parts: [{ amountMinor: 1_000, gateway }] }))).code).toBe(
      'FOUR_EYES',
    );
    const [part] = await rig.engine.split({
      tid: tid!,
      parts: [{ amountMinor: 1_000, gateway }],
      secondApprover: { operator: 'Bo', pin: '4821' },
    });
    expect(part).toMatchObject({ state: 'done' });
  });

  it('bulk approve applies the rule per item: a wrong PIN fails only the items that need it', async () => {
    await addOperator(rig.store, { name: 'Bo', pin: '4821', role: 'manager' }, 'Ana');
    const tids = await rig.request([
      { cid: 'fe-3', currency: 'EUR', amount: BIG },
      { cid: 'fe-4', currency: 'EUR', amount: 2_000 },
      { cid: 'fe-5', currency: 'EUR', amount: BIG + 1 },
    ]);
    const wrong = await rig.engine.bulk({ action: 'approve', tids, secondApprover: { operator: 'Bo', pin: '9999' } });
    expect(wrong.results.map((r) => [r.state, r.errorCode ?? null])).toEqual([
      ['failed', 'FOUR_EYES'],
      ['done', null],
      ['failed', 'FOUR_EYES'],
    ]);
    const right = await rig.engine.bulk({
      action: 'approve',
      tids: [tids[0]!, tids[2]!],
      secondApprover: { operator: 'Bo', pin: '4821' },
    });
    expect(right.results.map((r) => r.state)).toEqual(['done', 'done']);
    expect(right.succeeded).toEqual([{ currency: 'EUR', count: 2, totalMinor: BIG * 2 + 1 }]);
  });
});
