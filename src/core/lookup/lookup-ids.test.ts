import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPraxisClient, type PraxisClient } from '../praxis';
import { startSimulator, type Simulator } from '../sandbox';
import { openStore, type WorkStore } from '../store/work-store';
import { emptyStore } from '../../../test/support/store-backends';
import { createLookupHandler } from './lookup-handler';
import { lookupIds } from './lookup-ids';
import { parseIdList } from './parse-ids';
import { runAs, SANDBOX_ACTOR } from '../access/actor';

// Withdrawals and holds are shown only to roles that may open their screens: these look-ups are a manager's.
const lookupAsManager = (...args: Parameters<typeof lookupIds>) => runAs(SANDBOX_ACTOR, () => lookupIds(...args));

describe('parseIdList', () => {
  it('reads pasted ids separated by lines, commas and spaces, dropping blanks and repeats', () => {
    expect(parseIdList('1001\n\n order_a, 1002;1001\torder_b  ')).toEqual(['1001', 'order_a', '1002', 'order_b']);
  });
  it('takes the tid / order_id / id column of a CSV and skips its header', () => {
    expect(parseIdList('name,order_id,amount\nAna,ord-1,10\nBo,"ord,2",20\n\nCy,,30')).toEqual(['ord-1', 'ord,2']);
    expect(parseIdList('TID;status\n501;requested\n502;approved')).toEqual(['501', '502']);
  });
  it('takes the first column of a CSV without a known header, skipping a header of words', () => {
    expect(parseIdList('reference,amount\n7001,10\n7002,20')).toEqual(['7001', '7002']);
    expect(parseIdList('7001,10\n7002,20')).toEqual(['7001', '7002']);
  });
  it('returns nothing for empty input', () => {
    expect(parseIdList(' \n ')).toEqual([]);
  });
});

describe('lookupIds against the simulator over HTTP', () => {
  let sim: Simulator;
  let client: PraxisClient;
  let store: WorkStore;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationUrl: null });
    client = createPraxisClient({ baseUrl: sim.url, ...sim.credentials });
    store = await openStore({ kind: 'memory' });
  });
  afterAll(async () => {
    await sim?.stop();
    await store?.close();
  });
  beforeEach(async () => {
    sim.clearFaults();
    await emptyStore(store);
  });

  const orderIdOf = async (tid: number) =>
    ((await (await fetch(`${sim.url}/_sim/transactions/${tid}`)).json()) as { order_id: string }).order_id;

  it('hydrates tids and order_ids, queues pending requests and open holds, and reports bad ids without affecting the rest', async () => {
    const wr = sim.createWithdrawalRequest({ cid: 'cust-7', currency: 'EUR', amount: 4200 }).tid;
    const auth = sim.createAuthorization({ cid: 'cust-8', currency: 'JPY', amount: 5000 }).tid;
    const authOrder = await orderIdOf(auth);
    const progress: number[] = [];

    const results = await lookupAsManager(
      [String(wr), authOrder, '999999', 'no-such-order', '0', 'x'.repeat(60), String(wr), ''],
      {
        client,
        store,
        concurrency: 3,
        onProgress: (p) => progress.push(p.done),
      },
    );

    expect(results).toHaveLength(6); // distinct, non-blank ids
    expect(results[0]).toMatchObject({
      id: String(wr),
      kind: 'tid',
      ok: true,
      tid: wr,
      type: 'payout',
      status: 'requested',
      amountMinor: 4200,
      currency: 'EUR',
      queue: 'payouts',
    });
    expect(results[1]).toMatchObject({
      id: authOrder,
      kind: 'order_id',
      ok: true,
      tid: auth,
      type: 'authorization',
      status: 'authorized',
      amountMinor: 5000,
      currency: 'JPY',
      queue: 'deposits',
    });
    expect(results[2]).toMatchObject({ id: '999999', ok: false, code: 'NOT_FOUND' });
    expect(results[3]).toMatchObject({ id: 'no-such-order', ok: false, code: 'NOT_FOUND' });
    expect(results[4]).toMatchObject({ id: '0', kind: 'invalid', code: 'VALIDATION' });
    expect(results[5]).toMatchObject({ kind: 'invalid', code: 'VALIDATION' });
    expect(progress.at(-1)).toBe(6);

    expect((await store.pendingWithdrawals()).map((p) => [p.tid, p.cid])).toEqual([[wr, 'cust-7']]);
    expect((await store.openAuthorizations()).map((a) => a.tid)).toEqual([auth]);
  });

  it('names an authentication failure for each id and stores nothing', async () => {
    const wr = sim.createWithdrawalRequest({ cid: 'cust-9', currency: 'EUR', amount: 100 }).tid;
    const wrongSecret = createPraxisClient({ baseUrl: sim.url, ...sim.credentials, secret: 'not-the-secret' });
    const [r] = await lookupAsManager([String(wr)], { client: wrongSecret, store });
    expect(r).toMatchObject({ ok: false, code: 'AUTH' });
    expect(await store.getTransaction(wr)).toBeNull();
  });

  it('keeps going when a call fails at the network level', async () => {
    const a = sim.createWithdrawalRequest({ cid: 'cust-10', currency: 'EUR', amount: 100 }).tid;
    const b = sim.createWithdrawalRequest({ cid: 'cust-11', currency: 'EUR', amount: 200 }).tid;
    sim.setFaults({ http5xx: 1 });
    const results = await lookupAsManager([String(a), String(b)], { client, store, concurrency: 1 });
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect((await store.pendingWithdrawals()).map((p) => p.tid)).toEqual([b]);
  });
});

describe('the lookup:run handler body', () => {
  it('looks ids up with the profile client and ends with a full progress event', async () => {
    const sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationUrl: null });
    const store = await openStore({ kind: 'memory' });
    try {
      const wr = sim.createWithdrawalRequest({ cid: 'h1', currency: 'EUR', amount: 100 }).tid;
      const events: { done: number; total: number }[] = [];
      const run = createLookupHandler({
        client: async () => createPraxisClient({ baseUrl: sim.url, ...sim.credentials }),
        store: () => store,
        emitProgress: (p) => events.push(p),
        progressEveryMs: 10_000,
      });
      const results = await runAs(SANDBOX_ACTOR, () =>
        run({ ids: [String(wr), 'bad id that is far too long for an order_id field at Praxis'] }),
      );
      expect(results.map((r) => r.ok)).toEqual([true, false]);
      expect(events.at(-1)).toEqual({ done: 2, total: 2 });
      expect(events.length).toBeLessThanOrEqual(2);
    } finally {
      await sim.stop();
      await store.close();
    }
  });
});
