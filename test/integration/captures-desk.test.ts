import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../src/core/log';
import { deskCalls } from '../support/desk-calls';
import { PRAXIS_ASSUMPTIONS } from '../../src/core/praxis/assumptions';
import type { ActionOutcome } from '../../src/shared/actions';
import type {
  CaptureBulkOutcome,
  CaptureDetail,
  CapturePage,
  CaptureRow,
  CaptureSettings,
  ExpiringHold,
} from '../../src/shared/captures';
import type { DeskEvents } from '../../src/shared/ipc/contract';

// The whole one-desk composition (PGlite file store, intake, embedded simulator) driven through the command table:
// the sandbox's holds arrive by notification, a lapse at the simulator reaches the queue by itself.
let dataDir: string;
let core: DeskCore | undefined;
const log = createMemoryLogger();
const expiring: ExpiringHold[][] = [];
const progress: DeskEvents['event:bulk-progress'][] = [];
const changes: string[][] = [];

const open = async () => {
  core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    sandboxArrivalIntervalMs: null, // only what the test creates lands in the queues
    holdWatchIntervalMs: 300, // look for expiring holds often, so "not announced again" is seen quickly
    logger: log,
    secretStore: createMemorySecretStore('no keychain in this test'),
  });
  core.events.on('event:holds-expiring', (e) => expiring.push(e.items));
  core.events.on('event:bulk-progress', (p) => progress.push(p));
  core.events.on('event:queue-changed', (c) => c.queue === 'deposits' && changes.push(c.ids));
  return core;
};
const { call } = deskCalls(() => core!, log);
const simUrl = async () => (await call<{ simulatorUrl: string }>('app:info')).simulatorUrl;
const sim = async <T>(path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${await simUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return (await res.json()) as T;
};
const queue = async () => (await call<CapturePage>('captures:list')).rows;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'captures-desk-'));
  await open();
});
afterAll(async () => {
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('capture channels in the desk core', () => {
  it("the sandbox's holds fill the queue by time left; capture and bulk void go through the command table", async () => {
    await expect.poll(async () => (await queue()).length, { timeout: 30_000 }).toBe(25);
    const rows = await queue();
    expect(rows.map((r) => r.lapsesAt)).toEqual(rows.map((r) => r.lapsesAt).sort());
    expect(rows.every((r) => ['visa', 'mastercard'].includes(r.holdWindow.key) && r.cardType !== null)).toBe(true);

    const [first, second, third] = rows;
    changes.length = 0;
    const captured = await call<ActionOutcome>('captures:capture', { tid: first!.tid });
    expect(captured).toMatchObject({ state: 'done', moneyMoved: true, newStatus: 'approved' });
    await expect.poll(() => changes.flat().includes(String(first!.tid)), { timeout: 5_000 }).toBe(true);
    expect((await call<CaptureRow[]>('captures:rows', { tids: [first!.tid] }))[0]).toMatchObject({
      status: 'approved',
      journalState: null,
    });

    const voided = await call<CaptureBulkOutcome>('captures:bulk', {
      action: 'void',
      tids: [second!.tid, third!.tid],
      reasonCode: 'fraud_suspected',
      note: 'same card, two names',
    });
    expect(voided.results.map((r) => r.state)).toEqual(['done', 'done']);
    expect(progress.at(-1)).toEqual({ action: 'void', queue: 'deposits', done: 2, total: 2 });
    const detail = await call<CaptureDetail>('captures:detail', { tid: second!.tid });
    expect(detail.audit.at(-1)).toMatchObject({
      action: 'captures:void',
      details: { reasonCode: 'fraud_suspected', note: 'same card, two names' },
    });
    expect((await queue()).map((r) => r.tid)).not.toContain(first!.tid);
  }, 60_000);

  it("each hold's countdown uses its card brand's window: Visa 4 d 18 h, Mastercard 5 d", async () => {
    const hold = async (cardType: string) =>
      (
        await sim<{ tid: number }>('/_sim/authorizations', {
          cid: `brand-${cardType}`,
          currency: 'EUR',
          amount: 900,
          card_type: cardType,
        })
      ).tid;
    const visa = await hold('VISA');
    const mastercard = await hold('MasterCard');
    const rowsOf = async () => (await queue()).filter((r) => r.tid === visa || r.tid === mastercard);
    await expect.poll(async () => (await rowsOf()).length, { timeout: 20_000 }).toBe(2);
    const byTid = new Map((await rowsOf()).map((r) => [r.tid, r]));
    const span = (tid: number) =>
      (Date.parse(byTid.get(tid)!.lapsesAt) - Date.parse(byTid.get(tid)!.authorizedAt)) / 60_000;
    expect([byTid.get(visa)!.holdWindow.key, span(visa)]).toEqual(['visa', 4 * 24 * 60 + 18 * 60]);
    expect([byTid.get(mastercard)!.holdWindow.key, span(mastercard)]).toEqual(['mastercard', 5 * 24 * 60]);
    expect(byTid.get(visa)!.destination).toMatch(/^411111\*{6}\d{4}$/);
  }, 30_000);

  it('a hold that lapses at the simulator leaves the queue by itself, its lapse explained', async () => {
    const [row] = await queue();
    await sim('/_sim/hold-window', { seconds: 1, tids: [row!.tid] });
    await expect.poll(async () => (await queue()).some((r) => r.tid === row!.tid), { timeout: 20_000 }).toBe(false);
    const detail = await call<CaptureDetail>('captures:detail', { tid: row!.tid });
    expect(detail.row.status).toBe(PRAXIS_ASSUMPTIONS.lapsedHold.value.status);
    expect(detail.statusDetails).toBe(PRAXIS_ASSUMPTIONS.lapsedHold.value.statusDetails);
  }, 30_000);

  it('announces holds entering their last 24 hours once each, even across a restart', async () => {
    // Praxis sends no created_at, so the holds' countdown began when the desk heard of them: a one-hour window puts
    // every one in its last 24 hours; a new hold makes the desk look at once.
    const settings = await call<CaptureSettings>('capture-settings:get');
    await call('capture-settings:save', {
      ...settings,
      holdWindows: [{ key: 'default', label: 'One hour', cardType: null, paymentMethod: null, minutes: 60 }],
    });
    const { tid } = await sim<{ tid: number }>('/_sim/authorizations', {
      cid: 'desk-hold',
      currency: 'JPY',
      amount: 1200,
    });
    await expect.poll(() => expiring.flat().some((h) => h.tid === tid), { timeout: 20_000 }).toBe(true);
    const inQueue = (await queue()).map((r) => r.tid).sort();
    expect(
      expiring
        .flat()
        .map((h) => h.tid)
        .sort(),
    ).toEqual(inQueue);
    expect(expiring.flat().find((h) => h.tid === tid)).toMatchObject({ amountMinor: 1200, currency: 'JPY' });

    await core!.close();
    const before = expiring.flat().length;
    await open();
    // The restarted desk replays the sandbox and looks again every 300 ms: nothing is announced a second time.
    await expect.poll(async () => (await queue()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(expiring.flat()).toHaveLength(before);
  }, 90_000);
});
