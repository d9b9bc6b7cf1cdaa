import { describe, expect, it } from 'vitest';
import { createEventTeller } from './event-readers';

// Both transports (Electron windows, browser-host sockets) tell events through this one teller.
describe('createEventTeller', () => {
  it("tells an event for one window (a lookup's progress) to that window only, and the others' events to all", async () => {
    const tell = createEventTeller(async () => true);
    const told: string[] = [];
    for (const window of ['w1', 'w2']) {
      tell(window, 'event:lookup-progress', { done: 1, total: 2 }, () => told.push(`${window} progress`), 'w1');
      tell(window, 'event:clock-changed', { clockOff: null }, () => told.push(`${window} clock`));
    }
    await expect.poll(() => told.length).toBe(3);
    expect(told.sort()).toEqual(['w1 clock', 'w1 progress', 'w2 clock']);
  });
});
