import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../src/core/log';
import type { AppInfo, Profile, ProfilesState } from '../../src/shared/domain';
import type { WireError } from '../../src/shared/errors';
import type { ActionOutcome, BulkOutcome, GatewayOption, PayoutDetail, PayoutRow } from '../../src/shared/payouts';
import { deskCalls } from '../support/desk-calls';

// The whole one-desk composition: the work store belongs to the active profile, never to whichever was active at start.
let dataDir: string;
let core: DeskCore;
let simUrl: string;
let other: Profile;
const log = createMemoryLogger();

const { callRaw, call } = deskCalls(() => core, log);
const queue = async () => (await call<{ rows: PayoutRow[] }>('payouts:list')).rows;
const payoutsMadeAtSim = async (tid: number): Promise<number> =>
  ((await (await fetch(`${simUrl}/_sim/transactions/${tid}`)).json()) as { payoutsMade: number }).payoutsMade;
const simAdmin = (path: string, body: unknown, signal?: AbortSignal) =>
  fetch(`${simUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });

/** Activates a profile while asking for the queue every few ms; returns what those calls answered during the switch. */
async function activateWhileAsking(id: string): Promise<{ state: ProfilesState; refusals: WireError[] }> {
  let settled = false;
  const activation = call<ProfilesState>('profiles:activate', { id }).finally(() => (settled = true));
  const refusals: WireError[] = [];
  while (!settled) {
    const r = await callRaw('payouts:list');
    if (!r.ok) refusals.push(r.error);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { state: await activation, refusals };
}

let sandboxTid = 0;
let approvedTid = 0;
let missedTid = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'profile-stores-'));
  core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    sandboxArrivalIntervalMs: null, // only what the test creates lands in the queues
    intakeRefusalLimits: { logLinesPerMinute: 10_000 }, // the test reads each refusal's log line
    logger: log,
    secretStore: createMemorySecretStore('no keychain in this test'),
  });
  simUrl = (await call<AppInfo>('app:info')).simulatorUrl!;
  // Another merchant's account, reached at the embedded simulator's address (which knows only the sandbox merchant).
  other = await call<Profile>('profiles:save', {
    name: 'Other merchant',
    environment: 'custom',
    customBaseUrl: simUrl,
    merchantId: 'Other-Merchant',
    applicationKey: 'OtherKey',
  });
  await call('credentials:set', { profileId: other.id, secret: 'other-merchant-secret' });
});
afterAll(async () => {
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the work store follows the active profile', () => {
  it('a switch waits for an approval in flight, refuses commands meanwhile, then shows the other profile its own empty queue', async () => {
    const untouched = (rows: PayoutRow[]) =>
      rows.filter((r) => r.status === 'requested' && r.journalState === null && !r.needsSecondApproval);
    await expect.poll(async () => untouched(await queue()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const [first, second] = untouched(await queue());
    approvedTid = first!.tid;
    sandboxTid = second!.tid;
    const [gateway] = await call<GatewayOption[]>('payouts:gateways', { tid: approvedTid });

    // A slow Praxis: the approval is still on its way when the operator switches profile.
    await simAdmin('/_sim/faults', { latencyMs: 1_500 });
    const approval = call<ActionOutcome>('payouts:approve', { tid: approvedTid, gateway: gateway!.id });
    await expect
      .poll(async () => (await call<PayoutRow[]>('payouts:rows', { tids: [approvedTid] }))[0]?.journalState, {
        timeout: 5_000,
      })
      .toBe('sending');
    const { state, refusals } = await activateWhileAsking(other.id);
    await fetch(`${simUrl}/_sim/faults`, { method: 'DELETE' });

    // The approval finished on the sandbox's store with the sandbox's credentials, once.
    expect(await approval).toMatchObject({ tid: approvedTid, state: 'done', moneyMoved: true });
    expect(await payoutsMadeAtSim(approvedTid)).toBe(1);
    expect(state.activeProfileId).toBe(other.id);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toEqual({
      code: 'STORE',
      message: 'The desk is switching to profile "Other merchant"; try again in a moment. Nothing was done.',
      details: { storeState: 'switching' },
    });

    // No sandbox request under the other merchant, even as the simulator keeps notifying (refused: another merchant_id).
    expect(await queue()).toEqual([]);
    const refusedBefore = log.lines.filter((l) => l.includes('wrong_merchant')).length;
    // The replay's answer waits for the simulator's retries of every refused notification: only its effect is awaited.
    const replay = new AbortController();
    void simAdmin('/_sim/replay-notifications', {}, replay.signal).catch(() => undefined);
    await expect
      .poll(() => log.lines.filter((l) => l.includes('wrong_merchant')).length, { timeout: 10_000 })
      .toBeGreaterThan(refusedBefore + 10);
    replay.abort();
    // A request the sandbox receives now is refused here too; reopening the sandbox's store must refill it.
    const created = await simAdmin('/_sim/withdrawal-requests', { cid: 'switch-cust', currency: 'EUR', amount: 4_200 });
    missedTid = ((await created.json()) as { tid: number }).tid;
    await expect
      .poll(() => log.lines.some((l) => l.includes('wrong_merchant') && l.includes(String(missedTid))), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await queue()).toEqual([]);
  });

  it('no sandbox request can be read or acted on from the other profile, and nothing reaches the simulator', async () => {
    for (const tid of [sandboxTid, approvedTid]) {
      expect(await callRaw('payouts:detail', { tid })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await callRaw('payouts:gateways', { tid })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await callRaw('payouts:approve', { tid, gateway: 'any-gateway' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await callRaw('payouts:reject', { tid, reasonCode: 'kyc_incomplete' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(
        await callRaw('payouts:split', { tid, parts: [{ amountMinor: 100, gateway: 'any-gateway' }] }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await callRaw('payouts:reconcile', { tid })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const bulk = await call<BulkOutcome>('payouts:bulk', { action: 'approve', tids: [sandboxTid] });
    expect(bulk.results).toMatchObject([
      { tid: sandboxTid, state: 'failed', moneyMoved: false, errorCode: 'NOT_FOUND' },
    ]);
    expect(await payoutsMadeAtSim(sandboxTid)).toBe(0);
    expect(await payoutsMadeAtSim(approvedTid)).toBe(1);
    // Each profile has its own PGlite folder; the sandbox keeps the one a first start created.
    await access(join(dataDir, 'stores', other.id));
    await access(join(dataDir, 'store'));
  });

  it('switching back shows the sandbox queue again, with the journal and audit of what was done there', async () => {
    const events: string[] = [];
    const off = core.events.on('event:profiles-changed', (s) => events.push(s.activeProfileId ?? ''));
    const { refusals } = await activateWhileAsking('embedded-sandbox');
    off();
    expect(
      refusals.every((e) => e.code === 'STORE' && e.message.includes('switching to profile "Embedded sandbox"')),
    ).toBe(true);
    // Windows hear of the profile once its store is open, so the reload they do then lands on the right queue.
    expect(events).toEqual(['embedded-sandbox']);

    expect((await queue()).map((r) => r.tid)).toContain(sandboxTid);
    await expect.poll(async () => (await queue()).map((r) => r.tid), { timeout: 15_000 }).toContain(missedTid);
    const detail = await call<PayoutDetail>('payouts:detail', { tid: approvedTid });
    expect(detail.journal).toMatchObject([{ action: 'payouts:approve', state: 'done', operator: 'Sandbox operator' }]);
    expect(detail.audit).toMatchObject([{ action: 'payouts:approve', operator: 'Sandbox operator' }]);
    expect(await payoutsMadeAtSim(sandboxTid)).toBe(0);
  });

  it('removing a profile keeps its store folder and says so in the log', async () => {
    await call('profiles:remove', { id: other.id });
    await access(join(dataDir, 'stores', other.id));
    const line = log.lines.find((l) => l.includes('profile removed; its work store is kept'));
    expect(line).toContain(other.id);
    expect(line).toContain(join(dataDir, 'stores', other.id));
  });
});
