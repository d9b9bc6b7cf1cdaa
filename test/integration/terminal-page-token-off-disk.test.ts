import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureEngine } from '../../src/core/captures/capture-engine';
import { createChangeConfirmer, type ChangeConfirmer } from '../../src/core/intake/change-confirmer';
import { createIntake, NOTIFICATION_PATH, type Intake } from '../../src/core/intake/intake-server';
import { createPayoutEngine } from '../../src/core/payouts/payout-engine';
import { createTerminalEngine, type TerminalEngine } from '../../src/core/terminal/terminal-engine';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';
import type { TerminalSession } from '../../src/shared/terminal';
import { startSimRig, type SimRig } from '../support/sim-rig';

// A terminal session's page address ends in its auth_token: whoever has it can pay on the customer's session (a hold
// through agent Amy's page), so it goes to Amy's window only and is kept neither on disk nor in any detail pane.
let rig: SimRig;
let intake: Intake;
let confirmer: ChangeConfirmer;
let amysTerminal: TerminalEngine;
const engineDeps = () => ({ store: rig.store, log: rig.log, praxis: async () => rig.session('Mia') });

beforeAll(async () => {
  rig = await startSimRig({ operator: 'Amy' });
  confirmer = createChangeConfirmer({ store: rig.store, log: rig.log, praxis: async () => rig.session('Amy') });
  intake = createIntake({
    store: rig.store,
    logger: rig.log,
    merchant: { ...rig.sim.credentials, secret: async () => rig.sim.credentials.secret },
    onUnconfirmedChange: () => void confirmer.kick(),
  });
  const notification = `${await intake.listen({ port: 0 })}${NOTIFICATION_PATH}`;
  rig.sim.setNotificationUrl(notification);
  amysTerminal = createTerminalEngine({
    store: rig.store,
    log: rig.log,
    praxis: async () => rig.session('Amy'),
    intakeUrls: () => ({ notification, validation: null }),
    follow: { firstPollMs: 100, maxPollMs: 300 },
  });
});
afterAll(async () => {
  await amysTerminal?.close();
  await confirmer?.close();
  await intake?.close();
  await rig?.close();
});

/** The tables of the store with a row holding `secret`: what a copy of the data folder would give away. */
async function tablesHolding(secret: string): Promise<string[]> {
  const tables = await rig.store.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const holding = await Promise.all(
    tables.rows.map(async ({ name }) => {
      const res = await rig.store.db.query(`SELECT 1 FROM "${name}" t WHERE strpos(t::text, $1) > 0 LIMIT 1`, [secret]);
      return res.rows.length > 0 ? [name] : [];
    }),
  );
  return holding.flat();
}

async function untilDeclined(orderId: string): Promise<TerminalSession> {
  await expect.poll(async () => (await amysTerminal.status(orderId)).state, { timeout: 15_000 }).toBe('declined');
  return amysTerminal.status(orderId);
}

describe("a terminal session's page token", () => {
  it('after a decline that leaves the page open, is in no table of the store and not in the hold detail', async () => {
    const started = await amysTerminal.start({
      intent: 'authorization',
      customer: { cid: 'vt-token-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
      currency: 'EUR',
      amount: '40.00',
      callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
    });
    const token = new URL(started.redirectUrl!).pathname.split('/').at(-1)!;
    expect(token).toMatch(/^[0-9a-f]{32,}$/);
    expect(await tablesHolding(token)).toEqual([]);

    const card = new URLSearchParams({ card_number: '4000000000000002', card_exp: '12/2030', cvv: '123' });
    await fetch(`${started.redirectUrl}/pay`, { method: 'POST', body: card.toString() });
    const declined = await untilDeclined(started.session.orderId);
    // The notification was taken in and its claim looked up (find-transaction), beside the desk's own find-order.
    await rig.sim.idle();
    await confirmer.kick();
    const noticed = await rig.store.db.query('SELECT 1 FROM notifications WHERE tid = $1', [declined.tid]);
    expect(noticed.rows.length).toBeGreaterThan(0);
    // The page is still open: its token would still place a hold.
    expect((await fetch(started.redirectUrl!)).status).toBe(200);

    expect(await tablesHolding(token)).toEqual([]);
    const detail = await createCaptureEngine(engineDeps()).detail(declined.tid!);
    expect(JSON.stringify(detail)).not.toContain(token);
  });

  it('kept by an earlier desk version, is hidden in the hold and withdrawal details', async () => {
    const hold = rig.sim.createAuthorization({ cid: 'vt-token-2', currency: 'EUR', amount: 700 }).tid;
    const request = rig.sim.createWithdrawalRequest({ cid: 'vt-token-3', currency: 'EUR', amount: 900 }).tid;
    await rig.lookUp([hold, request]);
    // As a store written before tokens were dropped on the way in still holds them.
    const oldToken = 'a'.repeat(32);
    await rig.store.db.query(
      `UPDATE transactions SET raw_session = raw_session || jsonb_build_object('auth_token', $2::text) WHERE tid = ANY ($1)`,
      [[hold, request], oldToken],
    );

    const holdDetail = await createCaptureEngine(engineDeps()).detail(hold);
    const requestDetail = await createPayoutEngine(engineDeps()).detail(request);
    for (const detail of [holdDetail, requestDetail]) {
      expect(detail.raw.session).toMatchObject({ auth_token: '[hidden by the desk]' });
      expect(JSON.stringify(detail)).not.toContain(oldToken);
    }
  });
});
