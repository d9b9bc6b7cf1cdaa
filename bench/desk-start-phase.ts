/**
 * One start of bench:start (bench/desk-start.ts), in a process of its own: `<phase> <dataDir>`. Prints its row as
 * JSON on the last line. The bench runs it as built (out/bench, plain Node, like the app's out/main) and from source.
 */
import { performance } from 'node:perf_hooks';
import { createDeskCore } from '../src/core/app/desk-core';
import type { DeskCore } from '../src/core/app/desk-core-types';
import { dispatch } from '../src/core/commands/dispatch';
import { createMemorySecretStore } from '../src/core/credentials/memory-secret-store';
import { createLogger } from '../src/core/log';
import { storeWorkerMemory } from '../src/core/store/pglite-worker-db';
import { usePgliteWorkerModule } from '../src/core/store/pglite-worker-module';
import { defaultStoreLocation, openStore } from '../src/core/store/work-store';
import { fillSyntheticQueue } from '../test/support/synthetic-payouts';
import { processParts } from './support/process-parts';
import { WINDOW_QUEUE_ROWS } from './support/window-queue-rows';
import { median } from './support/median';

const TESTS = Number(process.env.BENCH_TESTS ?? 20);
const DISPATCHES = 10_000;
const log = createLogger(() => undefined);

/**
 * cold/warm start the desk; `quiet` skips the command timings; `modules` only reports what the imports hold;
 * `warm-window` also serves the renderer (browser host) and stays up, measured from outside, until stdin ends;
 * `seed-queue` fills a folder with WINDOW_QUEUE_ROWS withdrawal requests, for `warm-window` on that folder after it.
 */
export type Phase = 'cold' | 'warm' | 'warm-quiet' | 'modules' | 'warm-window' | 'seed-queue';

async function start(
  dataDir: string,
  waitForQueue = true,
): Promise<{ core: DeskCore; readyMs: number; firstQueueMs: number }> {
  const t0 = performance.now();
  const core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    logger: log,
    secretStore: createMemorySecretStore('bench'),
  });
  const readyMs = performance.now() - t0;
  // The sandbox replays its book to the intake after start; the first committed item announces itself here. A folder
  // that already holds the book gets no new item: its RSS is then taken 10 s after the core is ready.
  let firstQueueMs = -1;
  if (!waitForQueue) return { core, readyMs, firstQueueMs };
  await Promise.race([
    new Promise<void>((resolve) =>
      core.events.on('event:queue-changed', () => {
        if (firstQueueMs < 0) firstQueueMs = performance.now() - t0;
        resolve();
      }),
    ),
    new Promise((r) => setTimeout(r, 10_000)),
  ]);
  return { core, readyMs, firstQueueMs };
}

async function commandTimings(core: DeskCore) {
  const latencies: number[] = [];
  for (let i = 0; i < TESTS; i++) {
    const t = performance.now();
    const r = await dispatch(
      core.handlers,
      'credentials:test',
      { profileId: 'embedded-sandbox' },
      { transport: 'test', connection: 'test' },
      log,
    );
    latencies.push(performance.now() - t);
    if (!r.ok || !(r.data as { ok: boolean }).ok) throw new Error(`connection test failed: ${JSON.stringify(r)}`);
  }
  const t = performance.now();
  for (let i = 0; i < DISPATCHES; i++)
    await dispatch(core.handlers, 'profiles:list', {}, { transport: 'test', connection: 'test' }, log);
  const perSec = Math.round(DISPATCHES / ((performance.now() - t) / 1000));
  console.log(
    `connection test against the embedded simulator: median ${median(latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms over ${TESTS}`,
  );
  console.log(
    `profiles:list through the shared dispatch (zod parse + handler): ${perSec.toLocaleString('en')} calls/s`,
  );
}

/** Prints the renderer's URL, then holds the desk until the bench closes stdin (bench/support/desk-with-window.ts). */
async function serveWindow(core: DeskCore) {
  // Loaded only here, so the other phases' rows hold what they held before.
  const { createBrowserHost } = await import('../src/server/browser-host');
  const host = await createBrowserHost({ core, port: 0, rendererDir: 'out/renderer', logger: log });
  console.log(JSON.stringify({ url: host.url }));
  await new Promise((resolve) => process.stdin.on('end', resolve).resume());
  await host.close();
  await core.close();
}

/** A new folder with the queue in it, seeded in a process of its own so the desk measured after holds none of it. */
async function seedQueue(dataDir: string) {
  const store = await openStore(defaultStoreLocation(dataDir));
  try {
    await fillSyntheticQueue(store, { requests: WINDOW_QUEUE_ROWS, customers: 20_000 });
  } finally {
    await store.close();
  }
  console.log(JSON.stringify({ seeded: WINDOW_QUEUE_ROWS }));
}

async function runPhase(phase: Phase, dataDir: string, storeWorker: string | undefined) {
  if (phase === 'modules') return console.log(JSON.stringify(processParts(null)));
  if (storeWorker) usePgliteWorkerModule(storeWorker);
  if (phase === 'seed-queue') return seedQueue(dataDir);
  // The app opens its window as soon as the core is ready; the bench settles after the window's first rows.
  if (phase === 'warm-window') return serveWindow((await start(dataDir, false)).core);
  const { core, readyMs, firstQueueMs } = await start(dataDir);
  // RSS at warm start: once the store is open and the sandbox's first items are in, before any command runs.
  const row: Record<string, number> = {
    'core ready ms': Math.round(readyMs),
    'first queue event ms': Math.round(firstQueueMs),
    ...processParts(await storeWorkerMemory()),
  };
  if (phase === 'warm') await commandTimings(core);
  const c0 = performance.now();
  await core.close();
  row['close ms'] = Math.round(performance.now() - c0);
  console.log(JSON.stringify(row));
}

const [phase, dir, storeWorker] = process.argv.slice(2);
void runPhase(phase as Phase, dir ?? '', storeWorker).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
