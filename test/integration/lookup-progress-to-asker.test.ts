import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserHost, type BrowserHost } from '../../src/server/browser-host';
import { startDeskCoreForTest } from '../support/desk-core-rig';
import { openHostPage } from '../support/host-page';

// A lookup's progress was told to every page: another tab's Lookup screen showed a count it never asked for (and
// learned how many ids someone else looked up, and when).
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let host: BrowserHost;

beforeAll(async () => {
  rig = await startDeskCoreForTest('lookup-progress-to-asker', { sandboxArrivalIntervalMs: null });
  host = await createBrowserHost({ core: rig.core, port: 0, rendererDir: 'out/renderer', logger: rig.log });
});
afterAll(async () => {
  await host?.close();
  await rig?.close();
});

describe('lookup progress', () => {
  it('is told to the page that started the lookup, and to no other', async () => {
    const asker = await openHostPage(host);
    const other = await openHostPage(host);
    const lookUp = async (page: typeof asker, count: number) => {
      const ids = Array.from({ length: count }, (_, i) => `no-such-order-${count}-${i}`);
      expect(await page.call('lookup:run', { ids })).toMatchObject({ ok: true });
    };
    const totals = (page: typeof asker) =>
      page.events.filter((e) => e.event === 'event:lookup-progress').map((e) => (e.payload as { total: number }).total);

    await lookUp(asker, 12);
    // Each page is told its events in order: once the other page heard of its own lookup, it had its turn for the first.
    await lookUp(other, 3);
    await expect.poll(() => totals(asker).at(-1)).toBe(12);
    await expect.poll(() => totals(other).at(-1)).toBe(3);
    expect(new Set(totals(asker))).toEqual(new Set([12]));
    expect(new Set(totals(other))).toEqual(new Set([3]));
    asker.close();
    other.close();
  });
});
