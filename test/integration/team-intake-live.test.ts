import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createIntake, NOTIFICATION_PATH, type Intake } from '../../src/core/intake/intake-server';
import { createMemoryLogger } from '../../src/core/log';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import type { StoreChange } from '../../src/core/store/changes';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import type { Profile } from '../../src/shared/domain';
import type { PayoutRow } from '../../src/shared/payouts';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../support/postgres';
import { asOwner, createDeskLogin } from '../support/team-postgres';
import { deskCalls } from '../support/desk-calls';

// `npm run intake` on a team server is another process with its own login; a desk sees what it stores within a second.
const skip = postgresUnavailableReason();
const log = createMemoryLogger();
let server: TestPostgres;
let ownerUrl: string;
let owner: WorkStore;
let intakeStore: WorkStore;
let intake: Intake;
let sim: Simulator;
let dataDir: string;
let desk: DeskCore;
const seen: { tid: string; at: number }[] = [];

const { call } = deskCalls(() => desk, log);

/** Creates a withdrawal request at the simulator (which notifies the headless intake) and times its arrival. */
async function arrivalMs(): Promise<{ tid: number; ms: number }> {
  const start = Date.now();
  const { tid } = sim.createWithdrawalRequest({ cid: `live-${start}`, currency: 'EUR', amount: 4_200 });
  const deadline = start + 5_000;
  while (Date.now() < deadline) {
    const hit = seen.find((s) => s.tid === String(tid));
    if (hit) return { tid, ms: hit.at - start };
    await new Promise((r) => setTimeout(r, 10));
  }
  return { tid, ms: Number.POSITIVE_INFINITY };
}

describe.skipIf(skip !== null)('a headless intake and a desk on one PostgreSQL store', () => {
  beforeAll(async () => {
    server = await startPostgres();
    ownerUrl = await server.createDatabase(`team_intake_${process.pid}`);
    owner = await openStore({ kind: 'postgres', url: ownerUrl });
    intakeStore = await openStore({
      kind: 'postgres',
      url: await createDeskLogin(ownerUrl, 'intake_svc', 'desk_agent'),
    });
    const deskUrl = await createDeskLogin(ownerUrl, 'desk_two', 'desk_backoffice');
    sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationUrl: null });
    intake = createIntake({
      store: intakeStore,
      merchant: { ...sim.credentials, secret: async () => sim.credentials.secret },
      logger: log,
    });
    sim.setNotificationUrl((await intake.listen({ port: 0 })) + NOTIFICATION_PATH);

    dataDir = await mkdtemp(join(tmpdir(), 'team-intake-'));
    desk = await createDeskCore({
      dataDir,
      host: 'browser-host',
      embeddedSandbox: false,
      logger: log,
      secretStore: createMemorySecretStore('no keychain needed here'),
      // The desk is set up on its own sandbox store (a back-office login may not edit profiles), then joins the team's.
      store: (profileId) =>
        profileId === 'embedded-sandbox' ? { kind: 'memory' } : { kind: 'postgres', url: deskUrl },
    });
    const profile = await call<Profile>('profiles:save', {
      name: 'Team simulator',
      environment: 'custom',
      customBaseUrl: sim.url,
      merchantId: sim.credentials.merchantId,
      applicationKey: sim.credentials.applicationKey,
    });
    await call('credentials:set', { profileId: profile.id, secret: sim.credentials.secret });
    await call('profiles:activate', { id: profile.id });
    desk.events.on('event:queue-changed', (c: StoreChange) => {
      for (const tid of c.ids) seen.push({ tid, at: Date.now() });
    });
    await call('payouts:list');
  });
  afterAll(async () => {
    await desk?.close();
    await intake?.close();
    await sim?.stop();
    await intakeStore?.close();
    await owner?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a notification the intake stores reaches the desk’s payout queue within a second, by LISTEN/NOTIFY', async () => {
    const { tid, ms } = await arrivalMs();
    expect(ms).toBeLessThan(1_000);
    expect((await call<{ rows: PayoutRow[] }>('payouts:list')).rows.map((r) => r.tid)).toContain(tid);
  });

  it('after the desk’s LISTEN connection is cut, new items arrive within a second again', async () => {
    const cut = await asOwner(ownerUrl, (c) =>
      c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'desk_two' AND query LIKE 'LISTEN%'`,
      ),
    );
    expect(cut.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_500)); // the listener reconnects after 1 s
    const { tid, ms } = await arrivalMs();
    expect(ms).toBeLessThan(1_000);
    expect((await call<{ rows: PayoutRow[] }>('payouts:list')).rows.map((r) => r.tid)).toContain(tid);
  });
});
