import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { createMemoryLogger } from '../../src/core/log';
import { createPayoutEngine } from '../../src/core/payouts/payout-engine';
import { PRAXIS_ASSUMPTIONS } from '../../src/core/praxis/assumptions';
import { remainderOf } from '../../src/core/payouts/request-state';
import { endClaimSessions } from '../support/claim-sessions';
import { describeOnEachStore } from '../support/store-backends';
import { refusal, startPayoutRig, type PayoutRig } from '../support/payout-rig';
import { failNextClaim } from '../support/store-faults';

// Issue 8: the desk never calls a payout "safe to retry" unless Praxis shows nothing moved — on both stores.
describeOnEachStore(
  'reconciliation',
  (openStore) => startPayoutRig({ timeoutMs: 5_000, hangMs: 4_000, openStore }),
  (rigOf, backend) => {
    let rig: PayoutRig;
    beforeEach(() => {
      rig = rigOf();
    });

    const gatewayOf = async (tid: number) => (await rig.engine.gateways(tid)).find((g) => g.isDefault)!.id;
    const journalOf = async (tid: number) => (await rig.engine.detail(tid)).journal;
    const storedStatus = async (tid: number) => (await rig.store.getTransaction(tid))?.status;
    const backdate = (tid: number, ms: number) =>
      rig.store.db.query(
        `UPDATE action_journal SET created_at = created_at - $2 * interval '1 millisecond' WHERE item_id = $1`,
        [String(tid), ms],
      );
    const waitFor = async (what: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await what()); i++) await new Promise((r) => setTimeout(r, 10));
    };
    const sendsAtPraxis = async () =>
      (await rig.admin<{ inFlight: Record<string, number> }>('/_sim/stats', undefined, 'GET')).inFlight[
        '/agent/manage-withdrawal-request'
      ] ?? 0;
    const one = async (amount = 5_000) => {
      const [tid] = await rig.request([{ cid: `c-${amount}-${Math.random()}`, currency: 'EUR', amount }]);
      return { tid: tid!, gateway: await gatewayOf(tid!) };
    };

    describe('1. an action still being sent is its sender’s', () => {
      it('a second desk (or a restart) and "Reconcile now" during an approve in flight leave it alone; the answer is recorded once', async () => {
        const { tid, gateway } = await one();
        rig.sim.setFaults({ latencyMs: 2_000 });
        const approving = rig.engine.approve({ tid, gateway });
        await waitFor(async () => (await journalOf(tid)).length > 0);
        // On PostgreSQL a second desk on its own connection; on PGlite (one desk) a restarted engine on the same store.
        const secondStore = backend.name === 'postgres' ? await backend.openSecondDesk() : null;
        const other = secondStore
          ? createPayoutEngine({
              store: secondStore,
              log: createMemoryLogger(),
              praxis: async () => ({ client: rig.client, profileId: 'team', operator: 'Bo', timeoutMs: 5_000 }),
            })
          : rig.restartEngine('Bo');
        onTestFinished(() => secondStore?.close());
        expect(await other.recoverUnresolved()).toEqual([]);
        const busy = await refusal(other.reconcile(tid));
        expect(busy.code).toBe('CONFLICT');
        expect(busy.message).toContain('still being sent');
        expect(await approving).toMatchObject({ state: 'done', moneyMoved: true, newStatus: 'split' });
        expect((await journalOf(tid)).map((j) => j.state)).toEqual(['done']);
        expect((await rig.engine.detail(tid)).audit.map((a) => a.action)).toEqual(['payouts:approve']);
        expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
      });

      it('a late answer to an entry reconciled meanwhile (lease run out) is kept and shown, and the store follows it', async () => {
        const { tid, gateway } = await one();
        rig.sim.setFaults({ latencyMs: 2_000 });
        const approving = rig.engine.approve({ tid, gateway });
        await waitFor(async () => (await sendsAtPraxis()) > 0);
        // The send is already waiting at Praxis; the entry looks abandoned (past its lease and the rule; on
        // PostgreSQL its sender's claim session is gone too, as when that desk's connection is cut).
        rig.sim.setFaults({ latencyMs: 0 });
        await backdate(tid, PRAXIS_ASSUMPTIONS.notAppliedAfterMs.value + 60_000);
        if (backend.name === 'postgres') expect(await endClaimSessions(rig.store.db)).toBe(1);
        const [reconciled] = await rig.restartEngine('Bo').recoverUnresolved();
        expect(reconciled).toMatchObject({ tid, state: 'failed' });

        const late = await approving;
        expect(late).toMatchObject({ state: 'done', moneyMoved: true, errorCode: 'OUTCOME_UNKNOWN' });
        expect(late.message).toContain('already been reconciled as failed');
        const [entry] = await journalOf(tid);
        expect(entry).toMatchObject({ state: 'failed' });
        expect(entry!.lateAnswer).toContain('answered done');
        expect(await storedStatus(tid)).toBe('split');
        const audit = (await rig.engine.detail(tid)).audit;
        expect(audit.map((a) => a.action).sort()).toEqual(['payouts:approve', 'payouts:reconcile']);
        expect(audit.find((a) => a.action === 'payouts:approve')!.details).toMatchObject({ result: 'done' });
        expect((await rig.engine.list()).rows.map((r) => r.tid)).not.toContain(tid);
        expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
      });
    });

    describe('2–3. after a timeout only a definitive answer says "not applied"', () => {
      it('a payout still processing shows `requested`: unknown and blocked, never "safe to retry"; paid once settled', async () => {
        const { tid, gateway } = await one();
        rig.sim.setFaults({ holdPayouts: true, timeoutAfterApply: 1, timeoutMode: 'drop' });
        const outcome = await rig.engine.approve({ tid, gateway });
        expect(outcome).toMatchObject({ state: 'unknown', moneyMoved: 'unknown', errorCode: 'OUTCOME_UNKNOWN' });
        expect(outcome.message).toContain('Outcome unknown — reconcile later');
        expect(outcome.message).toContain('requested');
        expect(outcome.message).not.toMatch(/safe to/i);
        expect((await refusal(rig.engine.approve({ tid, gateway }))).code).toBe('OUTCOME_UNKNOWN');
        expect(await rig.engine.reconcile(tid)).toMatchObject({ state: 'unknown' });

        await rig.admin('/_sim/settle-payouts', { status: 'approved' });
        expect(await rig.engine.reconcile(tid)).toMatchObject({ state: 'done', moneyMoved: true, newStatus: 'split' });
        expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
      });

      // Seen in the fault run: a split part paid a moment before was taken as this approve's payout.
      it('an approve refused with a 5xx right after a split part is not "done" on the strength of that part', async () => {
        const { tid, gateway } = await one(9_000);
        const [part] = await rig.engine.split({ tid, parts: [{ amountMinor: 2_000, gateway }] });
        expect(part).toMatchObject({ state: 'done' });
        rig.sim.setFaults({ http5xx: 1 });
        const outcome = await rig.engine.approve({ tid, gateway });
        expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
        expect(outcome).toMatchObject({ state: 'unknown', moneyMoved: 'unknown' });
        expect(outcome.message).not.toContain('the approval went through');
      });

      for (const status of ['verification', 'partial_payout', 'error', 'requested']) {
        it(`find-transaction answering \`${status}\` after a timeout keeps the approval unknown and shows it`, async () => {
          const { tid, gateway } = await one();
          rig.sim.setFaults({
            timeoutAfterApply: 1,
            timeoutMode: 'drop',
            findStatus: [{ tid, status, seconds: 30 }],
          });
          const outcome = await rig.engine.approve({ tid, gateway });
          expect(outcome).toMatchObject({ state: 'unknown', moneyMoved: 'unknown' });
          expect(outcome.message).toContain(status);
          expect(outcome.message).not.toMatch(/safe to/i);
          expect((await rig.engine.list()).rows.find((r) => r.tid === tid)).toMatchObject({ journalState: 'unknown' });
          expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
        });
      }

      it('a rejection whose answer was lost is unknown while Praxis still shows `requested`, done once it shows cancelled', async () => {
        const { tid } = await one();
        rig.sim.setFaults({
          timeoutAfterApply: 1,
          timeoutMode: 'drop',
          findStatus: [{ tid, status: 'requested', seconds: 30 }],
        });
        const outcome = await rig.engine.reject({ tid, reasonCode: 'customer_asked' });
        expect(outcome).toMatchObject({ state: 'unknown', moneyMoved: 'unknown' });
        expect(outcome.message).not.toMatch(/safe to/i);
        rig.sim.clearFaults();
        expect(await rig.engine.reconcile(tid)).toMatchObject({
          state: 'done',
          moneyMoved: false,
          newStatus: 'cancelled',
        });
        expect((await rig.simRecord(tid)).cancelsMade).toBe(1);
      });

      it('a cancelled request is definitive: the approval did not pay it', async () => {
        const { tid, gateway } = await one();
        rig.sim.setFaults({ http5xx: 1, findStatus: [{ tid, status: 'cancelled', seconds: 30 }] });
        const outcome = await rig.engine.approve({ tid, gateway });
        expect(outcome).toMatchObject({ state: 'failed', moneyMoved: false });
        expect((await rig.simRecord(tid)).payoutsMade).toBe(0);
      });

      it('the stated rule: still requested with no payout past the window is "not applied" and says which rule', async () => {
        const { tid, gateway } = await one();
        rig.sim.setFaults({ http5xx: 1 });
        expect(await rig.engine.approve({ tid, gateway })).toMatchObject({ state: 'unknown' });
        await backdate(tid, PRAXIS_ASSUMPTIONS.notAppliedAfterMs.value + 1_000);
        const settled = await rig.engine.reconcile(tid);
        expect(settled).toMatchObject({ state: 'failed', moneyMoved: false });
        expect(settled.message).toContain("the desk's stated rule");
        expect(await rig.engine.approve({ tid, gateway })).toMatchObject({ state: 'done' });
        expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
      });

      it('a timed-out split part that find-order shows as `error` stays unknown and still counts against the remainder', async () => {
        const { tid, gateway } = await one(8_000);
        rig.sim.setFaults({
          timeoutAfterApply: 1,
          timeoutMode: 'drop',
          findStatus: [{ orderId: `wr${tid}-split-1`, status: 'error', seconds: 30 }],
        });
        const [part] = await rig.engine.split({ tid, parts: [{ amountMinor: 3_000, gateway }] });
        expect(part).toMatchObject({ state: 'unknown', moneyMoved: 'unknown' });
        expect(part!.message).toContain('error');
        expect(part!.message).not.toMatch(/no money moved|safe to/i);
        const tx = (await rig.store.getTransaction(tid))!;
        expect((await remainderOf(rig.store.db, tx)).remainingMinor).toBe(5_000);
        expect((await refusal(rig.engine.approve({ tid, gateway }))).code).toBe('OUTCOME_UNKNOWN');
        expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
      });
    });

    describe('4. the request is handled only when its payout is final', () => {
      it('an approve answered with a pending payout leaves the request open; a later verification brings it back', async () => {
        const { tid, gateway } = await one();
        rig.sim.setFaults({ holdPayouts: true });
        const outcome = await rig.engine.approve({ tid, gateway });
        expect(outcome).toMatchObject({ state: 'done', moneyMoved: true });
        expect(await storedStatus(tid)).toBe('requested');
        // Nothing is left to pay while that payout is pending: the desk does not send again.
        expect((await refusal(rig.engine.approve({ tid, gateway }))).message).toContain('Nothing is left to pay');

        await rig.admin('/_sim/settle-payouts', { status: 'error' });
        expect(await rig.engine.reconcile(tid)).toMatchObject({ newStatus: 'verification' });
        expect((await rig.engine.list()).rows.find((r) => r.tid === tid)).toMatchObject({ status: 'verification' });
        expect((await rig.simRecord(tid)).payoutsMade).toBe(1);
      });
    });

    describe('5. nothing stays `sending`', () => {
      // The claim reads the request's status in its own statement: no store work is left between it and the send.
      it('a store error at the claim during a bulk approve sends nothing and leaves no entry; the others go through', async () => {
        const tids = await rig.request([
          { cid: 'c-bulk-1', currency: 'EUR', amount: 1_100 },
          { cid: 'c-bulk-2', currency: 'EUR', amount: 1_200 },
          { cid: 'c-bulk-3', currency: 'EUR', amount: 1_300 },
        ]);
        failNextClaim(rig.store);
        const bulk = await rig.engine.bulk({ action: 'approve', tids });
        const failed = bulk.results.filter((r) => r.state === 'failed');
        expect(failed).toHaveLength(1);
        expect(failed[0]!.message).toContain('Nothing was sent');
        expect(bulk.results.filter((r) => r.state === 'done')).toHaveLength(2);
        expect(await rig.store.journal.unresolved(0)).toEqual([]);
        const tid = failed[0]!.tid;
        expect(await journalOf(tid)).toEqual([]);
        expect((await rig.simRecord(tid)).payoutsMade).toBe(0);
        // Not CONFLICT until a restart: it can be approved again at once, and pays once.
        expect(await rig.engine.approve({ tid, gateway: await gatewayOf(tid) })).toMatchObject({ state: 'done' });
        for (const t of tids) expect((await rig.simRecord(t)).payoutsMade).toBe(1);
      });
    });

    describe('5b. an entry whose sender vanished', () => {
      it('past its lease it blocks as unknown (not "wait") and "Reconcile now" takes it over', async () => {
        const { tid, gateway } = await one();
        await rig.store.journal.begin({
          itemKind: 'transaction',
          itemId: String(tid),
          action: 'payouts:approve',
          operator: 'Bo',
          request: { intent: 'complete-withdrawal-request', withdrawal_request_id: tid, gateway },
        });
        expect((await refusal(rig.engine.approve({ tid, gateway }))).code).toBe('CONFLICT');
        expect((await rig.engine.list()).rows.find((r) => r.tid === tid)).toMatchObject({ journalState: 'sending' });
        await backdate(tid, 60_000);
        expect((await refusal(rig.engine.approve({ tid, gateway }))).code).toBe('OUTCOME_UNKNOWN');
        // The queue offers "Reconcile now" for it (the row shows unknown), not a wait that never ends.
        expect((await rig.engine.list()).rows.find((r) => r.tid === tid)).toMatchObject({ journalState: 'unknown' });
        // Requested, no payout, but only a minute after the send: still unknown, now the reconciler's.
        const r = await rig.engine.reconcile(tid);
        expect(r).toMatchObject({ state: 'unknown', errorCode: 'OUTCOME_UNKNOWN' });
        expect((await journalOf(tid)).map((j) => j.state)).toEqual(['unknown']);
        expect((await rig.simRecord(tid)).payoutsMade).toBe(0);
      });
    });

    describe('6. one concurrency limit per desk', () => {
      it('two overlapping bulk approves never have more sends at Praxis than the limit', async () => {
        const items = (n: number, p: string) =>
          Array.from({ length: n }, (_, i) => ({ cid: `${p}-${i}`, currency: 'EUR', amount: 1_000 + i }));
        const [a, b] = [await rig.request(items(12, 'bulk-a')), await rig.request(items(12, 'bulk-b'))];
        rig.sim.setFaults({ latencyMs: 60 });
        await rig.admin('/_sim/stats', undefined, 'DELETE');
        const [ra, rb] = await Promise.all([
          rig.engine.bulk({ action: 'approve', tids: a }),
          rig.engine.bulk({ action: 'approve', tids: b }),
        ]);
        expect(ra.failedCount + rb.failedCount).toBe(0);
        const stats = await rig.admin<{ maxInFlight: Record<string, number> }>('/_sim/stats', undefined, 'GET');
        expect(stats.maxInFlight['/agent/manage-withdrawal-request']).toBeLessThanOrEqual(8);
        expect(stats.maxInFlight['/agent/manage-withdrawal-request']).toBeGreaterThan(1);
      });
    });

    describe('7. split amounts as Praxis reports them', () => {
      it('a part booked at another amount than asked is flagged, stops later parts, and the remainder follows Praxis', async () => {
        const { tid, gateway } = await one(9_000);
        rig.sim.setFaults({ shortPayouts: 1, shortByMinor: 100 });
        const [first, second] = await rig.engine.split({
          tid,
          parts: [
            { amountMinor: 3_000, gateway },
            { amountMinor: 3_000, gateway },
          ],
        });
        expect(first).toMatchObject({ state: 'done', moneyMoved: true, errorCode: 'CONFLICT' });
        expect(first!.message).toContain('29.00');
        expect(second).toMatchObject({ state: 'failed', moneyMoved: false });
        const tx = (await rig.store.getTransaction(tid))!;
        expect(await remainderOf(rig.store.db, tx)).toEqual({
          currency: 'EUR',
          remainingMinor: 6_100,
          otherCurrencies: [],
        });
        expect((await rig.simRecord(tid)).remainingMinor).toBe(6_100);
      });

      it('a part sent but not yet seen at Praxis (lookup unverifiable) still counts against the remainder', async () => {
        const { tid, gateway } = await one(8_000);
        rig.sim.setFaults({ timeoutAfterApply: 1, timeoutMode: 'drop', wrongSignature: 1 });
        const [part] = await rig.engine.split({ tid, parts: [{ amountMinor: 2_500, gateway }] });
        expect(part).toMatchObject({ state: 'unknown' });
        expect((await rig.engine.detail(tid)).parts).toEqual([]);
        const tx = (await rig.store.getTransaction(tid))!;
        expect((await remainderOf(rig.store.db, tx)).remainingMinor).toBe(5_500);
      });

      it('a part Praxis reports in another currency blocks further payouts with the amounts in words', async () => {
        const { tid, gateway } = await one(9_000);
        const request = (await rig.store.getTransaction(tid))!;
        await rig.store.ingest(
          {
            transaction: {
              ...(request.rawTransaction as Record<string, unknown>),
              tid: 9_900_001,
              currency: 'USD',
              amount: 2_000,
              transaction_status: 'approved',
              withdrawal_request_id: tid,
            } as never,
          },
          { observedAt: new Date(), source: 'lookup' },
        );
        expect(await remainderOf(rig.store.db, request)).toMatchObject({
          remainingMinor: 9_000,
          otherCurrencies: [{ currency: 'USD', amountMinor: 2_000 }],
        });
        const blocked = await refusal(rig.engine.approve({ tid, gateway }));
        expect(blocked.message).toContain('another currency');
        expect((await rig.simRecord(tid)).payoutsMade).toBe(0);
      });
    });
  },
);
