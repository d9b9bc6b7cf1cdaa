import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessState } from '../../src/shared/access';
import type { AuditPage } from '../../src/shared/audit';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';

// Switching the desk's profile, tried by a hostile insider: the switch moves every window to another store, whose
// operators (or their absence) then decide who may do what.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');

beforeAll(async () => {
  rig = await startDeskCoreForTest('profile-switch-access');
});
afterAll(() => rig?.close());

describe('switching the desk to another profile', () => {
  it('switching profile is a manager’s, and a manager who switches to a profile without operators is carried in: nobody there gets every role', async () => {
    await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
    await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
    await mia.call('operators:add', { name: 'Ann', pin: '43210', role: 'agent' });
    const ann = at('window-ann');
    await ann.call('session:sign-in', { operator: 'Ann', pin: '43210' });
    const first = (await mia.call<{ activeProfileId: string }>('profiles:list')).activeProfileId;
    const second = await mia.call<{ id: string }>('profiles:save', {
      name: 'Second merchant',
      environment: 'praxis-sandbox',
      merchantId: 'Test-Integration-Merchant',
      applicationKey: 'Sandbox',
    });
    expect(await ann.raw('profiles:activate', { id: second.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await mia.call('profiles:activate', { id: second.id });
    // The new profile's store had no operators: it now has Mia, so no window there runs with every role.
    for (const w of [ann, mia, at('window-opened-after')])
      expect((await w.call<AccessState>('session:status')).mode).toBe('signed-out');
    expect(await ann.raw('session:sign-in', { operator: 'Ann', pin: '43210' })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN' },
    });
    expect(await mia.call<AccessState>('session:sign-in', { operator: 'Mia', pin: '91827' })).toMatchObject({
      mode: 'signed-in',
      role: 'manager',
    });
    const actions = async () =>
      (await mia.call<AuditPage>('audit:list', { filter: {} })).rows.map((r) => [r.operator, r.action]);
    expect(await actions()).toEqual(
      expect.arrayContaining([
        ['Mia', 'operators:add'],
        ['Mia', 'profiles:activate'],
      ]),
    );

    // The store left behind says who switched away from it, too.
    await mia.call('profiles:activate', { id: first });
    await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
    const left = (await mia.call<AuditPage>('audit:list', { filter: { action: 'profiles:activate' } })).rows;
    expect(left.map((r) => [r.operator, r.itemId])).toEqual(expect.arrayContaining([['Mia', second.id]]));
  });
});
