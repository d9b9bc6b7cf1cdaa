/** What the bulk benchmarks (payouts, captures) share: items made at the simulator, the measured floor, the table. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapBounded } from '../../src/core/bounded';
import { lookupIds } from '../../src/core/lookup/lookup-ids';
import { createLogger, type Logger } from '../../src/core/log';
import { createPraxisClient, type PraxisClient } from '../../src/core/praxis';
import type { PraxisSession } from '../../src/core/queues/praxis-session';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import { countStoreWork, timeStatementsAlone, type StoreWork } from './store-work';

export const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
export const ms = (t0: number) => Math.round(performance.now() - t0);

/** Creates `n` items through the simulator's admin API (e.g. /_sim/authorizations); their tids in order. */
export async function createAtSimulator(
  simUrl: string,
  path: '/_sim/withdrawal-requests' | '/_sim/authorizations',
  n: number,
  item: (i: number) => { cid: string; currency: string; amount: number },
): Promise<number[]> {
  const tids: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${simUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(item(i)),
    });
    tids.push(((await res.json()) as { tid: number }).tid);
  }
  return tids;
}

/** The floor measured in the same run: the same number of bare signed calls at the same concurrency and latency. */
export async function findTransactionFloorMs(
  client: PraxisClient,
  tids: number[],
  concurrency: number,
): Promise<number> {
  const t0 = performance.now();
  await mapBounded(tids, concurrency, (tid) => client.findTransaction(tid));
  return ms(t0);
}

/** What the simulator really did, summed over the items: payouts or captures made. */
export async function countAtSimulator(
  simUrl: string,
  tids: number[],
  field: 'payoutsMade' | 'capturesMade',
): Promise<number> {
  const records = await mapBounded(
    tids,
    16,
    async (tid) =>
      ((await (await fetch(`${simUrl}/_sim/transactions/${tid}`)).json()) as Record<string, number>)[field]!,
  );
  return records.reduce((s, r) => s + (r.status === 'fulfilled' ? r.value : 0), 0);
}

/** The bulk run next to the ideal (N × latency / concurrency) and the measured floor, and its per-currency totals. */
export function printBulkFigures(f: {
  verb: string;
  n: number;
  concurrency: number;
  latencyMs: number;
  floorMs: number;
  elapsedMs: number;
  storeWork?: StoreWork;
  outcome: {
    results: unknown[];
    failedCount: number;
    succeeded: { currency: string; count: number; totalMinor: number }[];
  };
}): void {
  const idealMs = (f.n * f.latencyMs) / f.concurrency;
  console.log('');
  console.log(
    `bulk ${f.verb} of ${f.n} at concurrency ${f.concurrency}, ${f.latencyMs} ms added latency per Praxis call`,
  );
  console.table([
    { what: 'ideal (N × latency / concurrency)', ms: idealMs, 'vs ideal': '1.00×' },
    {
      what: `bare find-transaction × ${f.n}, same run`,
      ms: f.floorMs,
      'vs ideal': `${(f.floorMs / idealMs).toFixed(2)}×`,
    },
    {
      what: `bulk ${f.verb} through the engine`,
      ms: f.elapsedMs,
      'vs ideal': `${(f.elapsedMs / idealMs).toFixed(2)}×`,
    },
  ]);
  if (f.storeWork) {
    const w = f.storeWork;
    console.log(
      `where the rest goes — the store during the bulk: ${w.statements} statements (${(w.statements / f.n).toFixed(1)} per item) ` +
        `in ${w.transactions} transactions (${(w.transactions / f.n).toFixed(1)} per item), ` +
        `${w.procedures} procedures run in the store's thread (${(w.procedures / f.n).toFixed(1)} per item), ${w.roundTrips} round trips ` +
        `(${(w.roundTrips / f.n).toFixed(1)} per item), awaited ${w.awaitedMs} ms in all ` +
        `(${(w.awaitedMs / f.n).toFixed(1)} ms per item, ≈ ${Math.round(w.awaitedMs / f.concurrency)} ms of wall time at concurrency ${f.concurrency}); ` +
        `the engine's total over the ideal: ${f.elapsedMs - (f.n * f.latencyMs) / f.concurrency} ms`,
    );
    const pct = (share: number | null) =>
      share === null ? 'n/a (not a worker store)' : `${Math.round(share * 100)} %`;
    console.log(
      `threads busy during the bulk: the command thread (with the simulator, in this process) ${pct(w.busy.commandThread)}, the store worker ${pct(w.busy.storeWorker)}`,
    );
    console.table(w.byStatement.slice(0, 20).map(([statement, count]) => ({ statement, 'per item': count / f.n })));
    if (w.alone) {
      console.log(
        'each statement once more, alone, after the bulk (EXPLAIN ANALYZE, planned afresh; and as the store runs it, prepared), rolled back, costliest first:',
      );
      console.table(w.alone);
    }
  }
  console.log(
    `succeeded ${f.outcome.results.length - f.outcome.failedCount}, failed ${f.outcome.failedCount}; totals ${f.outcome.succeeded.map((s) => `${s.currency} ${s.count} / ${s.totalMinor} minor`).join(', ')}`,
  );
}

type BulkOutcomeFigures = Parameters<typeof printBulkFigures>[0]['outcome'];

/**
 * One bulk run measured the same way for every queue: `n` items made at the simulator and looked up into the store,
 * then `latencyMs` added to every Praxis call, the find-transaction floor measured, the bulk timed, and what the
 * simulator really did counted.
 */
export async function measureBulk<O extends BulkOutcomeFigures>(o: {
  sim: Simulator;
  store: WorkStore;
  client: PraxisClient;
  n: number;
  latencyMs: number;
  concurrency: number;
  path: '/_sim/withdrawal-requests' | '/_sim/authorizations';
  item: (i: number) => { cid: string; currency: string; amount: number };
  /** How many rows the queue shows once the items are in. */
  queueSize(): Promise<number>;
  bulk(tids: number[]): Promise<O>;
  madeField: 'payoutsMade' | 'capturesMade';
}): Promise<{ floorMs: number; elapsedMs: number; storeWork: StoreWork; outcome: O; made: number }> {
  const tids = await createAtSimulator(o.sim.url, o.path, o.n, o.item);
  o.sim.setFaults({ latencyMs: o.latencyMs });
  let t0 = performance.now();
  const found = await lookupIds(tids.map(String), { client: o.client, store: o.store, concurrency: o.concurrency });
  if (found.some((f) => !f.ok)) throw new Error(`lookup failed for ${found.filter((f) => !f.ok).length} items`);
  console.log(`${o.n} items looked up into the store in ${ms(t0)} ms; queue holds ${await o.queueSize()}`);
  const floorMs = await findTransactionFloorMs(o.client, tids, o.concurrency);
  const counting = countStoreWork(o.store.db);
  t0 = performance.now();
  const outcome = await o.bulk(tids);
  const elapsedMs = ms(t0);
  const storeWork = counting.stop();
  o.sim.clearFaults();
  storeWork.alone = await timeStatementsAlone(o.store.db, storeWork.samples);
  return { floorMs, elapsedMs, storeWork, outcome, made: await countAtSimulator(o.sim.url, tids, o.madeField) };
}

/** What a bulk benchmark works with: a bare simulator, a fresh PGlite file store and a signed client to it. */
export interface BulkBenchContext {
  sim: Simulator;
  store: WorkStore;
  client: PraxisClient;
  log: Logger;
  praxis(): Promise<PraxisSession>;
}

/**
 * Runs `body` on a bare simulator (no seed, no arrivals) and a fresh PGlite store in a temporary folder, both
 * removed afterwards; answers what `body` answers.
 */
export async function withBulkBenchContext<T>(name: string, body: (ctx: BulkBenchContext) => Promise<T>): Promise<T> {
  const log = createLogger(() => undefined, 'error');
  const sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationUrl: null });
  const dir = await mkdtemp(join(tmpdir(), `bench-${name}-`));
  try {
    const t0 = performance.now();
    const store = await openStore({ kind: 'pglite', dir });
    console.log(`fresh PGlite store opened in ${ms(t0)} ms (RSS ${mb()} MB)`);
    const client = createPraxisClient({ baseUrl: sim.url, ...sim.credentials, timeoutMs: 20_000, logger: log });
    try {
      return await body({
        sim,
        store,
        client,
        log,
        praxis: async () => ({ client, profileId: 'bench', operator: 'Bench' }),
      });
    } finally {
      await store.close().catch(() => undefined);
    }
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a bulk benchmark in its context (above); the process exits with what `body` returns (1 on a throw). */
export function runBulkBench(name: string, body: (ctx: BulkBenchContext) => Promise<number>): void {
  withBulkBenchContext(name, body).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
