import { beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/ipc/contract';
import { dispatch, type CommandHandlers } from '../../src/core/commands/dispatch';
import { createMemoryLogger } from '../../src/core/log';
import { PRAXIS_ASSUMPTIONS } from '../../src/core/praxis/assumptions';
import { saveCaptureSettings, DEFAULT_CAPTURE_SETTINGS } from '../../src/core/captures/capture-settings';
import { describeOnEachStore } from '../support/store-backends';
import { startCaptureRig, type CaptureRig } from '../support/capture-rig';
import { refusal } from '../support/sim-rig';
import { fillSyntheticHolds } from '../support/synthetic-holds';
import { holdWindowFor, lapseTime } from '../../src/shared/hold-windows';

const HOUR = 3600_000;

// Issue 11: the capture queue on the same journal, bulk and reconcile machinery as payouts — on both stores,
// against the real simulator over HTTP.
describeOnEachStore(
  'captures',
  (openStore) => startCaptureRig({ timeoutMs: 2_500, hangMs: 4_000, openStore }),
  (rigOf) => {
    let rig: CaptureRig;
    beforeEach(() => {
      rig = rigOf();
      rig.progress.length = 0;
      rig.expiring.length = 0;
    });

    const queueTids = async () => (await rig.engine.list()).rows.map((r) => r.tid);
    /** As if the desk had first seen the hold `ms` ago (its countdown starts there). */
    const backdateHold = (tid: number, ms: number) =>
      rig.store.db.query(
        `UPDATE transactions SET created_at = created_at - $2 * interval '1 millisecond' WHERE tid = $1`,
        [tid, ms],
      );
    const backdateJournal = (tid: number, ms: number) =>
      rig.store.db.query(
        `UPDATE action_journal SET created_at = created_at - $2 * interval '1 millisecond' WHERE item_id = $1`,
        [String(tid), ms],
      );

    it('lists a hold with its window and lapse, captures the whole hold once, and the queue drops it', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-capture', currency: 'KWD', amount: 12_345 }]);
      const [row] = (await rig.engine.list()).rows;
      expect(row).toMatchObject({
        tid,
        amountMinor: 12_345,
        currency: 'KWD',
        status: 'authorized',
        journalState: null,
      });
      expect(row!.holdWindow).toEqual({
        key: 'default',
        label: 'Any other method (4 d 18 h, the shortest known)',
        minutes: 6840,
      });
      expect(Date.parse(row!.lapsesAt) - Date.parse(row!.authorizedAt)).toBe(6840 * 60_000);

      const outcome = await rig.engine.capture(tid!);
      expect(outcome).toMatchObject({
        tid,
        state: 'done',
        moneyMoved: true,
        newStatus: 'approved',
        amountMinor: 12_345,
      });
      expect((await rig.simRecord(tid!)).capturesMade).toBe(1);
      expect(await queueTids()).toEqual([]);
      const detail = await rig.engine.detail(tid!);
      expect(detail.journal.map((j) => [j.action, j.state, j.operator])).toEqual([['captures:capture', 'done', 'Ana']]);
      expect(detail.audit.at(-1)).toMatchObject({
        action: 'captures:capture',
        details: { result: 'done', moneyMoved: true, amountMinor: 12_345, currency: 'KWD' },
      });
    });

    it('a second capture is refused with CONFLICT and Praxis is not called again', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-twice', currency: 'EUR', amount: 5_000 }]);
      await rig.engine.capture(tid!);
      rig.sim.setFaults({ http5xx: 1 }); // used up by any call that reached the simulator
      const err = await refusal(rig.engine.capture(tid!));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain('already captured');
      expect((await rig.faults()).http5xx).toBe(1);
      expect((await rig.simRecord(tid!)).capturesMade).toBe(1);
    });

    it('two captures of one hold at once: one capture at Praxis, the other CONFLICT', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-race', currency: 'EUR', amount: 7_000 }]);
      rig.sim.setFaults({ latencyMs: 150 });
      const both = await Promise.allSettled([rig.engine.capture(tid!), rig.engine.capture(tid!)]);
      expect(both.filter((r) => r.status === 'fulfilled' && r.value.state === 'done')).toHaveLength(1);
      expect(both.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([
        'CONFLICT',
      ]);
      expect((await rig.simRecord(tid!)).capturesMade).toBe(1);
    });

    it('voids with a reason from the pick-list; reason and note are in the audit log, not sent to Praxis', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-void', currency: 'JPY', amount: 1_200 }]);
      const bad = await refusal(rig.engine.void({ tid: tid!, reasonCode: 'because' }));
      expect(bad.code).toBe('VALIDATION');
      expect(bad.message).toContain('order_cancelled');
      expect((await rig.simRecord(tid!)).cancelsMade).toBe(0);

      const outcome = await rig.engine.void({
        tid: tid!,
        reasonCode: 'order_cancelled',
        note: 'Customer changed mind',
      });
      expect(outcome).toMatchObject({ state: 'done', moneyMoved: false, newStatus: 'cancelled' });
      expect((await rig.simRecord(tid!)).cancelsMade).toBe(1);
      expect(await queueTids()).toEqual([]);
      const audit = (await rig.engine.detail(tid!)).audit.at(-1)!;
      expect(audit).toMatchObject({
        action: 'captures:void',
        details: { reasonCode: 'order_cancelled', reasonLabel: 'Order cancelled', note: 'Customer changed mind' },
      });
      const sent = (await rig.engine.detail(tid!)).journal[0]!;
      expect(sent.action).toBe('captures:void');
    });

    it('bulk capture of 100 with two injected refusals: 98 captured, 2 failed with their reasons, none stopped', async () => {
      const tids = await rig.authorize(
        Array.from({ length: 100 }, (_, i) => ({
          cid: `bulk-${i % 10}`,
          currency: i % 3 === 0 ? 'JPY' : 'EUR',
          amount: 1_000 + i,
        })),
      );
      const [bad1, bad2] = [tids[17]!, tids[63]!];
      rig.sim.setFaults({
        tidFaults: [
          { tid: bad1, fault: 'refuse', description: 'Capture declined by the issuer.' },
          { tid: bad2, fault: 'refuse' },
        ],
      });
      const out = await rig.engine.bulk({ action: 'capture', tids });
      expect(out.failedCount).toBe(2);
      expect(out.results.filter((r) => r.state === 'done')).toHaveLength(98);
      const failed = out.results.filter((r) => r.state === 'failed');
      expect(failed.map((r) => r.tid).sort()).toEqual([bad1, bad2].sort());
      expect(failed.find((r) => r.tid === bad1)!.message).toContain('Capture declined by the issuer.');
      expect(failed.find((r) => r.tid === bad2)!.message).toContain('Generic Error.');
      expect(failed.every((r) => r.moneyMoved === false && r.amountMinor !== undefined)).toBe(true);
      const made = await Promise.all(tids.map(async (t) => (await rig.simRecord(t)).capturesMade));
      expect(made.reduce((a, b) => a + b, 0)).toBe(98);
      // 34 JPY holds (every third) and 66 EUR; tids[63] is a JPY one, tids[17] an EUR one.
      expect(out.succeeded.map((s) => [s.currency, s.count])).toEqual([
        ['EUR', 65],
        ['JPY', 33],
      ]);
      expect((await queueTids()).sort()).toEqual([bad1, bad2].sort());
      expect(rig.progress.at(-1)).toEqual({ action: 'capture', queue: 'deposits', done: 100, total: 100 });
      const bulkAudit = (await rig.store.audit.list()).find((a) => a.action === 'captures:bulk-capture');
      expect(bulkAudit?.details).toMatchObject({ count: 100, failedCount: 2 });
    }, 60_000);

    it('a capture refused because the hold was cancelled meanwhile says so, and the item is updated', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-cancelled', currency: 'EUR', amount: 4_400 }]);
      // Someone released the hold in the back office (another desk's void, straight at Praxis).
      await rig.client.cancelAuthorization(tid!);
      const outcome = await rig.engine.capture(tid!);
      expect(outcome).toMatchObject({ state: 'failed', moneyMoved: false, errorCode: 'PRAXIS_REJECTED' });
      expect(outcome.message).toContain('was cancelled (released) meanwhile');
      expect(outcome.message).toContain('Nothing was captured');
      expect(outcome.message).toContain('Authorization is already cancelled.');
      expect((await rig.store.getTransaction(tid!))?.status).toBe('cancelled');
      expect(await queueTids()).toEqual([]);
      expect((await rig.simRecord(tid!)).capturesMade).toBe(0);
    });

    it('a hold that lapses at the simulator: the capture fails saying it lapsed, and the item leaves the queue', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-lapse', currency: 'EUR', amount: 9_100 }]);
      await rig.admin('/_sim/hold-window', { seconds: 1, tids: [tid] });
      for (let i = 0; i < 60 && (await rig.simRecord(tid!)).transaction.transaction_status === 'authorized'; i++)
        await new Promise((r) => setTimeout(r, 100));
      const lapsed = await rig.simRecord(tid!);
      expect(lapsed.transaction).toMatchObject({
        transaction_status: PRAXIS_ASSUMPTIONS.lapsedHold.value.status,
        status_details: PRAXIS_ASSUMPTIONS.lapsedHold.value.statusDetails,
      });
      expect(await queueTids()).toEqual([tid]); // the desk has not heard yet
      const outcome = await rig.engine.capture(tid!);
      expect(outcome.state).toBe('failed');
      expect(outcome.message).toMatch(/has lapsed \(Authorization expired/);
      expect(outcome.message).toContain('take a new authorization');
      expect(await queueTids()).toEqual([]);
      expect((await rig.engine.detail(tid!)).statusDetails).toBe(PRAXIS_ASSUMPTIONS.lapsedHold.value.statusDetails);
    });

    it('timeout after the capture committed: reconciled as done, exactly one capture at the simulator', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-timeout', currency: 'EUR', amount: 6_600 }]);
      rig.sim.setFaults({ tidFaults: [{ tid: tid!, fault: 'timeoutAfterApply' }], timeoutMode: 'drop' });
      const outcome = await rig.engine.capture(tid!);
      expect(outcome).toMatchObject({ state: 'done', moneyMoved: true, newStatus: 'approved' });
      expect(outcome.message).toContain('the capture went through once');
      expect((await rig.simRecord(tid!)).capturesMade).toBe(1);
      await refusal(rig.engine.capture(tid!));
      expect((await rig.simRecord(tid!)).capturesMade).toBe(1);
      const journal = (await rig.engine.detail(tid!)).journal;
      expect(journal.map((j) => j.state)).toEqual(['done']);
    });

    it('unknown while Praxis still shows authorized stays unknown and blocked, until the stated rule', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-unknown', currency: 'EUR', amount: 3_300 }]);
      // The capture never reached Praxis's book (503), but the desk cannot know that: outcome unknown.
      rig.sim.setFaults({ tidFaults: [{ tid: tid!, fault: 'http5xx' }] });
      const outcome = await rig.engine.capture(tid!);
      expect(outcome).toMatchObject({ state: 'unknown', moneyMoved: 'unknown' });
      expect(outcome.message).toContain('still shows authorization');
      const [row] = (await rig.engine.list()).rows;
      expect(row).toMatchObject({ tid, journalState: 'unknown' });

      const blocked = await refusal(rig.engine.capture(tid!));
      expect(blocked.code).toBe('OUTCOME_UNKNOWN');
      const voidBlocked = await refusal(rig.engine.void({ tid: tid!, reasonCode: 'customer_asked' }));
      expect(voidBlocked.code).toBe('OUTCOME_UNKNOWN');
      expect((await rig.engine.reconcile(tid!)).state).toBe('unknown');
      expect((await rig.simRecord(tid!)).capturesMade).toBe(0);

      await backdateJournal(tid!, PRAXIS_ASSUMPTIONS.holdUnchangedAfterMs.value + 1_000);
      const settled = await rig.engine.reconcile(tid!);
      expect(settled).toMatchObject({ state: 'failed', moneyMoved: false });
      expect(settled.message).toContain("the desk's stated rule");
      expect((await rig.engine.capture(tid!)).state).toBe('done');
      expect((await rig.simRecord(tid!)).capturesMade).toBe(1);
    });

    it('recovery at start reconciles an unknown capture before anyone acts again', async () => {
      const [tid] = await rig.authorize([{ cid: 'c-recover', currency: 'EUR', amount: 2_200 }]);
      // The answer is lost and the lookup right after still shows authorized: the entry stays unknown.
      rig.sim.setFaults({
        tidFaults: [{ tid: tid!, fault: 'timeoutAfterApply' }],
        timeoutMode: 'drop',
        findStatus: [{ tid: tid!, status: 'authorized', seconds: 30 }],
      });
      expect((await rig.engine.capture(tid!)).state).toBe('unknown');
      rig.sim.clearFaults();
      const recovered = await rig.restartEngine('Bo').recoverUnresolved();
      expect(recovered).toMatchObject([{ tid, state: 'done', moneyMoved: true }]);
      expect((await rig.simRecord(tid!)).capturesMade).toBe(1);
    });

    it('announces a hold entering its last 24 hours once, even after a restart', async () => {
      const [soon, later] = await rig.authorize([
        { cid: 'c-soon', currency: 'KWD', amount: 1_250 },
        { cid: 'c-later', currency: 'EUR', amount: 1_000 },
      ]);
      await backdateHold(soon!, 4 * 24 * HOUR); // 4 d of 4 d 18 h gone: 18 h left
      const first = await rig.engine.announceExpiring();
      expect(first.map((h) => [h.tid, h.amountMinor, h.currency])).toEqual([[soon, 1_250, 'KWD']]);
      expect(rig.expiring).toEqual([first]);
      expect(await rig.engine.announceExpiring()).toEqual([]);
      expect(await rig.restartEngine().announceExpiring()).toEqual([]);
      await backdateHold(later!, 4 * 24 * HOUR + 2 * HOUR);
      expect((await rig.engine.announceExpiring()).map((h) => h.tid)).toEqual([later]);
      expect(rig.expiring).toHaveLength(2);
    });

    it('the queue SQL picks the same window as holdWindowFor for every brand and method', async () => {
      await fillSyntheticHolds(rig.store, { holds: 60, customers: 7 });
      // Some wallets and unknown brands too: no card, and a brand the table does not name.
      await rig.store.db.query(
        `UPDATE transactions SET payment_method = 'Skrill', raw_transaction = '{"card": null}' WHERE tid % 3 = 0`,
      );
      await rig.store.db.query(
        `UPDATE transactions SET raw_transaction = '{"card": {"card_type": "jcb"}}' WHERE tid % 5 = 1`,
      );
      const table = [
        ...DEFAULT_CAPTURE_SETTINGS.holdWindows,
        { key: 'skrill', label: 'Skrill (3 d)', cardType: null, paymentMethod: 'SKRILL', minutes: 4320 },
      ];
      await saveCaptureSettings(rig.store, { ...DEFAULT_CAPTURE_SETTINGS, holdWindows: table }, 'Ana');
      const rows = (await rig.engine.list()).rows;
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((r) => r.holdWindow.key))).toEqual(new Set(['visa', 'mastercard', 'skrill', 'default']));
      for (const r of rows) {
        expect(r.holdWindow).toEqual(holdWindowFor(r, table));
        expect(r.lapsesAt).toBe(lapseTime(r.authorizedAt, r.holdWindow).toISOString());
      }
      const lapses = rows.map((r) => `${r.lapsesAt}/${String(r.tid).padStart(12, '0')}`);
      expect(lapses).toEqual([...lapses].sort());
    });

    it('sorts by time left, with the window each countdown uses from the settings', async () => {
      const [a, b, c] = await rig.authorize([
        { cid: 'c-a', currency: 'EUR', amount: 100 },
        { cid: 'c-b', currency: 'EUR', amount: 200 },
        { cid: 'c-c', currency: 'EUR', amount: 300 },
      ]);
      await backdateHold(b!, 3 * 24 * HOUR);
      await backdateHold(c!, 1 * 24 * HOUR);
      // A first-seen time in microseconds: the page cursor (the ISO time a row shows) must not repeat the row.
      await rig.store.db.query(
        `UPDATE transactions SET created_at = created_at + interval '123 microseconds' WHERE tid = $1`,
        [c],
      );
      expect(await queueTids()).toEqual([b, c, a]);
      const page = await rig.engine.list({ limit: 2 });
      expect(page.rows.map((r) => r.tid)).toEqual([b, c]);
      expect(page.next).toBe(c);
      expect((await rig.engine.list({ limit: 2, after: c })).rows.map((r) => r.tid)).toEqual([a]);

      await saveCaptureSettings(
        rig.store,
        {
          ...DEFAULT_CAPTURE_SETTINGS,
          holdWindows: [
            ...DEFAULT_CAPTURE_SETTINGS.holdWindows,
            {
              key: 'cards',
              label: 'Cards at our PSP (2 d)',
              cardType: null,
              paymentMethod: 'credit card',
              minutes: 2880,
            },
          ],
        },
        'Ana',
      );
      const rows = (await rig.engine.list()).rows;
      expect(rows.map((r) => r.holdWindow.key)).toEqual(['cards', 'cards', 'cards']);
      expect(Date.parse(rows[0]!.lapsesAt) - Date.parse(rows[0]!.authorizedAt)).toBe(2880 * 60_000);
    });
  },
);

describe('the captures contract', () => {
  it('answers bad input with VALIDATION before any handler runs', async () => {
    const none = {} as CommandHandlers; // no handler may be reached
    const log = createMemoryLogger();
    const ctx = { transport: 'test' as const, connection: 'test' };
    for (const [channel, input] of [
      ['captures:capture', { tid: -1 }],
      ['captures:capture', { tid: 5, amountMinor: 100 }],
      ['captures:void', { tid: 5 }],
      ['captures:bulk', { action: 'void', tids: [5] }],
      ['captures:list', { limit: 0 }],
      ['capture-settings:save', { holdWindows: [], voidReasons: [], bulkConcurrency: 0 }],
    ] as const) {
      const res = await dispatch(none, channel, input, ctx, log);
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const res = await dispatch(none, 'captures:bulk', { action: 'void', tids: [5] }, ctx, log);
    expect(!res.ok && res.error.message).toContain('A bulk void needs a reason');
  });

  it('says what was wrong with a bad input', () => {
    const voidNoReason = contract['captures:bulk'].input.safeParse({ action: 'void', tids: [1] });
    expect(voidNoReason.error?.issues[0]?.message).toBe('A bulk void needs a reason');
    expect(contract['captures:capture'].input.safeParse({ tid: 1, amountMinor: 100 }).success).toBe(false);
    expect(contract['captures:bulk'].input.safeParse({ action: 'capture', tids: [] }).success).toBe(false);
    const noDefault = contract['capture-settings:save'].input.safeParse({
      ...DEFAULT_CAPTURE_SETTINGS,
      holdWindows: DEFAULT_CAPTURE_SETTINGS.holdWindows.filter((w) => w.key !== 'default'),
    });
    expect(noDefault.error?.issues[0]?.message).toMatch(/Keep one default hold window/);
    const tooLong = contract['capture-settings:save'].input.safeParse({
      ...DEFAULT_CAPTURE_SETTINGS,
      holdWindows: [{ key: 'default', label: 'x', cardType: null, paymentMethod: null, minutes: 90 * 24 * 60 }],
    });
    expect(tooLong.error?.issues[0]?.message).toBe('A hold window is at most 60 days');
  });
});
