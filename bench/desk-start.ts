/**
 * npm run bench:start — how long the one-desk core takes to be ready (cold: a new data folder, PGlite initdb;
 * warm: the same folder again), the process RSS after each, how soon the sandbox's book reaches the queues,
 * and the cost of a connection test and of a command through the shared dispatch. Env: BENCH_TESTS (default 20).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeskCore } from '../src/core/app/desk-core';
import type { DeskCore } from '../src/core/app/desk-core-types';
import { dispatch } from '../src/core/commands/dispatch';
import { createMemorySecretStore } from '../src/core/credentials/memory-secret-store';
import { createLogger } from '../src/core/log';

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

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-'));
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const phase of ['cold (new folder)', 'warm (same folder)']) {
      const { core, readyMs, firstQueueMs } = await start(dataDir);
      rows.push({
        phase,
        'core ready ms': Math.round(readyMs),
        'first queue event ms': Math.round(firstQueueMs),
        'rss MB': mb(),
      });

      if (phase.startsWith('warm')) {
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
      rows[rows.length - 1]!['close ms'] = Math.round(performance.now() - c0);
    }
    console.table(rows);
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
