import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskCoreForTest } from '../support/desk-core-rig';

// "Other (see note)" says nothing by itself: whoever calls, the core sends nothing until the note says why.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const desk = () => rig.at('reason-needs-note');
const noNote = { ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/needs a note saying why/) } };

beforeAll(async () => {
  rig = await startDeskCoreForTest('reason-needs-note');
});
afterAll(() => rig?.close());

describe('a reject with "Other (see note)"', () => {
  it('without a note (or only spaces) is refused, alone or in bulk, and Praxis is asked nothing', async () => {
    const row = await rig.request(desk(), 'needs-note', 'EUR', 15_00);
    expect(await desk().raw('payouts:reject', { tid: row.tid, reasonCode: 'other' })).toMatchObject(noNote);
    expect(await desk().raw('payouts:reject', { tid: row.tid, reasonCode: 'other', note: '   ' })).toMatchObject(
      noNote,
    );
    expect(await desk().raw('payouts:bulk', { action: 'reject', tids: [row.tid], reasonCode: 'other' })).toMatchObject(
      noNote,
    );
    expect(await desk().raw('captures:void', { tid: row.tid, reasonCode: 'other' })).toMatchObject(noNote);
    const simulator = (await rig.core.info()).simulatorUrl!;
    const record = (await (await fetch(`${simulator}/_sim/transactions/${row.tid}`)).json()) as {
      transaction: { transaction_status: string };
    };
    expect(record.transaction.transaction_status).toBe('requested');

    const done = await desk().raw('payouts:reject', {
      tid: row.tid,
      reasonCode: 'other',
      note: 'Moved to another brand',
    });
    expect(done).toMatchObject({ ok: true, data: { state: 'done' } });
  });

  it('a manager marks which reasons need a note: a marked one is refused without it, an unmarked "other" is not', async () => {
    const got = (await desk().raw('payout-settings:get', {})) as { ok: true; data: { rejectReasons: unknown[] } };
    const rejectReasons = [
      { code: 'bonus_abuse', label: 'Bonus or promotion abuse', needsNote: true },
      { code: 'other', label: 'Other', needsNote: false },
    ];
    expect(await desk().raw('payout-settings:save', { ...got.data, rejectReasons })).toMatchObject({ ok: true });
    expect(await desk().raw('payout-settings:get', {})).toMatchObject({ ok: true, data: { rejectReasons } });

    const marked = await rig.request(desk(), 'needs-note-marked', 'EUR', 16_00);
    expect(await desk().raw('payouts:reject', { tid: marked.tid, reasonCode: 'bonus_abuse' })).toMatchObject(noNote);
    const unmarked = await rig.request(desk(), 'needs-note-unmarked', 'EUR', 17_00);
    expect(await desk().raw('payouts:reject', { tid: unmarked.tid, reasonCode: 'other' })).toMatchObject({
      ok: true,
      data: { state: 'done' },
    });
    expect(await desk().raw('payout-settings:save', { ...got.data })).toMatchObject({ ok: true });
  });
});
