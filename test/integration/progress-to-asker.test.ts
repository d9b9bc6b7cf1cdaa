import { describe, expect, it } from 'vitest';
import { browserHostForThisFile } from '../support/browser-host-rig';
import { openHostPage, type HostPage } from '../support/host-page';

// A lookup's or a bulk run's progress was told to every page: another tab's Lookup screen or bulk dialog showed a
// count it never asked for (and learned how many ids someone else looked up or acted on, and when).
const world = browserHostForThisFile('progress-to-asker', { sandboxArrivalIntervalMs: null });

/**
 * Page A runs `a`, page B runs `b`, then A runs `last` (each a run of that many items). A page is told its events in
 * order, so once A heard its last run end it had its turn for B's run, and once B heard its own it had its turn for
 * A's first. The sandbox's start fills the queues meanwhile, and every page waits its turn behind those events too.
 */
async function runsSeenBy(run: (page: HostPage, count: number) => Promise<void>, event: string) {
  const a = await openHostPage(world.host);
  const b = await openHostPage(world.host);
  const totals = (page: HostPage) =>
    page.events.filter((e) => e.event === event).map((e) => (e.payload as { total: number }).total);
  await run(a, 12);
  await run(b, 3);
  await run(a, 1);
  await expect.poll(() => totals(a).at(-1), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => totals(b).at(-1), { timeout: 15_000 }).toBe(3);
  const seen = { a: [...new Set(totals(a))].sort(), b: [...new Set(totals(b))] };
  a.close();
  b.close();
  return seen;
}

describe('progress of a long run', () => {
  it('of a lookup is told to the page that started it, and to no other', async () => {
    const lookUp = async (page: HostPage, count: number) => {
      const ids = Array.from({ length: count }, (_, i) => `no-such-order-${count}-${i}`);
      expect(await page.call('lookup:run', { ids })).toMatchObject({ ok: true });
    };
    expect(await runsSeenBy(lookUp, 'event:lookup-progress')).toEqual({ a: [1, 12], b: [3] });
  });

  it('of a bulk run is told to the page that started it, and to no other', async () => {
    // Tids Praxis does not know: each is refused, and the run still counts along.
    const rejectAll = async (page: HostPage, count: number) => {
      const tids = Array.from({ length: count }, (_, i) => 990_000_000 + count * 100 + i);
      expect(await page.call('payouts:bulk', { action: 'reject', tids, reasonCode: 'kyc_incomplete' })).toMatchObject({
        ok: true,
      });
    };
    expect(await runsSeenBy(rejectAll, 'event:bulk-progress')).toEqual({ a: [1, 12], b: [3] });
  });
});
