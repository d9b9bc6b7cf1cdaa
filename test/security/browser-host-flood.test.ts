import { describe, expect, it } from 'vitest';
import { browserHostForThisFile } from '../support/browser-host-rig';
import { openHostPage } from '../support/host-page';

// A page that holds the run's token (any script in it, or a second program the operator runs) sends thousands of
// commands on one socket at once. The core must stay answerable, and nothing may queue without bound.
const world = browserHostForThisFile('browser-host-flood');
const openPage = () => openHostPage(world.host);

describe('a flood from a page holding the token', () => {
  it('thousands of calls at once on one socket: those over the cap are refused at once, another page is answered', async () => {
    const linesBefore = world.rig.log.lines.length;
    const flooder = await openPage();
    const calls = Array.from({ length: 2_000 }, () => flooder.call('app:info', {}));
    // Another page is answered promptly while the flood is being served.
    const other = await openPage();
    const started = Date.now();
    expect(await other.call('app:info', {})).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    const results = await Promise.all(calls);
    const busy = results.filter((r) => !r.ok && r.error.code === 'BUSY');
    // Most were over the cap; each refusal says what happened and what to do.
    expect(busy.length).toBeGreaterThan(1_500);
    expect(!busy[0]!.ok && busy[0]!.error.message).toMatch(/commands waiting.*wait for .* answers/i);
    // Once its calls are answered, the same socket is served again.
    expect(await flooder.call('app:info', {})).toMatchObject({ ok: true });
    // The refusals are logged once, not once each.
    const logged = world.rig.log.lines.slice(linesBefore).filter((l) => l.includes('too many commands'));
    expect(logged.length).toBe(1);
    flooder.close();
    other.close();
  });

  it('a page starting up (a few dozen calls at once) is never refused', async () => {
    const page = await openPage();
    const results = await Promise.all(Array.from({ length: 40 }, () => page.call('app:info', {})));
    expect(results.every((r) => r.ok)).toBe(true);
    page.close();
  });
});
