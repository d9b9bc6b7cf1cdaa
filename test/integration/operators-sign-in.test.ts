import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ROLES } from '../../src/core/access/channel-roles';
import type { AccessState, Role } from '../../src/shared/access';
import { CHANNELS } from '../../src/shared/ipc/contract';
import type { GatewayOption, PayoutDetail, PayoutSettings } from '../../src/shared/payouts';
import type { AuditPage } from '../../src/shared/audit';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';
import { channelSamples } from '../support/channel-samples';

// Sign-in, roles and the four-eyes rule, tried as a hostile insider would: each window is a connection of its own,
// through the real command table of a whole one-desk composition.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia'); // manager
const bo = at('window-bo'); // back-office
const al = at('window-al'); // agent
const request = (cid: string, currency: string, amountMinor: number) => rig.request(mia, cid, currency, amountMinor);
const payoutsMade = (tid: number) => rig.payoutsMade(tid);
/** The second manager who confirms each new manager (never used to guess PINs, so never locked). */
const uma = { operator: 'Uma', pin: '31415' };

beforeAll(async () => {
  rig = await startDeskCoreForTest('operators-sign-in');
});
afterAll(() => rig?.close());

describe('operators who sign in', () => {
  it('a fresh desk runs as the sandbox operator with every role until a first manager is created, then asks everyone to sign in', async () => {
    expect(await mia.call<AccessState>('session:status')).toMatchObject({
      mode: 'sandbox',
      operator: 'Sandbox operator',
      roles: ['agent', 'backoffice', 'manager'],
    });
    // A back-office operator alone does not turn sign-in on: there is still no one to manage the desk.
    await mia.call('operators:add', { name: 'Bo', pin: '48213', role: 'backoffice' });
    expect((await mia.call<AccessState>('session:status')).mode).toBe('sandbox');
    await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });

    // The window that was working as the sandbox operator is told why it now asks for a PIN.
    expect(await mia.call<AccessState>('session:status')).toMatchObject({
      mode: 'signed-out',
      why: expect.stringContaining('Sign-in is on: the desk now has a manager'),
    });
    expect(await mia.raw('payouts:list')).toMatchObject({ ok: false, error: { code: 'SIGN_IN' } });
    expect(await mia.call<AccessState>('session:sign-in', { operator: 'mia', pin: '91827' })).toMatchObject({
      mode: 'signed-in',
      operator: 'Mia',
      role: 'manager',
    });
    await mia.call('operators:add', { name: 'Al', pin: '55123', role: 'agent' });
    // The only manager adds a second one alone; from then on a new manager needs a second manager's PIN.
    await mia.call('operators:add', { name: 'Uma', pin: '31415', role: 'manager' });
    // Signing in at one window signs in nobody else.
    expect(await bo.raw('payouts:list')).toMatchObject({ ok: false, error: { code: 'SIGN_IN' } });
    await bo.call('session:sign-in', { operator: 'Bo', pin: '48213' });
    await al.call('session:sign-in', { operator: 'Al', pin: '55123' });
  });

  it('each role is refused every channel it may not call, before its handler runs', async () => {
    const samples = channelSamples({
      payoutSettings: await mia.call('payout-settings:get'),
      captureSettings: await mia.call('capture-settings:get'),
      terminalSettings: await mia.call('terminal-settings:get'),
    });
    const windows: Array<[Role, ReturnType<typeof at>]> = [
      ['agent', al],
      ['backoffice', bo],
    ];
    let refused = 0;
    for (const [role, w] of windows) {
      for (const channel of CHANNELS) {
        const access = CHANNEL_ROLES[channel];
        if (access === 'open' || access === 'signed-in' || access.includes(role)) continue;
        const r = await w.raw(channel, samples[channel]);
        expect(r, `${role} → ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        // Who may call is decided before the input is read: a malformed call out of role is refused as out of role.
        const malformed = await w.raw(channel, { __proto__: { admin: true }, junk: 'x'.repeat(1_000) });
        expect(malformed, `${role} → ${channel}, malformed`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(30);
    // What each role is for still works.
    expect((await al.raw('lookup:run', { ids: ['90000001'] })).ok).toBe(true);
    expect((await bo.raw('payouts:list', { limit: 1 })).ok).toBe(true);
    // The agent signed in is who Praxis is told took the call.
    const started = await al.call<{ session: { orderId: string } }>('terminal:start', samples['terminal:start']);
    const simSession = await fetch(`${(await rig.core.info()).simulatorUrl}/_sim/sessions/${started.session.orderId}`);
    expect(await simSession.json()).toMatchObject({ agent_name: 'Al' });
    expect(await al.raw('payouts:approve', { tid: 1, gateway: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('Al is signed in as agent') },
    });
  });

  it('a back-office operator cannot approve a large payout alone: no operators of their own, no self-confirmation', async () => {
    const row = await request('bypass-alone', 'EUR', 6_000_00);
    const [gateway] = await bo.call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    expect(await bo.raw('operators:add', { name: 'Bob2', pin: '1111', role: 'manager' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await bo.raw('payouts:approve', {
        tid: row.tid,
        gateway: gateway!.id,
        secondApprover: { operator: 'Bo', pin: '48213' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FOUR_EYES', message: expect.stringContaining('different operator') },
    });
    // Another registered operator who is not a manager cannot give a second approval either.
    expect(
      await bo.raw('payouts:approve', {
        tid: row.tid,
        gateway: gateway!.id,
        secondApprover: { operator: 'Al', pin: '55123' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FOUR_EYES', message: expect.stringContaining('needs a manager') } });
    // The profile no longer names who acts: an operator name sent with a profile is refused.
    const [profile] = (await mia.call<{ profiles: Array<Record<string, unknown>> }>('profiles:list')).profiles;
    expect(await mia.raw('profiles:save', { ...profile, operatorName: 'Mia' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('operatorName') },
    });
    expect(await payoutsMade(row.tid)).toBe(0);

    const outcome = await bo.call<{ state: string }>('payouts:approve', {
      tid: row.tid,
      gateway: gateway!.id,
      secondApprover: { operator: 'Mia', pin: '91827' },
    });
    expect(outcome.state).toBe('done');
    expect(await payoutsMade(row.tid)).toBe(1);
    const detail = await bo.call<PayoutDetail>('payouts:detail', { tid: row.tid });
    expect(detail.journal.map((j) => j.operator)).toContain('Bo');
  });

  it('a PIN typed into a name box is not kept in the audit, and no operator may be named with digits alone', async () => {
    const stray = at('window-stray');
    expect(await stray.raw('session:sign-in', { operator: '987654', pin: '987654' })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN' },
    });
    const row = await request('pin-in-name', 'EUR', 6_000_00);
    const [gateway] = await bo.call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    expect(
      await bo.raw('payouts:approve', {
        tid: row.tid,
        gateway: gateway!.id,
        secondApprover: { operator: '246813', pin: '246813' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FOUR_EYES' } });
    // The audit chain keeps what it is given for good: of a name of digits nobody has, only its length.
    const { rows } = await mia.call<AuditPage>('audit:list', { filter: {}, limit: 50 });
    expect(JSON.stringify(rows)).not.toMatch(/987654|246813/);
    expect(rows.find((r) => r.action === 'session:sign-in-refused')?.operator).toBe(
      '(6 digits, withheld: possibly a PIN)',
    );
    expect(rows.find((r) => r.action === 'payouts:four-eyes-refused')?.details).toMatchObject({
      secondApprover: '(6 digits, withheld: possibly a PIN)',
      reason: 'unknown_operator',
    });
    expect(await mia.raw('operators:add', { name: '5551234', pin: '5551', role: 'agent' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('letter') },
    });
  });

  it('a change that weakens four-eyes needs a second manager; one that strengthens it does not', async () => {
    const settings = await mia.call<PayoutSettings>('payout-settings:get');
    const raised = { ...settings, fourEyesThresholds: { ...settings.fourEyesThresholds, EUR: 900_000 } };
    expect(await mia.raw('payout-settings:save', raised)).toMatchObject({
      ok: false,
      error: { code: 'FOUR_EYES', message: expect.stringContaining('EUR raised from EUR 5,000.00 to EUR 9,000.00') },
    });
    expect(
      await mia.raw('payout-settings:save', { ...raised, secondManager: { operator: 'Bo', pin: '48213' } }),
    ).toMatchObject({ ok: false, error: { code: 'FOUR_EYES', message: expect.stringContaining('needs a manager') } });
    expect((await mia.call<PayoutSettings>('payout-settings:get')).fourEyesThresholds.EUR).toBe(500_000);

    await mia.call('operators:add', { name: 'Ned', pin: '66123', role: 'manager', secondManager: uma });
    await mia.call('payout-settings:save', { ...raised, secondManager: { operator: 'Ned', pin: '66123' } });
    expect((await mia.call<PayoutSettings>('payout-settings:get')).fourEyesThresholds.EUR).toBe(900_000);
    // Lowering a threshold asks for a second approver more often: one manager may do it.
    await mia.call('payout-settings:save', settings);

    expect(await mia.raw('operators:remove', { name: 'Al' })).toMatchObject({
      ok: false,
      error: { code: 'FOUR_EYES' },
    });
    await mia.call('operators:remove', { name: 'Al', secondManager: { operator: 'Ned', pin: '66123' } });
    // Removed while signed in: Al acts no more.
    expect(await al.raw('lookup:run', { ids: ['1'] })).toMatchObject({ ok: false, error: { code: 'SIGN_IN' } });
  });

  it('sign-in PIN guessing is locked out after 5 wrong tries, with the same answer for a wrong name', async () => {
    const guesser = at('window-guesser');
    const answers: string[] = [];
    for (const pin of ['0000', '1111', '2222', '3333', '4444']) {
      const r = await guesser.raw('session:sign-in', { operator: 'Ned', pin });
      answers.push(r.ok ? 'signed in' : r.error.message);
    }
    expect(answers.slice(0, 4).every((m) => m.startsWith('The operator name or PIN is not right'))).toBe(true);
    expect(answers[4]).toContain('this operator name is locked for 30 s');
    const stranger = await guesser.raw('session:sign-in', { operator: 'Zed', pin: '66123' });
    expect(stranger).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^The operator name or PIN is not right/) },
    });
    expect(await guesser.raw('session:sign-in', { operator: 'Ned', pin: '66123' })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN', message: expect.stringContaining('locked') },
    });
  });

  it('PIN guesses sent all at once are counted one by one: the name locks after 5, and the right PIN sent last is refused', async () => {
    await mia.call('operators:add', { name: 'Kai', pin: '70417', role: 'manager', secondManager: uma });
    const guesser = at('window-racer');
    const pins = [...Array.from({ length: 39 }, (_, i) => String(10_000 + i)), '70417'];
    const answers = await Promise.all(pins.map((pin) => guesser.raw('session:sign-in', { operator: 'Kai', pin })));
    expect(answers.filter((r) => r.ok)).toEqual([]);
    const messages = answers.map((r) => (r.ok ? 'signed in' : r.error.message));
    expect(messages.filter((m) => m.startsWith('The operator name or PIN is not right')).length).toBe(5);
    expect(messages.at(-1)).toContain('locked');
  });

  it('second-approver PINs sent all at once are counted one by one: no payout, and the name locks after 5', async () => {
    await mia.call('operators:add', { name: 'Lea', pin: '80529', role: 'manager', secondManager: uma });
    const row = await request('race-four-eyes', 'EUR', 6_000_00);
    const [gateway] = await bo.call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    const pins = [...Array.from({ length: 29 }, (_, i) => String(20_000 + i)), '80529'];
    const answers = await Promise.all(
      pins.map((pin) =>
        bo.raw('payouts:approve', { tid: row.tid, gateway: gateway!.id, secondApprover: { operator: 'Lea', pin } }),
      ),
    );
    expect(answers.filter((r) => r.ok)).toEqual([]);
    expect(answers.at(-1)).toMatchObject({
      ok: false,
      error: { code: 'FOUR_EYES', message: expect.stringContaining('locked') },
    });
    expect(await payoutsMade(row.tid)).toBe(0);
  });

  it('the same split with a second approver sent three times at once (a double-click) goes to Praxis once', async () => {
    await mia.call('operators:add', { name: 'Ivo', pin: '73194', role: 'manager', secondManager: uma });
    const row = await request('double-split', 'EUR', 6_000_00);
    const [gateway] = await bo.call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    const split = { tid: row.tid, parts: [{ amountMinor: 4_000_00, gateway: gateway!.id }] };
    const second = { operator: 'Ivo', pin: '73194' };
    // The store counts each PIN check in turn, but the copies' hashing runs at once: a copy reaches the request's
    // claim while the first is still sending (in progress) or after it (what remains is less). Either way not sent.
    const answers = await Promise.all(
      [1, 2, 3].map(() => bo.raw('payouts:split', { ...split, secondApprover: second })),
    );
    const sent = answers.filter((r) => r.ok);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ ok: true, data: [{ state: 'done', amountMinor: 4_000_00 }] });
    for (const refused of answers.filter((r) => !r.ok))
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringMatching(
            /only EUR 2,000\.00 remains now, not EUR 6,000\.00\. Nothing was sent|is already being acted on\b.*Wait for it to finish/,
          ),
        },
      });
    expect(await payoutsMade(row.tid)).toBe(1);
  });

  it('locking asks for the PIN again; sign-ins, refusals and locks are in the audit, never a PIN', async () => {
    await bo.call('session:lock');
    expect(await bo.raw('payouts:list', { limit: 1 })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN', details: { reason: 'locked' } },
    });
    expect(await bo.call<AccessState>('session:status')).toMatchObject({ mode: 'locked', operator: 'Bo' });
    await bo.call('session:sign-in', { operator: 'Bo', pin: '48213' });
    expect((await bo.raw('payouts:list', { limit: 1 })).ok).toBe(true);

    // Profiles and secrets live outside the store; who changed them is in its audit all the same, the secret never.
    const created = await mia.call<{ id: string }>('profiles:save', {
      name: 'EU live-like',
      environment: 'praxis-sandbox',
      merchantId: 'Test-Integration-Merchant',
      applicationKey: 'Sandbox',
    });
    await mia.call('credentials:set', { profileId: created.id, secret: 'probe-secret-value-1' });
    await mia.call('profiles:save', {
      id: created.id,
      name: 'EU renamed',
      environment: 'praxis-sandbox',
      merchantId: 'Test-Integration-Merchant',
      applicationKey: 'Sandbox',
    });
    expect(await bo.raw('credentials:clear', { profileId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const audit = await import('../../src/core/store/work-store');
    await rig.core.close();
    const store = await audit.openStore(audit.defaultStoreLocation(rig.dataDir));
    try {
      const rows = (
        await store.db.query<{ operator: string; action: string; details: Record<string, unknown> }>(
          `SELECT operator, action, details FROM audit_log WHERE action LIKE 'session:%' OR action LIKE 'operators:%' ORDER BY seq`,
        )
      ).rows;
      const actions = rows.map((r) => `${r.operator} ${r.action}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          'Sandbox operator operators:add',
          'Mia session:sign-in',
          'Mia operators:add',
          'Ned session:sign-in-refused',
          'Zed session:sign-in-refused',
          'Bo session:lock',
          'Bo session:unlock',
          'Mia operators:remove',
        ]),
      );
      expect(rows.find((r) => r.action === 'operators:remove')?.details).toMatchObject({
        name: 'Al',
        before: { role: 'agent' },
        after: null,
      });
      const shellRows = (
        await store.db.query<{ operator: string; action: string; details: Record<string, unknown> }>(
          `SELECT operator, action, details FROM audit_log WHERE action LIKE 'profiles:%' OR action LIKE 'credentials:%' ORDER BY seq`,
        )
      ).rows;
      expect(shellRows.map((r) => `${r.operator} ${r.action}`)).toEqual([
        'Mia profiles:save',
        'Mia credentials:set',
        'Mia profiles:save',
      ]);
      expect(shellRows[2]!.details).toMatchObject({ before: { name: 'EU live-like' }, after: { name: 'EU renamed' } });
      expect(JSON.stringify(shellRows)).not.toContain('probe-secret-value-1');
      const text = JSON.stringify(rows);
      for (const pin of ['48213', '91827', '55123', '66123']) expect(text).not.toContain(pin);
    } finally {
      await store.close();
    }
  });
});
