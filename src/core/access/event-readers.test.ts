import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/access';
import { createEventTeller } from './event-readers';

// Both transports (Electron windows, browser-host sockets) tell events through this one teller.
describe('createEventTeller', () => {
  it("tells an event for one window (a lookup's progress) to that window only, and the others' events to all", async () => {
    const tell = createEventTeller(async () => ['manager']);
    const told: string[] = [];
    for (const window of ['w1', 'w2']) {
      tell(window, 'event:lookup-progress', { done: 1, total: 2 }, () => told.push(`${window} progress`), 'w1');
      tell(window, 'event:clock-changed', { clockOff: null }, () => told.push(`${window} clock`));
    }
    await expect.poll(() => told.length).toBe(3);
    expect(told.sort()).toEqual(['w1 clock', 'w1 progress', 'w2 clock']);
  });

  it('tells a burst in order, reading a window’s roles once for the events that waited, and only what they may read', async () => {
    let reads = 0;
    // The store is busy (a bulk run writing): each read of the roles takes a while.
    const rolesAt = async (window: string): Promise<readonly Role[]> => {
      reads++;
      await new Promise((r) => setTimeout(r, 20));
      return window === 'agent-window' ? ['agent'] : ['backoffice'];
    };
    const tell = createEventTeller(rolesAt);
    const told: Record<string, number[]> = { 'agent-window': [], 'backoffice-window': [] };
    for (let i = 0; i < 200; i++)
      for (const window of Object.keys(told))
        tell(window, 'event:queue-changed', { queue: 'payouts', ids: [String(i)] }, () => told[window]!.push(i));
    await expect.poll(() => told['backoffice-window']!.length).toBe(200);
    expect(told['backoffice-window']).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // An agent may not read the payout queue.
    expect(told['agent-window']).toEqual([]);
    expect(reads).toBeLessThanOrEqual(4);
  });
});
