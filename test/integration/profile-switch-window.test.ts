import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessState } from '../../src/shared/access';
import type { ProfilesState } from '../../src/shared/domain';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';

// While the desk moves to another profile its store is closed for a few seconds. Nobody may act as anyone then: an
// agent (or a page nobody signed in at) polling the open status channel used to be given every role in that window.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');
const al = at('window-al');
const nobody = at('window-nobody');

beforeAll(async () => {
  rig = await startDeskCoreForTest('profile-switch-window');
});
afterAll(() => rig?.close());

describe('the moment the desk switches profile', () => {
  it('gives no window any role: an agent and a page nobody signed in at are refused throughout', async () => {
    await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
    await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
    await mia.call('operators:add', { name: 'Al', pin: '43210', role: 'agent' });
    await al.call('session:sign-in', { operator: 'Al', pin: '43210' });
    const second = await mia.call<{ id: string }>('profiles:save', {
      name: 'Second desk',
      environment: 'embedded-sandbox',
      merchantId: 'Test-Integration-Merchant',
      applicationKey: 'Sandbox',
    });

    const seen: string[] = [];
    const saved: string[] = [];
    let switching = true;
    const probe = async (w: DeskWindow, who: string) => {
      while (switching) {
        const status = await w.raw('session:status', {});
        if (status.ok) seen.push(`${who}:${(status.data as AccessState).mode}`);
        const save = await w.raw('profiles:save', {
          name: `${who} was here`,
          environment: 'embedded-sandbox',
          merchantId: 'Test-Integration-Merchant',
          applicationKey: 'Sandbox',
        });
        if (save.ok) saved.push(who);
        await new Promise((wait) => setTimeout(wait, 2));
      }
    };
    const probes = [probe(al, 'Al'), probe(nobody, 'nobody')];
    await mia.call('profiles:activate', { id: second.id });
    await new Promise((wait) => setTimeout(wait, 300));
    switching = false;
    await Promise.all(probes);

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.endsWith(':sandbox'))).toEqual([]);
    expect(saved).toEqual([]);
    // Mia was carried into the new store: she signs in there again; Al was not, and stays out.
    await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
    expect((await al.call<AccessState>('session:status', {})).mode).toBe('signed-out');
    const profiles = await mia.call<ProfilesState>('profiles:list');
    expect(profiles.profiles.map((p) => p.name)).not.toContain('Al was here');
    expect(profiles.activeProfileId).toBe(second.id);
  });
});
