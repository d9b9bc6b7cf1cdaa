/** payouts:list at 100,000 rows, the old per-row path and the new paths side by side on one store, as figures to print. */
import { createLogger } from '../../src/core/log';
import { createPayoutEngine } from '../../src/core/payouts/payout-engine';
import { DEFAULT_RISK_SETTINGS } from '../../src/core/payouts/risk';
import type { WorkStore } from '../../src/core/store/work-store';
import { queueRowsPerRow } from '../../test/support/queue-rows-per-row';
import { fillSyntheticQueue } from '../../test/support/synthetic-payouts';
import { median } from './median';

export const QUEUE_ROWS = 100_000;
const RUNS = 3;
const FIRST_PAGE = 500;
const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

export interface QueueListFigures {
  store: string;
  rows: number;
  'old: per-row list (ms)': number;
  'new: whole list as JSON (ms)': number;
  'new: first 500 rows (ms)': number;
  'new: rest after them (ms)': number;
  'whole list old / new': string;
  'first rows old / new': string;
  'RSS after (MB)': number;
}

/** Fills `store` with the synthetic 100k queue, then runs each path RUNS times, interleaved so drift hits all alike. */
export async function queueListFigures(name: string, store: WorkStore): Promise<QueueListFigures> {
  await fillSyntheticQueue(store, { requests: QUEUE_ROWS, customers: 20_000 });
  const engine = createPayoutEngine({
    store,
    log: createLogger(() => undefined, 'error'),
    praxis: () => Promise.reject(new Error('not needed')),
  });
  const old: number[] = [],
    whole: number[] = [],
    first: number[] = [],
    rest: number[] = [];
  let rows = 0;
  const time = async (into: number[], fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < RUNS; i++) {
    await time(old, async () => (rows = (await queueRowsPerRow(store.db, DEFAULT_RISK_SETTINGS)).length));
    await time(whole, async () => {
      if ((await engine.list()).rows.length !== rows) throw new Error('the new path lists a different number of rows');
    });
    let next: number | null = null;
    await time(first, async () => (next = (await engine.list({ limit: FIRST_PAGE })).next));
    await time(rest, () => engine.list({ after: next! }));
  }
  const [o, w, f, r] = [old, whole, first, rest].map((xs) => Math.round(median(xs))) as [
    number,
    number,
    number,
    number,
  ];
  return {
    store: name,
    rows,
    'old: per-row list (ms)': o,
    'new: whole list as JSON (ms)': w,
    'new: first 500 rows (ms)': f,
    'new: rest after them (ms)': r,
    'whole list old / new': `${(o / w).toFixed(1)}×`,
    'first rows old / new': `${(o / f).toFixed(0)}×`,
    'RSS after (MB)': mb(),
  };
}
