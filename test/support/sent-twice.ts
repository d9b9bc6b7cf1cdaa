/** A double-click's worst interleaving, forced: for tests of an action sent twice on one desk. */
import type { WorkStore } from '../../src/core/store/work-store';
import type { SimRig } from './sim-rig';

/**
 * Sends the same command twice. The first copy to reach its journal entry begins only once the other copy has reached
 * its own (so both have checked the item), and that other copy as soon as the first's entry is finished — before the
 * first has stored Praxis's answer: its checks are then stale. Only the journal's one `sending` entry per item orders
 * two copies on one desk.
 */
export async function sendTwiceStale<T>(store: WorkStore, send: () => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const journal = store.journal;
  const { begin, finish } = journal;
  let arrived = 0;
  let bothArrived!: () => void;
  const both = new Promise<void>((resolve) => (bothArrived = resolve));
  let firstFinished!: () => void;
  const first = new Promise<void>((resolve) => (firstFinished = resolve));
  journal.begin = async (...args) => {
    arrived += 1;
    if (arrived === 1) {
      await both;
      return begin(...args);
    }
    bothArrived();
    await first;
    return begin(...args);
  };
  journal.finish = async (...args) => {
    try {
      return await finish(...args);
    } finally {
      firstFinished();
    }
  };
  try {
    return await Promise.allSettled([send(), send()]);
  } finally {
    journal.begin = begin;
    journal.finish = finish;
  }
}

/** How many calls the simulator served on paths containing `part` (e.g. 'split', 'capture'). */
export async function servedCalls(rig: SimRig, part: string): Promise<number> {
  const { served } = await rig.admin<{ served: Record<string, number> }>('/_sim/stats', undefined, 'GET');
  return Object.entries(served)
    .filter(([path]) => path.toLowerCase().includes(part))
    .reduce((sum, [, n]) => sum + n, 0);
}
