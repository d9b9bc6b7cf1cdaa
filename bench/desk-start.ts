/**
 * npm run bench:start — how long the one-desk core takes to be ready (cold: a new data folder, PGlite initdb;
 * warm: the same folder again), the process RSS after each, how soon the sandbox's book reaches the queues,
 * and the cost of a connection test and of a command through the shared dispatch. Env: BENCH_TESTS (default 20).
 * Each start runs in a process of its own, as a desk starts: a warm start must not carry what the cold one left.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDeskCore } from '../src/core/app/desk-core';
import type { DeskCore } from '../src/core/app/desk-core-types';
import { dispatch } from '../src/core/commands/dispatch';
import { createMemorySecretStore } from '../src/core/credentials/memory-secret-store';
import { createLogger } from '../src/core/log';
import { usePgliteWorkerModule } from '../src/core/store/pglite-worker-module';
import { builtStoreWorker } from './support/built-store-worker';

const TESTS = Number(process.env.BENCH_TESTS ?? 20);
const DISPATCHES = 10_000;
const log = createLogger(() => undefined);
const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function start(dataDir: string): Promise<{ core: DeskCore; readyMs: number; firstQueueMs: number }> {
  const t0 = performance.now();
  const core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    logger: log,
    secretStore: createMemorySecretStore('bench'),
  });
  const readyMs = performance.now() - t0;
  // The sandbox replays its book to the intake after start; the first committed item announces itself here.
  let firstQueueMs = -1;
  await Promise.race([
    new Promise<void>((resolve) =>
      core.events.on('event:queue-changed', () => {
        if (firstQueueMs < 0) firstQueueMs = performance.now() - t0;
        resolve();
      }),
    ),
    new Promise((r) => setTimeout(r, 30_000)),
  ]);
  return { core, readyMs, firstQueueMs };
}

const BUILT_WARM = 'warm, store worker as built';
type Phase = 'cold (new folder)' | 'warm (same folder)' | typeof BUILT_WARM;

/** One start in this process; prints its row as JSON on the last line. */
async function runPhase(phase: Phase, dataDir: string) {
  if (phase === BUILT_WARM) usePgliteWorkerModule(builtStoreWorker()!);
  const { core, readyMs, firstQueueMs } = await start(dataDir);
  const row: Record<string, string | number> = {
    phase,
    'core ready ms': Math.round(readyMs),
    'first queue event ms': Math.round(firstQueueMs),
    'rss MB': mb(),
  };
  if (phase === 'warm (same folder)') {
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
  const c0 = performance.now();
  await core.close();
  row['close ms'] = Math.round(performance.now() - c0);
  console.log(JSON.stringify(row));
}

/** Runs this file again in a new process for one phase; answers its row. */
function phaseInChild(phase: Phase | 'baseline', dataDir: string): Record<string, string | number> {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), phase, dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out.trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(line);
  return JSON.parse(lines[lines.length - 1]!) as Record<string, string | number>;
}

async function main() {
  const [phase, dir] = process.argv.slice(2);
  if (phase === 'baseline') return console.log(JSON.stringify({ phase: 'Node + tsx alone', 'rss MB': mb() }));
  if (phase) return runPhase(phase as Phase, dir!);
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-'));
  try {
    // The app runs the bundled store worker; from source the worker loads tsx too (out/main: `electron-vite build`).
    // Third, so the warm row stays comparable with earlier runs (its first queue event can wait for the book's replay).
    const built = builtStoreWorker() ? [BUILT_WARM] : [];
    const phases = ['cold (new folder)', 'warm (same folder)', ...built, 'baseline'] as const;
    const rows = phases.map((p) => phaseInChild(p as Phase | 'baseline', dataDir));
    console.table(rows);
    if (!built.length)
      console.log('(no out/main build: run `electron-vite build` to measure the store worker as built)');
    console.log(
      'Goal: warm start ≤ 300 MB in all (issue 15); "Node + tsx alone" is what the bench runner itself holds.',
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
