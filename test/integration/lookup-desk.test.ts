import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { dispatch } from '../../src/core/commands/dispatch';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../src/core/log';
import type { Result } from '../../src/shared/errors';
import type { LookupResult, PraxisObjects } from '../../src/shared/lookup';
import type { PayoutRow } from '../../src/shared/payouts';

// lookup:run through the whole one-desk composition: a request the intake never heard of joins the queue by id.
let dataDir: string;
let core: DeskCore;
const log = createMemoryLogger();
const call = (channel: string, input: unknown): Promise<Result<unknown>> =>
  dispatch(core.handlers, channel, input, { transport: 'test', connection: 'test' }, log);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lookup-desk-'));
  core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    sandboxArrivalIntervalMs: null, // only what the test creates lands in the queues
    logger: log,
    secretStore: createMemorySecretStore('no keychain in this test'),
  });
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('lookup by id in the desk core', () => {
  it('hydrates an unnotified withdrawal request into the payout queue and lists bad ids with their reason', async () => {
    const { simulatorUrl } = await core.info();
    // Notifications for this request go to a closed port, so only the lookup can bring it in.
    const created = await fetch(`${simulatorUrl}/_sim/withdrawal-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        cid: 'lookup-cust-1',
        currency: 'EUR',
        amount: 4321,
        notification_url: 'http://127.0.0.1:9/praxis/notification',
      }),
    });
    const { tid } = (await created.json()) as { tid: number };
    const before = (await call('payouts:rows', { tids: [tid] })) as Result<PayoutRow[]>;
    expect(before.ok && before.data).toEqual([]);

    const progress: number[] = [];
    core.events.on('event:lookup-progress', (p) => progress.push(p.done));
    const res = (await call('lookup:run', { ids: [String(tid), '999999999', 'no-such-order'] })) as Result<
      LookupResult[]
    >;
    if (!res.ok) throw new Error(res.error.message);
    const [found, missingTid, missingOrder] = res.data;
    expect(found).toMatchObject({
      id: String(tid),
      ok: true,
      tid,
      status: 'requested',
      amountMinor: 4321,
      currency: 'EUR',
      queue: 'payouts',
    });
    expect(missingTid).toMatchObject({ id: '999999999', ok: false });
    expect(missingOrder).toMatchObject({ id: 'no-such-order', ok: false, kind: 'order_id' });
    expect(progress.at(-1)).toBe(3);

    const after = (await call('payouts:rows', { tids: [tid] })) as Result<PayoutRow[]>;
    expect(after.ok && after.data[0]).toMatchObject({ tid, amountMinor: 4321, currency: 'EUR', status: 'requested' });
  });

  it('shows the Praxis objects of a looked-up item as Praxis sent them, and says plainly when it has none', async () => {
    const { simulatorUrl } = await core.info();
    const created = await fetch(`${simulatorUrl}/_sim/withdrawal-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        cid: 'lookup-cust-raw',
        currency: 'EUR',
        amount: 2500,
        notification_url: 'http://127.0.0.1:9/praxis/notification',
      }),
    });
    const { tid } = (await created.json()) as { tid: number };
    const missing = await call('lookup:praxis-objects', { tid });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('Look it up') },
    });

    expect((await call('lookup:run', { ids: [String(tid)] })).ok).toBe(true);
    const res = (await call('lookup:praxis-objects', { tid })) as Result<PraxisObjects>;
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({
      tid,
      lastSource: 'lookup',
      transaction: { tid, amount: 2500, currency: 'EUR', transaction_type: 'payout', transaction_status: 'requested' },
    });
    expect(res.data.customer).toMatchObject({ customer_token: expect.any(String) });
    // The session's token would open the customer's cashier: it is hidden, and so is every such token.
    expect(res.data.session).toMatchObject({ auth_token: '[hidden by the desk]', intent: 'withdrawal' });
    expect(JSON.stringify(res.data)).not.toMatch(/"(auth_token|card_token|wallet_token)":"(?!\[hidden)/);
    expect(Date.parse(res.data.observedAt)).not.toBeNaN();

    expect(await call('lookup:praxis-objects', { tid: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('refuses an empty list with a VALIDATION error that says what to do', async () => {
    const res = await call('lookup:run', { ids: [] });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('Paste at least one tid or order_id') },
    });
  });
});
