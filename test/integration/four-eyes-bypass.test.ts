import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStoreLocation, openStore } from '../../src/core/store/work-store';
import type { Channel } from '../../src/shared/ipc/contract';
import type { GatewayOption, PayoutDetail, PayoutSettings } from '../../src/shared/payouts';
import { startDeskCoreForTest } from '../support/desk-core-rig';

// The bypasses a hostile insider tried, each through the real command table of a whole one-desk composition.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const callRaw = (channel: Channel, input: unknown = {}) => rig.at('test').raw(channel, input);
const call = <T>(channel: Channel, input: unknown = {}) => rig.at('test').call<T>(channel, input);
const request = (cid: string, currency: string, amountMinor: number) =>
  rig.request(rig.at('test'), cid, currency, amountMinor);
const payoutsMade = (tid: number) => rig.payoutsMade(tid);

beforeAll(async () => {
  rig = await startDeskCoreForTest('four-eyes-bypass');
});
afterAll(() => rig?.close());

describe('four-eyes bypasses, through the command table', () => {
  it('thresholds are a strict map of ISO 4217 codes: __proto__ and unknown codes are refused, nothing is saved', async () => {
    const before = await call<PayoutSettings>('payout-settings:get');
    // Parsed from JSON text, as the transports do: `__proto__` is then an own key, which zod's record would drop.
    for (const map of ['{"__proto__": 5}', '{"XYZ": 5}', '{"eur": 5}']) {
      const r = await callRaw('payout-settings:save', { ...before, fourEyesThresholds: JSON.parse(map) as unknown });
      expect(r, map).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('is not an ISO 4217 currency code') },
      });
    }
    expect(await call<PayoutSettings>('payout-settings:get')).toEqual(before);
  });

  it('a currency with no threshold needs a second approver for any amount (fails closed)', async () => {
    const settings = await call<PayoutSettings>('payout-settings:get');
    const { GBP: _dropped, ...withoutGbp } = settings.fourEyesThresholds;
    await call('payout-settings:save', { ...settings, fourEyesThresholds: withoutGbp });

    const row = await request('fe-closed', 'GBP', 1_00);
    expect(row).toMatchObject({ needsSecondApproval: true, flags: expect.arrayContaining(['four_eyes']) });
    const [gateway] = await call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    const refused = await callRaw('payouts:approve', { tid: row.tid, gateway: gateway!.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FOUR_EYES', message: expect.stringContaining('no four-eyes threshold is set for GBP') },
    });
    const risk = (await call<PayoutDetail>('payouts:detail', { tid: row.tid })).risk;
    expect(risk.find((f) => f.code === 'four_eyes')?.reason).toContain('No four-eyes threshold is set for GBP');
    expect(await payoutsMade(row.tid)).toBe(0);
    await call('payout-settings:save', settings);
  });

  it('PIN guessing is locked out after 5 wrong tries; even the right PIN is refused while locked', async () => {
    await call('operators:add', { name: 'Bo', pin: '482135', role: 'backoffice' });
    const row = await request('fe-guess', 'EUR', 6_000_00);
    const [gateway] = await call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    const approveWith = (pin: string) =>
      callRaw('payouts:approve', { tid: row.tid, gateway: gateway!.id, secondApprover: { operator: 'Bo', pin } });

    const tries: string[] = [];
    for (const pin of ['0000', '1111', '2222', '3333', '4444']) {
      const r = await approveWith(pin);
      tries.push(r.ok ? 'sent' : r.error.message);
    }
    expect(tries.slice(0, 4).every((m) => m.includes('name or PIN is not right') && !m.includes('locked'))).toBe(true);
    expect(tries[4]).toContain('this operator name is locked for 30 s');
    // An unknown name reads exactly like a wrong PIN: no guessing who is registered.
    const stranger = await callRaw('payouts:approve', {
      tid: row.tid,
      gateway: gateway!.id,
      secondApprover: { operator: 'Cy', pin: '482135' },
    });
    expect(stranger).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('name or PIN is not right') },
    });

    const right = await approveWith('482135');
    expect(right).toMatchObject({
      ok: false,
      error: { code: 'FOUR_EYES', message: expect.stringContaining('locked') },
    });
    expect(await payoutsMade(row.tid)).toBe(0);
  });

  it('operators added or removed and every settings change are audited, with before and after', async () => {
    const settings = await call<PayoutSettings>('payout-settings:get');
    await call('payout-settings:save', { ...settings, slaWarnMinutes: 20 });
    await call('operators:add', { name: 'Di', pin: '918273', role: 'agent' });
    await call('operators:remove', { name: 'di' });
    await rig.core.close();

    const store = await openStore(defaultStoreLocation(rig.dataDir));
    try {
      const rows = (
        await store.db.query<{ operator: string; action: string; details: Record<string, unknown> }>(
          `SELECT operator, action, details FROM audit_log WHERE action IN ('payout-settings:save', 'operators:add', 'operators:remove') ORDER BY seq`,
        )
      ).rows;
      expect(rows.at(-3)).toMatchObject({
        operator: 'Sandbox operator',
        action: 'payout-settings:save',
        details: { changed: ['slaWarnMinutes'], before: { slaWarnMinutes: 30 }, after: { slaWarnMinutes: 20 } },
      });
      // Dropping GBP's threshold (the fail-closed test) was recorded with what it was.
      expect(rows.some((r) => JSON.stringify(r.details.before).includes('"GBP":400000'))).toBe(true);
      expect(rows.slice(-2).map((r) => [r.action, r.details.name])).toEqual([
        ['operators:add', 'Di'],
        ['operators:remove', 'Di'],
      ]);
      expect(JSON.stringify(rows)).not.toContain('918273');
    } finally {
      await store.close();
    }
  });
});
