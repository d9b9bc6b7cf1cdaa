/**
 * End to end: the simulator sends signed notifications over HTTP to the intake, whose changes a signed
 * find-transaction confirms into a real store (PGlite and PostgreSQL). Faults make the simulator duplicate and
 * drop notifications.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntake, NOTIFICATION_PATH, type Intake } from '../../src/core/intake/intake-server';
import { createChangeConfirmer, type ChangeConfirmer } from '../../src/core/intake/change-confirmer';
import { createMemoryLogger } from '../../src/core/log';
import { createPraxisClient, type PraxisClient } from '../../src/core/praxis';
import { DEFAULT_PAYOUT_GATEWAY, startSimulator, type Simulator } from '../../src/core/sandbox';
import { pendingChanges } from '../../src/core/store/unconfirmed-changes';
import type { WorkStore } from '../../src/core/store/work-store';
import { emptyStore, storeBackends } from '../support/store-backends';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`simulator → intake → store on ${backend.name}`, () => {
    let store: WorkStore;
    let intake: Intake;
    let sim: Simulator;
    let client: PraxisClient;
    let confirmer: ChangeConfirmer;
    let intakeUrl: string;
    const logger = createMemoryLogger();
    /** Every notification sent has been answered, and every change it claimed looked up at the simulator. */
    const settled = async () => {
      await sim.idle();
      await confirmer.kick();
    };
    /** find-transaction calls the simulator has answered so far. */
    const lookups = async () =>
      ((await (await fetch(`${sim.url}/_sim/stats`)).json()) as { served: Record<string, number> }).served[
        '/agent/find-transaction'
      ] ?? 0;

    beforeAll(async () => {
      store = await backend.open();
      sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationRetryBaseMs: 50 });
      client = createPraxisClient({ baseUrl: sim.url, ...sim.credentials });
      confirmer = createChangeConfirmer({
        store,
        log: logger,
        praxis: async () => ({ client, profileId: 'sim', operator: 'test' }),
      });
      intake = createIntake({
        store,
        logger,
        merchant: { ...sim.credentials, secret: async () => sim.credentials.secret },
        onUnconfirmedChange: () => void confirmer.kick(),
      });
      intakeUrl = `${await intake.listen({ port: 0 })}${NOTIFICATION_PATH}`;
      sim.setNotificationUrl(intakeUrl);
    });
    afterAll(async () => {
      await confirmer?.close();
      await sim?.stop();
      await intake?.close();
      await store?.close();
      await backend.stop();
    });
    beforeEach(async () => {
      sim.clearFaults();
      await emptyStore(store);
    });

    it('fills the payout and capture queues from notifications, once each despite duplicates', async () => {
      sim.setFaults({ duplicateNotifications: 2 });
      const wrs = [1200, 3400, 560].map(
        (amount, i) => sim.createWithdrawalRequest({ cid: `c${i}`, currency: 'EUR', amount }).tid,
      );
      const auths = [9900, 150].map(
        (amount, i) => sim.createAuthorization({ cid: `a${i}`, currency: 'USD', amount }).tid,
      );
      await settled();

      expect((await store.pendingWithdrawals()).map((p) => [p.tid, p.amountMinor, p.cid])).toEqual([
        [wrs[0], 1200, 'c0'],
        [wrs[1], 3400, 'c1'],
        [wrs[2], 560, 'c2'],
      ]);
      expect((await store.openAuthorizations()).map((a) => [a.tid, a.amountMinor, a.currency])).toEqual([
        [auths[0], 9900, 'USD'],
        [auths[1], 150, 'USD'],
      ]);
      const v = await store.countNotificationsByVerdict();
      // Two duplicated sends: 7 posts in all; a copy signed in the next second is a new (harmless) acceptance.
      expect((v.accepted ?? 0) + (v.duplicate ?? 0)).toBe(7);
      expect(v.accepted).toBeGreaterThanOrEqual(5);
    });

    it('moves items out of their queues when Praxis reports the outcome of an action', async () => {
      const wr = sim.createWithdrawalRequest({ cid: 'c9', currency: 'EUR', amount: 700 }).tid;
      const auth = sim.createAuthorization({ cid: 'a9', currency: 'EUR', amount: 800 }).tid;
      await settled();
      expect((await store.pendingWithdrawals()).map((p) => p.tid)).toEqual([wr]);

      await client.completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY);
      await client.captureAuthorization(auth);
      await settled();
      expect(await store.pendingWithdrawals()).toEqual([]);
      expect(await store.openAuthorizations()).toEqual([]);
      expect((await store.getTransaction(auth))?.status).toBe('approved');
      const payout = (
        await store.db.query<{ tid: number; status: string }>(
          'SELECT tid, status FROM transactions WHERE withdrawal_request_id = $1',
          [wr],
        )
      ).rows;
      expect(payout).toEqual([{ tid: expect.any(Number), status: 'approved' }]);
    });

    it('a captured notification edited within its window changes nothing: Praxis is asked once, and its answer stands', async () => {
      const wr = sim.createWithdrawalRequest({ cid: 'c-edit', currency: 'EUR', amount: 4_200 }).tid;
      await settled();
      const before = await lookups();

      // A message the simulator really sent, as captured on the wire: its body and its Gt-Authentication.
      const captured = await store.db.query<{ raw_body: string; headers: Record<string, string> }>(
        `SELECT raw_body, headers FROM notifications WHERE tid = $1 AND verdict = 'accepted' ORDER BY id LIMIT 1`,
        [wr],
      );
      const { raw_body: raw, headers } = captured.rows[0]!;
      // The signature covers the tid and the amounts, not the status or the alerts: an attacker can edit those.
      const edited = raw.replace('"transaction_status":"requested"', '"transaction_status":"cancelled"');
      expect(edited).not.toBe(raw);
      const post = () =>
        fetch(intakeUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'gt-authentication': headers['gt-authentication']! },
          body: edited,
        });
      expect((await (await post()).json()) as { status: number }).toMatchObject({ status: 0 });
      await confirmer.kick();
      expect((await store.getTransaction(wr))?.status).toBe('requested');
      expect(await lookups()).toBe(before + 1);
      const changes = await store.db.query<{ claimed_status: string; state: string; found_status: string }>(
        'SELECT claimed_status, state, found_status FROM unconfirmed_changes WHERE tid = $1 ORDER BY id',
        [wr],
      );
      expect(changes.rows.at(-1)).toEqual({
        claimed_status: 'cancelled',
        state: 'contradicted',
        found_status: 'requested',
      });
      expect(logger.lines.join('\n')).toContain('a notified change was not confirmed by Praxis');

      // The same message again is a duplicate: answered as before, and no second look-up.
      expect((await (await post()).json()) as { status: number }).toMatchObject({ status: 0 });
      await confirmer.kick();
      expect(await lookups()).toBe(before + 1);
    });

    it('copies of one captured moment, each edited to another status, cost one look-up once Praxis has answered for that moment', async () => {
      const wr = sim.createWithdrawalRequest({ cid: 'c-flood', currency: 'EUR', amount: 5_100 }).tid;
      await settled();
      const captured = await store.db.query<{
        raw_body: string;
        headers: Record<string, string>;
        praxis_timestamp: string;
      }>(
        `SELECT raw_body, headers, praxis_timestamp FROM notifications WHERE tid = $1 AND verdict = 'accepted' ORDER BY id LIMIT 1`,
        [wr],
      );
      const { raw_body: raw, headers, praxis_timestamp: signedAt } = captured.rows[0]!;
      // Past the moment's own second (and a margin), so a look-up now answers for whatever Praxis did at that moment.
      const wait = (Number(signedAt) + 2) * 1000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait + 50));
      const before = await lookups();
      for (let i = 0; i < 20; i++) {
        const edited = raw.replace('"transaction_status":"requested"', `"transaction_status":"forged-${i}"`);
        const res = await fetch(intakeUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'gt-authentication': headers['gt-authentication']! },
          body: edited,
        });
        expect(((await res.json()) as { status: number }).status).toBe(0);
        await confirmer.kick();
      }
      expect(await lookups()).toBe(before + 1);
      expect((await store.getTransaction(wr))?.status).toBe('requested');
      expect(await pendingChanges(store.db, wr)).toEqual([]);
    });

    it('recovers a dropped notification through a replay, idempotently', async () => {
      sim.setFaults({ dropNotifications: 1 });
      const lost = sim.createWithdrawalRequest({ cid: 'c10', currency: 'EUR', amount: 990 }).tid;
      await settled();
      expect(await store.getTransaction(lost)).toBeNull();

      expect(await sim.replayNotifications()).toBeGreaterThanOrEqual(1);
      await settled();
      await sim.replayNotifications();
      await settled();
      expect((await store.pendingWithdrawals()).map((p) => p.tid)).toContain(lost);
      expect((await store.db.query('SELECT 1 FROM transactions WHERE tid = $1', [lost])).rows).toHaveLength(1);
      expect(logger.lines.join('\n')).not.toContain(sim.credentials.secret);
    });
  });
}
