import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTerminalEngine } from '../../src/core/terminal/terminal-engine';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';
import { startSimRig, type SimRig } from '../support/sim-rig';
import { servedCalls } from '../support/sent-twice';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A profile switch closes the terminal and then its store: a find-order still under way must end first, and none may
// start after (it would go to the profile being left, and write to a closed store).
describe('closing the terminal while it follows a session', () => {
  let rig: SimRig;
  beforeAll(async () => {
    rig = await startSimRig({ operator: 'Agent Smith' });
  });
  afterAll(async () => rig.close());

  it('waits for the find-order under way, and sends none after', async () => {
    const terminal = createTerminalEngine({
      store: rig.store,
      log: rig.log,
      praxis: async () => rig.session('Agent Smith'),
      intakeUrls: () => ({ notification: null, validation: null }),
      follow: { firstPollMs: 50, maxPollMs: 50 },
    });
    await terminal.start({
      intent: 'payment',
      customer: { cid: 'vt-close-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
      currency: 'EUR',
      amount: '12.00',
      callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
    });
    rig.sim.setFaults({ latencyMs: 800 });
    await sleep(300); // the first poll (after 50 ms) is now waiting on the simulator's latency
    const before = await servedCalls(rig, 'find-order');
    expect(before).toBeGreaterThan(0);

    await terminal.close();
    const { inFlight } = await rig.admin<{ inFlight: Record<string, number> }>('/_sim/stats', undefined, 'GET');
    expect(Object.entries(inFlight).filter(([path, n]) => path.includes('find-order') && n > 0)).toEqual([]);
    rig.sim.clearFaults();
    await sleep(400);
    expect(await servedCalls(rig, 'find-order')).toBe(before);
  });
});
