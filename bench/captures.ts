/**
 * npm run bench:captures — bulk-capture 1,000 holds through the capture engine against the simulator with 40 ms
 * added latency at concurrency 8, next to the ideal (1,000 × 40 ms / 8) and the same number of bare find-transaction
 * calls measured in the same run; the captures the simulator really made (must be 1,000, else exit 1); the process
 * RSS; and captures:list over 100,000 holds (whole queue and first 500 by time left) on PGlite.
 * Env: BENCH_N (1000), BENCH_LATENCY_MS (40).
 */
import { FIRST_PAGE_ROWS } from '../src/shared/queue-views';
import { createCaptureEngine } from '../src/core/captures/capture-engine';
import { loadCaptureSettings } from '../src/core/captures/capture-settings';
import { openStore } from '../src/core/store/work-store';
import { fillSyntheticHolds } from '../test/support/synthetic-holds';
import { deskMemory, memoryLine } from './support/desk-memory';
import { mb, measureBulk, ms, printBulkFigures, runBulkBench } from './support/bulk-bench';

const N = Number(process.env.BENCH_N ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const LIST_ROWS = 100_000;

runBulkBench('captures', async ({ sim, store, client, log, praxis }) => {
  const engine = createCaptureEngine({ store, log, praxis });
  const concurrency = (await loadCaptureSettings(store)).bulkConcurrency;

  const run = await measureBulk({
    sim,
    store,
    client,
    n: N,
    latencyMs: LATENCY_MS,
    concurrency,
    path: '/_sim/authorizations',
    item: (i) => ({
      cid: `bench-${i % 250}`,
      currency: ['EUR', 'JPY', 'KWD'][i % 3]!,
      amount: 1_000 + (i % 400) * 10,
    }),
    queueSize: async () => (await engine.list()).rows.length,
    bulk: (tids) => engine.bulk({ action: 'capture', tids }),
    madeField: 'capturesMade',
  });
  const memoryAfterBulk = await deskMemory(store.db);

  // captures:list at 100,000 open holds: every lapse is worked out from the settings' windows, then sorted.
  const big = await openStore({ kind: 'memory' });
  await fillSyntheticHolds(big, { holds: LIST_ROWS, customers: 20_000 });
  const bigEngine = createCaptureEngine({ store: big, log, praxis });
  const timings: { what: string; ms: number; rows: number }[] = [];
  for (let k = 0; k < 3; k++) {
    let t0 = performance.now();
    const first = await bigEngine.list({ limit: FIRST_PAGE_ROWS });
    timings.push({ what: `first ${FIRST_PAGE_ROWS} by time left`, ms: ms(t0), rows: first.rows.length });
    t0 = performance.now();
    const all = await bigEngine.list();
    timings.push({ what: 'whole queue', ms: ms(t0), rows: all.rows.length });
  }
  const median = (what: string) => {
    const xs = timings
      .filter((t) => t.what === what)
      .map((t) => t.ms)
      .sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)]!;
  };
  const rssAfterList = mb();
  await big.close();

  printBulkFigures({ verb: 'capture', n: N, concurrency, latencyMs: LATENCY_MS, ...run });
  console.log(`captures the simulator actually made: ${run.made} (expected ${N})`);
  console.log(`after the bulk (PGlite file store): ${memoryLine(memoryAfterBulk)}`);
  console.log('');
  console.log(`captures:list over ${LIST_ROWS.toLocaleString('en')} open holds on PGlite, median of 3 runs`);
  console.table([
    {
      what: `first ${FIRST_PAGE_ROWS} rows, closest to lapsing first`,
      ms: median(`first ${FIRST_PAGE_ROWS} by time left`),
    },
    { what: `whole queue (${LIST_ROWS.toLocaleString('en')} rows)`, ms: median('whole queue') },
  ]);
  console.log(`RSS after the list runs: ${rssAfterList} MB`);
  if (run.made !== N) {
    console.error(`FAIL: the simulator made ${run.made} captures for ${N} holds`);
    return 1;
  }
  return 0;
});
