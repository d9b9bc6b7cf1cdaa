import { beforeAll, describe, expect, it } from 'vitest';
import { browserHostForThisFile } from '../support/browser-host-rig';
import { openHostPage, type HostPage as Page } from '../support/host-page';

// What the browser host's socket tells a page of its own accord, tried as a hostile insider would: a page nobody
// signed in at, and one signed in below the role an event's contents need.
const world = browserHostForThisFile('socket-events-by-role');
const setup = () => world.rig.at('setup');

beforeAll(async () => {
  await setup().call('operators:add', { name: 'Bo', pin: '48213', role: 'backoffice' });
  await setup().call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
  await setup().call('session:sign-in', { operator: 'Mia', pin: '91827' });
});

describe('events a page is told', () => {
  it('a page nobody signed in at is told nothing of the book; back-office is told of payouts, not of holds', async () => {
    const nobody = await openHostPage(world.host);
    const bo = await openHostPage(world.host);
    const mia = await openHostPage(world.host);
    expect(await bo.call('session:sign-in', { operator: 'Bo', pin: '48213' })).toMatchObject({ ok: true });
    expect(await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' })).toMatchObject({ ok: true });

    const row = await world.rig.request(setup(), 'events-by-role', 'EUR', 12_00);
    const hold = await fetch(`${(await world.rig.core.info()).simulatorUrl}/_sim/authorizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cid: 'events-by-role', currency: 'EUR', amount: 34_00 }),
    }).then(async (r) => ((await r.json()) as { tid: number }).tid);
    await setup().call('profiles:save', {
      name: 'Told to whom',
      environment: 'praxis-sandbox',
      merchantId: 'Test-Integration-Merchant',
      applicationKey: 'Sandbox',
    });
    const news = (page: Page, tid: number) =>
      page.events.filter((e) => e.event === 'event:queue-changed' && JSON.stringify(e.payload).includes(String(tid)));
    await expect.poll(() => news(mia, row.tid).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => news(bo, row.tid).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => news(mia, hold).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Each page's socket is told in turn, so each is waited for on its own.
    for (const page of [mia, bo])
      await expect
        .poll(() => page.events.filter((e) => e.event === 'event:profiles-changed').length, { timeout: 10_000 })
        .toBeGreaterThan(0);

    // Told the same moments as the others, the page nobody signed in at heard none of it.
    expect(nobody.events.map((e) => e.event)).toEqual([]);
    // Holds are the managers' (Captures): back-office hears of its payouts only.
    expect(news(bo, hold)).toEqual([]);
    for (const page of [nobody, bo, mia]) page.close();
  });
});
