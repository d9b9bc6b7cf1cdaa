import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_SYNC_PATH, NOTIFICATION_PATH } from '../../src/core/intake/intake-server';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import type { ActionOutcome } from '../../src/shared/actions';
import type { Channel } from '../../src/shared/ipc/contract';
import { EVENT_NAMES } from '../../src/shared/ipc/desk-api';
import type { GatewayOption } from '../../src/shared/payouts';
import type { TerminalSession, TerminalStart } from '../../src/shared/terminal';
import { startDeskCoreForTest } from '../support/desk-core-rig';
import { filesUnder } from '../support/files';
import { filesAsText, leakNeedles, searchForLeaks } from '../support/leak-search';
import { startRecordingProxy } from '../support/recording-proxy';
import { summaryTable } from '../support/summary-table';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';

// Issue 16: a whole run — credentials set, payouts and holds acted on, a terminal session paid by card — and then
// the merchant secret and the card number are searched for everywhere the desk wrote or sent anything.
const SECRET = 'Zq7-secret-search-k3y-9f2d1c';
const CARD = '4111111111111111';
const MERCHANT = { merchantId: 'Secret-Search-Merchant', applicationKey: 'SecretSearch' };
const summary = summaryTable('Whole-run secret search (issue 16)');

let sim: Simulator;
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let toPraxis: Awaited<ReturnType<typeof startRecordingProxy>>;
let toDesk: Awaited<ReturnType<typeof startRecordingProxy>>;
/** What the core sent its window: every command's answer and every event. */
const toWindow: string[] = [];

const call = async <T>(channel: Channel, input: unknown = {}): Promise<T> => {
  const r = await rig.at('secret-search').raw(channel, input);
  toWindow.push(JSON.stringify(r));
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
};

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    seed: false,
    arrivalIntervalMs: null,
    credentials: { ...MERCHANT, secret: SECRET },
  });
  toPraxis = await startRecordingProxy(sim.url);
  rig = await startDeskCoreForTest('secret-search', {
    holdWatchIntervalMs: null,
    terminalFollow: { firstPollMs: 1_000, maxPollMs: 2_000 },
  });
  for (const name of EVENT_NAMES) rig.core.events.on(name, (payload) => toWindow.push(JSON.stringify(payload)));
  const intake = new URL((await rig.core.info()).intakeUrl!);
  toDesk = await startRecordingProxy(intake.origin);
  sim.setNotificationUrl(`${toDesk.url}${NOTIFICATION_PATH}`);
  sim.setCustomerSyncUrl(`${toDesk.url}${CUSTOMER_SYNC_PATH}`);
});
afterAll(async () => {
  summary.print();
  // The core was closed by the test (its files complete on disk); close() again only removes the data folder.
  await rig?.close().catch(() => rm(rig.dataDir, { recursive: true, force: true }));
  await toPraxis?.close();
  await toDesk?.close();
  await sim?.stop();
});

describe('the merchant secret and a card number after a whole run', () => {
  it('are nowhere in the data folder, the log, the audit log or the traffic', async () => {
    const profile = await call<{ id: string }>('profiles:save', {
      name: 'Secret search',
      environment: 'custom',
      customBaseUrl: toPraxis.url,
      notificationUrl: `${toDesk.url}${NOTIFICATION_PATH}`,
      ...MERCHANT,
    });
    await call('credentials:set', { profileId: profile.id, secret: SECRET });
    await call('profiles:activate', { id: profile.id });
    const test = await call<{ ok: boolean }>('credentials:test', { profileId: profile.id });
    expect(test).toMatchObject({ ok: true });

    // Payouts and holds arrive by signed notification; each is acted on.
    const payouts = [1, 2, 3].map(
      (i) => sim.createWithdrawalRequest({ cid: `ss-${i}`, currency: 'EUR', amount: 1_000 * i }).tid,
    );
    const holds = [1, 2].map(
      (i) => sim.createAuthorization({ cid: `ss-h${i}`, currency: 'EUR', amount: 2_000 * i }).tid,
    );
    await expect
      .poll(async () => (await call<unknown[]>('payouts:rows', { tids: payouts })).length, { timeout: 20_000 })
      .toBe(3);
    await expect
      .poll(async () => (await call<unknown[]>('captures:rows', { tids: holds })).length, { timeout: 20_000 })
      .toBe(2);
    const gateway = (await call<GatewayOption[]>('payouts:gateways', { tid: payouts[0] })).find((g) => g.isDefault)!.id;
    const outcomes = [
      await call<ActionOutcome>('payouts:approve', { tid: payouts[0], gateway }),
      await call<ActionOutcome>('payouts:reject', { tid: payouts[1], reasonCode: 'other', note: 'secret search run' }),
      ...(await call<ActionOutcome[]>('payouts:split', { tid: payouts[2], parts: [{ amountMinor: 1_000, gateway }] })),
      await call<ActionOutcome>('captures:capture', { tid: holds[0] }),
      await call<ActionOutcome>('captures:void', { tid: holds[1], reasonCode: 'customer_asked' }),
    ];
    expect(outcomes.map((o) => o.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    await call('lookup:run', { ids: payouts.map(String) });

    // A terminal session paid with a test card on the hosted page.
    const started = await call<TerminalStart>('terminal:start', {
      intent: 'payment',
      customer: { cid: 'ss-vt', firstName: 'Sec', lastName: 'Ret', email: 'ss@example.com', country: 'GB' },
      currency: 'EUR',
      amount: '42.00',
      callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
    });
    const form = new URLSearchParams({ card_number: CARD, card_exp: '12/2030', cvv: '123' });
    await fetch(`${started.redirectUrl}/pay`, { method: 'POST', body: form.toString() });
    await expect
      .poll(async () => (await call<TerminalSession>('terminal:status', { orderId: started.session.orderId })).state, {
        timeout: 20_000,
      })
      .toBe('approved');
    const exported = await call<{ csv: string }>('audit:export', { filter: {} });
    const audit = JSON.stringify(await call('audit:list', { filter: {} })) + exported.csv;
    await call('terminal:history');
    await rig.core.close();

    const files = await filesUnder(rig.dataDir);
    const hits = searchForLeaks(
      [
        // Bytes as written: PGlite's pages, profiles, logs.
        ['data folder files', await filesAsText(rig.dataDir)],
        // Every line the core logged, at debug level, as written (before any file).
        ['desk log lines', rig.log.lines],
        ['audit log (list and CSV export)', [audit]],
        ['desk → window (answers, events)', toWindow],
        ['desk ↔ Praxis (HTTP)', toPraxis.traffic],
        ['Praxis → desk (notifications, customer sync)', toDesk.traffic],
      ],
      leakNeedles(SECRET, CARD),
      summary,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(toPraxis.traffic.length).toBeGreaterThan(10);
    expect(toDesk.traffic.length).toBeGreaterThan(5);
    // The search saw the card's traces: its masked form (and only that) came with the notifications.
    const masked = `${CARD.slice(0, 6)}******${CARD.slice(-4)}`;
    expect(toDesk.traffic.some((t) => t.includes(masked))).toBe(true);
    expect(hits).toEqual([]);
  });
});
