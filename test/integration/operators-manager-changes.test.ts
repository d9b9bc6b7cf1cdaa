import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorView } from '../../src/shared/access';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';

// Who can confirm as a manager, tried as one manager alone would: through the real command table of a one-desk
// composition, each window a connection of its own.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');
const names = async () => (await mia.call<OperatorView[]>('operators:list')).map((o) => `${o.name}:${o.role}`);
const fourEyes = { ok: false, error: { code: 'FOUR_EYES' } };

beforeAll(async () => {
  rig = await startDeskCoreForTest('operators-manager-changes');
  await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
  await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
  // The only manager adds the others: there is nobody else to ask.
  await mia.call('operators:add', { name: 'Bo', pin: '48213', role: 'backoffice' });
  await mia.call('operators:add', { name: 'Max', pin: '22222', role: 'manager' });
});
afterAll(() => rig?.close());

describe('one manager cannot make a second one', () => {
  it('adding a manager, promoting someone or setting another manager’s PIN needs the other manager’s PIN', async () => {
    expect(await mia.raw('operators:add', { name: 'Ghost', pin: '99999', role: 'manager' })).toMatchObject(fourEyes);
    expect(await mia.raw('operators:change', { name: 'Bo', role: 'manager' })).toMatchObject(fourEyes);
    expect(await mia.raw('operators:change', { name: 'Max', pin: '55555' })).toMatchObject(fourEyes);
    expect(await names()).toEqual(['Bo:backoffice', 'Max:manager', 'Mia:manager']);
    // Max's old PIN still confirms: it was not changed.
    await mia.call('operators:change', { name: 'Max', pin: '55555', secondManager: { operator: 'Max', pin: '22222' } });
    await mia.call('operators:add', {
      name: 'Ghost',
      pin: '99999',
      role: 'manager',
      secondManager: { operator: 'Max', pin: '55555' },
    });
    // Her own PIN stays hers to set alone.
    await mia.call('operators:change', { name: 'Mia', pin: '91828' });
  });

  // From the hostile review: Mia reset Bo's PIN alone, signed in as Bo and paid out a withdrawal she had opened in the
  // terminal (maker-checker saw two names). A PIN set for someone else is one she knows: the other manager confirms it.
  it('adding anyone, or setting anyone else’s PIN, needs the other manager’s PIN too', async () => {
    expect(await mia.raw('operators:add', { name: 'Al', pin: '55123', role: 'agent' })).toMatchObject({
      ok: false,
      error: {
        code: 'FOUR_EYES',
        message:
          'Adding Al lets whoever knows the PIN act as Al, so a second manager must confirm it with their PIN. Nothing was changed.',
      },
    });
    expect(await mia.raw('operators:change', { name: 'Bo', pin: '77777' })).toMatchObject(fourEyes);
    const bo = at('window-bo');
    await bo.call('session:sign-in', { operator: 'Bo', pin: '48213' });
    await bo.call('session:sign-out');

    await mia.call('operators:add', {
      name: 'Al',
      pin: '55123',
      role: 'agent',
      secondManager: { operator: 'Max', pin: '55555' },
    });
    await mia.call('operators:change', { name: 'Bo', pin: '77777', secondManager: { operator: 'Max', pin: '55555' } });
    expect(await names()).toEqual(['Al:agent', 'Bo:backoffice', 'Ghost:manager', 'Max:manager', 'Mia:manager']);
  });

  it('the manager being removed cannot confirm their own removal', async () => {
    const r = await mia.raw('operators:remove', { name: 'Ghost', secondManager: { operator: 'Ghost', pin: '99999' } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FOUR_EYES', message: expect.stringContaining('about them') },
    });
    await mia.call('operators:remove', { name: 'Ghost', secondManager: { operator: 'Max', pin: '55555' } });
    expect(await names()).not.toContain('Ghost:manager');
  });

  it('a name that could pass for the desk or for someone else is refused, saying why', async () => {
    const tries: Array<[string, RegExp]> = [
      ['Desk (automatic)', /the desk gives its own work/],
      ['sandbox operator', /the desk gives its own work/],
      ['M\u0430x', /mixes Latin, Cyrillic or Greek/],
      ['Max\u200b', /invisible/],
      ['\uff2d\uff41\uff58', /"Max" is already registered/],
    ];
    for (const [name, why] of tries) {
      const r = await mia.raw('operators:add', { name, pin: '12345', role: 'agent' });
      expect(r, JSON.stringify(name)).toMatchObject({ ok: false, error: { message: expect.stringMatching(why) } });
    }
    expect(await names()).toEqual(['Al:agent', 'Bo:backoffice', 'Max:manager', 'Mia:manager']);
  });
});
