import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../src/core/log';
import { deskCalls } from '../support/desk-calls';
import type {
  ActionOutcome,
  GatewayOption,
  PayoutDetail,
  PayoutRow,
  PayoutSettings,
  SavedView,
} from '../../src/shared/payouts';
import type { OperatorView } from '../../src/shared/access';
import { defaultStoreLocation, openStore } from '../../src/core/store/work-store';
import { PRAXIS_ASSUMPTIONS } from '../../src/core/praxis/assumptions';

// The whole one-desk composition (PGlite file store, intake, embedded simulator) driven through the command table.
let dataDir: string;
let core: DeskCore | undefined;
const log = createMemoryLogger();
let untouchedTid = 0;

const open = async () => {
  core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    sandboxArrivalIntervalMs: null, // only what the test creates lands in the queues
    logger: log,
    secretStore: createMemorySecretStore('no keychain in this test'),
  });
  return core;
};
const { callRaw, call } = deskCalls(() => core!, log);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'payouts-desk-'));
});
afterAll(async () => {
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('payout channels in the desk core', () => {
  it('the sandbox fills the queue; approving through the command table announces the change to every window', async () => {
    await open();
    const changes: string[][] = [];
    core!.events.on('event:queue-changed', (c) => c.queue === 'payouts' && changes.push(c.ids));

    // The sandbox's book arrives by notification replay: wait until it holds two untouched requests, one below four-eyes.
    const ready = (rows: PayoutRow[]) => {
      const untouched = rows.filter((r) => r.status === 'requested' && r.journalState === null);
      return untouched.length >= 2 && untouched.some((r) => !r.needsSecondApproval);
    };
    await expect
      .poll(async () => ready((await call<{ rows: PayoutRow[] }>('payouts:list')).rows), { timeout: 30_000 })
      .toBe(true);
    const { rows } = await call<{ rows: PayoutRow[] }>('payouts:list');
    const row = rows.find((r) => !r.needsSecondApproval && r.status === 'requested' && r.journalState === null)!;
    untouchedTid = rows.find((r) => r.tid !== row.tid && r.status === 'requested' && r.journalState === null)!.tid;
    const [gateway] = await call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    changes.length = 0;

    const outcome = await call<ActionOutcome>('payouts:approve', { tid: row.tid, gateway: gateway!.id });
    expect(outcome).toMatchObject({ tid: row.tid, state: 'done', moneyMoved: true });
    await expect.poll(() => changes.flat().includes(String(row.tid)), { timeout: 5_000 }).toBe(true);
    const [after] = await call<PayoutRow[]>('payouts:rows', { tids: [row.tid] });
    expect(after).toMatchObject({ tid: row.tid, status: 'split', journalState: null });

    const bad = await callRaw('payouts:approve', { tid: row.tid, gateway: '' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('Pick a gateway') },
    });
  });

  it('settings, views and operators survive a restart; a send left `sending` by a crash is reconciled at start; a PIN is never returned', async () => {
    const defaults = await call<PayoutSettings>('payout-settings:get');
    expect(defaults).toMatchObject({ bulkConcurrency: 8, slaWarnMinutes: 30 });
    const refused = await callRaw('payout-settings:save', { ...defaults, slaLateMinutes: 10 });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'slaLateMinutes: must be more than the SLA warning (30 minutes)',
      },
    });
    await call('payout-settings:save', {
      ...defaults,
      slaWarnMinutes: 15,
      fourEyesThresholds: { ...defaults.fourEyesThresholds, CHF: 300_000 },
    });

    const view = await call<SavedView>('views:save', {
      name: 'Big EUR',
      state: { currency: 'EUR', minAmountMinor: 100_000 },
    });
    await call('views:save', { name: 'Late ones', state: { age: 'late' } });
    const operators = await call<OperatorView[]>('operators:add', { name: 'Bo', pin: '73914', role: 'backoffice' });
    expect(JSON.stringify(operators)).not.toContain('73914');
    expect((await callRaw('operators:add', { name: 'bo', pin: '1111', role: 'agent' })).ok).toBe(false);

    await core!.close();
    // A crash mid-send: the intent is in the journal, the answer never recorded.
    const store = await openStore(defaultStoreLocation(dataDir));
    await store.journal.begin({
      itemKind: 'transaction',
      itemId: String(untouchedTid),
      action: 'payouts:approve',
      operator: 'Ana',
      request: { withdrawal_request_id: untouchedTid },
    });
    // …long enough ago that its sender's lease ran out and the not-applied rule can speak.
    await store.db.query(`UPDATE action_journal SET created_at = created_at - $1 * interval '1 millisecond'`, [
      PRAXIS_ASSUMPTIONS.notAppliedAfterMs.value + 60_000,
    ]);
    await store.close();
    await open();
    // The desk looks it up at start (the sandbox's book is seeded the same way, so the request is still unpaid there).
    await expect
      .poll(async () => (await call<PayoutDetail>('payouts:detail', { tid: untouchedTid })).journal.at(-1)?.state, {
        timeout: 20_000,
      })
      .toBe('failed');
    const [entry] = (await call<PayoutDetail>('payouts:detail', { tid: untouchedTid })).journal;
    expect(entry!.praxisDescription).toContain('was not applied');
    expect(await call<PayoutSettings>('payout-settings:get')).toMatchObject({
      slaWarnMinutes: 15,
      fourEyesThresholds: { CHF: 300_000 },
    });
    expect((await call<SavedView[]>('views:list')).map((v) => v.name)).toEqual(['Big EUR', 'Late ones']);
    expect((await call<SavedView[]>('views:remove', { id: view.id })).map((v) => v.name)).toEqual(['Late ones']);
    expect((await call<OperatorView[]>('operators:list')).map((o) => o.name)).toEqual(['Bo']);
    expect(await call<OperatorView[]>('operators:remove', { name: 'BO' })).toEqual([]);
    for (const line of log.lines) expect(line).not.toContain('73914');
  });
});
