/**
 * End to end: the simulator sends signed notifications over HTTP to the intake, which stores them in a
 * real store (PGlite and PostgreSQL). Faults make the simulator duplicate and drop notifications.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntake, NOTIFICATION_PATH, type Intake } from '../../src/core/intake/intake-server';
import { createMemoryLogger } from '../../src/core/log';
import { createPraxisClient, type PraxisClient } from '../../src/core/praxis';
import { DEFAULT_PAYOUT_GATEWAY, startSimulator, type Simulator } from '../../src/core/sandbox';
import type { WorkStore } from '../../src/core/store/work-store';
import { emptyStore, storeBackends } from '../support/store-backends';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`simulator → intake → store on ${backend.name}`, () => {
    let store: WorkStore;
    let intake: Intake;
    let sim: Simulator;
    let client: PraxisClient;
    const logger = createMemoryLogger();

    beforeAll(async () => {
      store = await backend.open();
      sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationRetryBaseMs: 50 });
      intake = createIntake({
        store,
        logger,
        merchant: { ...sim.credentials, secret: async () => sim.credentials.secret },
      });
      sim.setNotificationUrl(`${await intake.listen({ port: 0 })}${NOTIFICATION_PATH}`);
      client = createPraxisClient({ baseUrl: sim.url, ...sim.credentials });
    });
    afterAll(async () => {
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
      await sim.idle();

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
      await sim.idle();
      expect((await store.pendingWithdrawals()).map((p) => p.tid)).toEqual([wr]);

      await client.completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY);
      await client.captureAuthorization(auth);
      await sim.idle();
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

    it('recovers a dropped notification through a replay, idempotently', async () => {
      sim.setFaults({ dropNotifications: 1 });
      const lost = sim.createWithdrawalRequest({ cid: 'c10', currency: 'EUR', amount: 990 }).tid;
      await sim.idle();
      expect(await store.getTransaction(lost)).toBeNull();

      expect(await sim.replayNotifications()).toBeGreaterThanOrEqual(1);
      await sim.idle();
      await sim.replayNotifications();
      await sim.idle();
      expect((await store.pendingWithdrawals()).map((p) => p.tid)).toContain(lost);
      expect((await store.db.query('SELECT 1 FROM transactions WHERE tid = $1', [lost])).rows).toHaveLength(1);
      expect(logger.lines.join('\n')).not.toContain(sim.credentials.secret);
    });
  });
}
