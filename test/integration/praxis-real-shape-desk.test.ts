/**
 * The desk against what Praxis really sends (api-reference §8a), through the whole one-desk composition: no
 * created_at, empty customer names, null processed amounts, status_details, and `"transaction": null`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { dispatch } from '../../src/core/commands/dispatch';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../src/core/log';
import { createPraxisClient } from '../../src/core/praxis';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import type { LookupResult } from '../../src/shared/lookup';
import type { PayoutDetail, PayoutRow } from '../../src/shared/payouts';

let dataDir: string;
let core: DeskCore;
let simUrl: string;
const log = createMemoryLogger();
const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const r = await dispatch(core.handlers, channel, input, { transport: 'test', connection: 'test' }, log);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
};
const createRequest = async (body: Record<string, unknown>): Promise<number> => {
  const res = await fetch(`${simUrl}/_sim/withdrawal-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { tid: number }).tid;
};
const setFaults = (faults: Record<string, unknown>) =>
  fetch(`${simUrl}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
const rowOf = async (tid: number) => (await call<PayoutRow[]>('payouts:rows', { tids: [tid] }))[0];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'real-shape-desk-'));
  core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    sandboxArrivalIntervalMs: null, // only what the test creates lands in the queues
    logger: log,
    secretStore: createMemorySecretStore('no keychain in this test'),
  });
  const info = await core.info();
  simUrl = info.simulatorUrl!;
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the desk with what Praxis really sends', () => {
  it("a notified request without created_at or a name: its age is the first notification's time, the cid stands for the name, the requested amount is labelled", async () => {
    const before = Date.now();
    const tid = await createRequest({ cid: 'payee-820002060', currency: 'EUR', amount: 31_920 });
    await expect.poll(() => rowOf(tid), { timeout: 10_000 }).toBeDefined();
    const row = (await rowOf(tid))!;
    expect(row).toMatchObject({ cid: 'payee-820002060', customerName: null, status: 'requested' });
    const age = Date.parse(row.createdAt);
    expect(age).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(age).toBeLessThanOrEqual(Date.now());

    const detail = await call<PayoutDetail>('payouts:detail', { tid });
    expect(detail.age).toEqual({ since: row.createdAt, from: 'notification' });
    expect(detail.processed).toBeNull();
  });

  it('a request found by lookup before any notification: its age is when the desk first saw it', async () => {
    const tid = await createRequest({
      cid: 'payee-lookup',
      currency: 'EUR',
      amount: 5_000,
      notification_url: 'http://127.0.0.1:9/praxis/notification',
    });
    const [found] = await call<LookupResult[]>('lookup:run', { ids: [String(tid)] });
    expect(found).toMatchObject({ ok: true, tid, queue: 'payouts' });
    const detail = await call<PayoutDetail>('payouts:detail', { tid });
    expect(detail.age.from).toBe('first-seen');
  });

  it("a payout's status_details are shown where they explain an error; an approval's are not", async () => {
    const tid = await createRequest({ cid: 'payee-error', currency: 'EUR', amount: 10_000 });
    await expect.poll(() => rowOf(tid), { timeout: 10_000 }).toBeDefined();
    // A part the PSP is still processing…
    await setFaults({ holdPayouts: true });
    const client = createPraxisClient({ baseUrl: simUrl, ...SANDBOX_SAMPLE });
    const [gateway] = await call<{ id: string }[]>('payouts:gateways', { tid });
    const part = (
      await client.splitWithdrawalRequest({
        withdrawalRequestId: tid,
        amountMinor: 4_000,
        currency: 'EUR',
        orderId: `wr${tid}-error`,
        gateway: gateway!.id,
      })
    ).transaction.tid;
    const parts = async () => (await call<PayoutDetail>('payouts:detail', { tid })).parts.map((p) => [p.tid, p.status]);
    await expect.poll(parts, { timeout: 10_000 }).toEqual([[part, 'pending']]);
    // …then errors there, and Praxis's own answer says why.
    await setFaults({
      findStatus: [{ tid: part, status: 'error', details: '[TEST] Beneficiary account closed', seconds: 60 }],
    });
    await call<LookupResult[]>('lookup:run', { ids: [String(part)] });
    const detail = await call<PayoutDetail>('payouts:detail', { tid });
    expect(detail.parts.map((p) => [p.tid, p.status])).toEqual([[part, 'error']]);
    expect(detail.statusDetails).toEqual({ [part]: '[TEST] Beneficiary account closed' });
    // An errored part moved no money: the request still waits.
    expect((await rowOf(tid))?.status).toBe('requested');
    await fetch(`${simUrl}/_sim/faults`, { method: 'DELETE' });
  });

  it('a notified change Praxis cannot confirm yet is shown as unconfirmed, not applied, and applied once it can', async () => {
    const tid = await createRequest({ cid: 'payee-unconfirmed', currency: 'EUR', amount: 3_300 });
    await expect.poll(() => rowOf(tid), { timeout: 10_000 }).toBeDefined();
    // Cancelled in the back office; its notification is lost on the way, and comes again later (a replay).
    await setFaults({ dropNotifications: 1 });
    await createPraxisClient({ baseUrl: simUrl, ...SANDBOX_SAMPLE }).cancelWithdrawalRequest(tid);
    // Look-ups of the claimed change fail: the change waits, shown but not applied. (Every call fails until the faults
    // are cleared: a single 5xx could be taken by the look-up of another replayed notification instead.)
    await setFaults({ http5xx: 1000 });
    await fetch(`${simUrl}/_sim/replay-notifications`, { method: 'POST' });
    await expect
      .poll(async () => (await call<PayoutDetail>('payouts:detail', { tid })).unconfirmed.map((c) => c.status), {
        timeout: 10_000,
      })
      .toEqual(['cancelled']);
    expect((await rowOf(tid))?.status).toBe('requested');
    await fetch(`${simUrl}/_sim/faults`, { method: 'DELETE' });
    // The next try (2 s later) reaches Praxis, whose signed answer applies the change.
    await expect.poll(async () => (await rowOf(tid))?.status, { timeout: 15_000 }).toBe('cancelled');
    expect((await call<PayoutDetail>('payouts:detail', { tid })).unconfirmed).toEqual([]);
  });

  it('an approved payout covering the request takes it out of the queue, though Praxis never notifies its split', async () => {
    const tid = await createRequest({ cid: 'payee-atlas', currency: 'EUR', amount: 2_500 });
    await expect.poll(() => rowOf(tid), { timeout: 10_000 }).toBeDefined();
    // Completed elsewhere (the back office, another desk): this desk hears only of the new payout.
    const client = createPraxisClient({ baseUrl: simUrl, ...SANDBOX_SAMPLE });
    const gateways = await call<{ id: string }[]>('payouts:gateways', { tid });
    await client.completeWithdrawalRequest(tid, gateways[0]!.id);
    await expect.poll(async () => (await rowOf(tid))?.status, { timeout: 10_000 }).toBe('split');
    const queue = await call<{ rows: PayoutRow[] }>('payouts:list', {});
    expect(queue.rows.map((r) => r.tid)).not.toContain(tid);
  });

  it('an expired virtual-terminal session arrives as "transaction": null, is stored, and lookup says so', async () => {
    const orderId = `vt-expired-${Date.now()}`;
    const client = createPraxisClient({ baseUrl: simUrl, ...SANDBOX_SAMPLE });
    await client.openVirtualTerminal({
      intent: 'payment',
      cid: 'cust-1001',
      orderId,
      currency: 'EUR',
      amountMinor: 1_000,
      agentName: 'Ana',
    });
    expect((await fetch(`${simUrl}/_sim/sessions/${orderId}/expire`, { method: 'POST' })).status).toBe(200);
    const accepted = async () =>
      log.lines.filter((l) => l.includes('notification accepted') && l.includes(`order:${orderId}:expired`)).length;
    await expect.poll(accepted, { timeout: 10_000 }).toBe(1);
    const [result] = await call<LookupResult[]>('lookup:run', { ids: [orderId] });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((result as { reason: string }).reason).toContain('session expired');
  });
});
