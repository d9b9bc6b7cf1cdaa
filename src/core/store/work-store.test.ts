import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tamperAsDatabaseOwner } from '../../../test/support/tamper';
import { NotificationSchema } from '../praxis/schemas';
import { notificationBody, type NotificationSpec } from '../../../test/support/notifications';
import { emptyStore, storeBackends } from '../../../test/support/store-backends';
import { auditHash } from '../audit/audit-log';
import type { StoreChange } from './changes';
import { MIGRATIONS, runMigrations } from './migrations';
import type { WorkStore } from './work-store';

const snapshot = (spec: NotificationSpec) => NotificationSchema.parse(notificationBody(spec));
const at = (seconds: number) => new Date(seconds * 1000);
const T0 = 1_760_000_000;

/** Waits until `predicate` holds for the collected events, or fails after 3 s. */
async function eventually(predicate: () => boolean): Promise<void> {
  const until = Date.now() + 3_000;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met within 3 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`work store on ${backend.name}`, () => {
    let store: WorkStore;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.close();
      await backend.stop();
    });
    beforeEach(async () => emptyStore(store));

    it('applies each migration once and records it', async () => {
      expect(await runMigrations(store.db)).toEqual([]);
      const res = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(res.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('puts a requested withdrawal in the payout queue with its customer, amounts in minor units', async () => {
      const item = await store.ingest(
        snapshot({ tid: 501, status: 'requested', amountMinor: 12_345, currency: 'JPY', firstName: 'Ana' }),
        {
          observedAt: at(T0),
          source: 'notification',
        },
      );
      expect(item).toMatchObject({ tid: 501, status: 'requested', queue: 'payouts' });
      const [row] = await store.pendingWithdrawals();
      expect(row).toMatchObject({
        tid: 501,
        amountMinor: 12_345,
        currency: 'JPY',
        firstName: 'Ana',
        country: 'GB',
        maskedDestination: '411111******1111',
        journalState: null,
      });
    });

    it('never moves an item backwards when approved arrives before requested', async () => {
      await store.ingest(snapshot({ tid: 601, status: 'approved' }), {
        observedAt: at(T0 + 10),
        source: 'notification',
      });
      const late = await store.ingest(snapshot({ tid: 601, status: 'requested' }), {
        observedAt: at(T0),
        source: 'notification',
      });
      expect(late.status).toBe('approved');
      expect((await store.getTransaction(601))?.status).toBe('approved');
      expect(await store.pendingWithdrawals()).toEqual([]);
    });

    it('lets a later status of the same rank win, and ignores an older one', async () => {
      await store.ingest(snapshot({ tid: 602, status: 'requested' }), { observedAt: at(T0), source: 'notification' });
      await store.ingest(snapshot({ tid: 602, status: 'pending' }), { observedAt: at(T0 + 5), source: 'notification' });
      expect((await store.getTransaction(602))?.status).toBe('pending');
      await store.ingest(snapshot({ tid: 602, status: 'requested' }), { observedAt: at(T0 + 1), source: 'lookup' });
      expect((await store.getTransaction(602))?.status).toBe('pending');
    });

    it('lists open authorizations oldest first with their age', async () => {
      await store.ingest(snapshot({ tid: 701, status: 'authorized', type: 'authorization' }), {
        observedAt: at(T0 + 100),
        source: 'notification',
      });
      await store.ingest(snapshot({ tid: 702, status: 'authorized', type: 'authorization' }), {
        observedAt: at(T0),
        source: 'notification',
      });
      await store.ingest(snapshot({ tid: 703, status: 'approved', type: 'authorization' }), {
        observedAt: at(T0),
        source: 'notification',
      });
      const open = await store.openAuthorizations(at(T0 + 3600));
      expect(open.map((a) => [a.tid, a.ageSeconds])).toEqual([
        [702, 3600],
        [701, 3500],
      ]);
    });

    it('gives a customer history with totals kept apart per currency', async () => {
      const who = { customerToken: 'tok-history' };
      await store.ingest(
        snapshot({
          tid: 801,
          status: 'approved',
          type: 'sale',
          amountMinor: 5000,
          currency: 'EUR',
          customerToken: who.customerToken,
        }),
        { observedAt: at(T0), source: 'notification' },
      );
      await store.ingest(
        snapshot({
          tid: 802,
          status: 'approved',
          type: 'sale',
          amountMinor: 700,
          currency: 'KWD',
          customerToken: who.customerToken,
        }),
        { observedAt: at(T0), source: 'notification' },
      );
      await store.ingest(
        snapshot({
          tid: 803,
          status: 'requested',
          type: 'payout',
          amountMinor: 1200,
          currency: 'EUR',
          customerToken: who.customerToken,
        }),
        { observedAt: at(T0), source: 'notification' },
      );
      await store.ingest(
        snapshot({
          tid: 804,
          status: 'approved',
          type: 'payout',
          amountMinor: 300,
          currency: 'EUR',
          customerToken: who.customerToken,
        }),
        { observedAt: at(T0), source: 'notification' },
      );
      const h = await store.customerHistory(who);
      expect(h.deposits.map((d) => d.tid).sort()).toEqual([801, 802]);
      expect(h.withdrawals.map((d) => d.tid).sort()).toEqual([803, 804]);
      expect(h.totals).toEqual([
        { currency: 'EUR', depositedMinor: 5000, withdrawnMinor: 300, pendingWithdrawalMinor: 1200 },
        { currency: 'KWD', depositedMinor: 700, withdrawnMinor: 0, pendingWithdrawalMinor: 0 },
      ]);
      expect((await store.customerHistory({ cid: 'cust-1' })).totals).toHaveLength(2);
    });

    it('allows one in-flight action per item and blocks retries while an outcome is unknown', async () => {
      await store.ingest(snapshot({ tid: 901, status: 'requested' }), { observedAt: at(T0), source: 'notification' });
      const first = await store.journal.begin({
        itemKind: 'transaction',
        itemId: '901',
        action: 'complete-withdrawal-request',
        operator: 'ana',
        request: {
          withdrawal_request_id: 901,
          gateway: 'gw1',
          merchant_secret: 'MerchantSecretKey',
          nested: { password: 'x', keep: 1 },
        },
      });
      expect(first.request).toEqual({ withdrawal_request_id: 901, gateway: 'gw1', nested: { keep: 1 } });
      await expect(
        store.journal.begin({
          itemKind: 'transaction',
          itemId: '901',
          action: 'cancel-withdrawal-request',
          operator: 'bob',
          request: {},
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });

      await store.journal.finish(first.id, { state: 'unknown', errorCode: 'TIMEOUT' });
      await expect(
        store.journal.begin({
          itemKind: 'transaction',
          itemId: '901',
          action: 'complete-withdrawal-request',
          operator: 'ana',
          request: {},
        }),
      ).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
      // The queue still shows the request, flagged, even after Praxis moved it on.
      await store.ingest(snapshot({ tid: 901, status: 'approved' }), {
        observedAt: at(T0 + 5),
        source: 'notification',
      });
      expect((await store.pendingWithdrawals()).map((p) => [p.tid, p.journalState])).toEqual([[901, 'unknown']]);

      await store.journal.finish(first.id, { state: 'done', praxisStatus: 0, praxisDescription: 'Ok' });
      await expect(store.journal.finish(first.id, { state: 'failed' })).rejects.toMatchObject({ code: 'CONFLICT' });
      const again = await store.journal.begin({
        itemKind: 'transaction',
        itemId: '901',
        action: 'cancel-withdrawal-request',
        operator: 'ana',
        request: {},
      });
      expect(again.state).toBe('sending');
      expect(await store.pendingWithdrawals()).toHaveLength(1);
    });

    it('lets only one of many concurrent begins on the same item win', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.journal.begin({
            itemKind: 'transaction',
            itemId: '902',
            action: 'capture-authorization',
            operator: `op${i}`,
            request: {},
          }),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(
        attempts
          .filter((a) => a.status === 'rejected')
          .every((a) => (a as PromiseRejectedResult).reason.code === 'CONFLICT'),
      ).toBe(true);
    });

    it('keeps a hash-chained audit log and names the first row that was changed or removed', async () => {
      for (const [i, op] of ['ana', 'bob', 'cy', 'dee'].entries()) {
        await store.audit.append({
          operator: op,
          action: 'payouts:approve',
          itemKind: 'transaction',
          itemId: String(1000 + i),
          details: { amountMinor: 100 * i, currency: 'EUR', secret: 'MerchantSecretKey' },
        });
      }
      expect(await store.audit.verify()).toMatchObject({ ok: true, rows: 4 });
      expect(JSON.stringify(await store.audit.list())).not.toContain('MerchantSecretKey');

      // The database itself refuses an edit or a removal…
      for (const change of [
        `UPDATE audit_log SET operator = 'x' WHERE seq = 2`,
        'DELETE FROM audit_log WHERE seq = 4',
      ]) {
        await expect(store.db.query(change)).rejects.toThrow(/append-only/);
      }
      await expect(store.db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      expect(await store.audit.verify()).toMatchObject({ ok: true, rows: 4 });

      // …and one made with the triggers switched off is found by the chain.
      await tamperAsDatabaseOwner(
        store.db,
        `UPDATE audit_log SET details = '{"amountMinor": 999999, "currency": "EUR"}' WHERE seq = 2`,
      );
      expect(await store.audit.verify()).toMatchObject({ ok: false, brokenAtSeq: 2, rows: 1 });

      await tamperAsDatabaseOwner(store.db, `DELETE FROM audit_log WHERE seq = 2`);
      const v = await store.audit.verify();
      expect(v).toMatchObject({ ok: false, brokenAtSeq: 3 });
      if (!v.ok) expect(v.reason).toMatch(/removed or inserted/);
    });

    it('chains many concurrent appends into one chain whose hashes an auditor recomputes, names in any script', async () => {
      const names = ['Zoë', 'Łukasz', '山田 花子', 'Ahmed — أحمد', 'Emoji 💸'];
      const entries = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.audit.append({
            operator: names[i % names.length]!,
            action: 'payouts:approve',
            itemKind: 'transaction',
            itemId: String(2000 + i),
            details: {
              note: `${names[(i + 1) % names.length]} "quoted" \\ back`,
              amountMinor: i,
              nested: { z: 1, a: [i] },
            },
          }),
        ),
      );
      // Every entry answered is the row as stored and as the chain checker recomputes it.
      for (const e of entries) expect(auditHash(e)).toBe(e.hash);
      const bySeq = [...entries].sort((a, b) => a.seq - b.seq);
      for (let i = 1; i < bySeq.length; i++) expect(bySeq[i]!.prevHash).toBe(bySeq[i - 1]!.hash);
      expect(await store.audit.verify()).toMatchObject({ ok: true, rows: 40 });
    });

    it('keeps non-secret settings and refuses a key that looks like a secret', async () => {
      const Hold = z.object({ days: z.number().int() });
      await store.settings.set('holdWindow', { days: 7 });
      expect(await store.settings.get('holdWindow', Hold)).toEqual({ days: 7 });
      expect(await store.settings.get('absent', Hold)).toBeUndefined();
      await expect(store.settings.set('merchantSecret', 'x')).rejects.toMatchObject({ code: 'VALIDATION' });
      await store.settings.set('holdWindow', 'seven');
      await expect(store.settings.get('holdWindow', Hold)).rejects.toMatchObject({ code: 'STORE' });
    });

    it('announces committed changes to the queues, and nothing for a rolled-back write', async () => {
      const seen: StoreChange[] = [];
      const off = await store.onChange((c) => seen.push(c));
      await expect(
        store.db.transaction(async (tx) => {
          const { ingestSnapshot } = await import('./snapshots');
          await ingestSnapshot(tx, snapshot({ tid: 1101, status: 'requested' }), {
            observedAt: at(T0),
            source: 'notification',
          });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await store.ingest(snapshot({ tid: 1102, status: 'authorized', type: 'authorization' }), {
        observedAt: at(T0),
        source: 'notification',
      });
      await eventually(() => seen.length >= 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual([{ queue: 'deposits', ids: ['1102'] }]);
      expect(await store.getTransaction(1101)).toBeNull();
      await off();
    });

    it.skipIf(backend.name !== 'postgres')(
      'delivers changes to a second desk on the same server by LISTEN/NOTIFY',
      async () => {
        const otherDesk = await backend.openSecondDesk();
        try {
          const seen: StoreChange[] = [];
          await otherDesk.onChange((c) => seen.push(c));
          await store.ingest(snapshot({ tid: 1201, status: 'requested' }), {
            observedAt: at(T0),
            source: 'notification',
          });
          await eventually(() => seen.length >= 1);
          expect(seen[0]).toEqual({ queue: 'payouts', ids: ['1201'] });
          expect((await otherDesk.pendingWithdrawals()).map((p) => p.tid)).toEqual([1201]);
        } finally {
          await otherDesk.close();
        }
      },
    );

    it.skipIf(backend.name !== 'postgres')('resumes live updates after the LISTEN connection is cut', async () => {
      const seen: StoreChange[] = [];
      const off = await store.onChange((c) => seen.push(c));
      const cut = await store.db.query<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      expect(cut.rows.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1_500)); // the reconnect waits 1 s before re-subscribing
      await store.ingest(snapshot({ tid: 1301, status: 'requested' }), { observedAt: at(T0), source: 'notification' });
      await eventually(() => seen.some((c) => c.ids.includes('1301')));
      await off();
    });
  });
}
