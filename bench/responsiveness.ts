/**
 * npm run bench:responsiveness — the event-loop delay (p50 / p99 / max, 1 ms resolution) of the thread that answers
 * commands while (a) the 100,000-row payout queue loads as the screen asks for it, (b) 2,000 signed notifications
 * arrive at the intake, (c) a bulk approve of 1,000 runs against the simulator (40 ms latency, concurrency 8); with
 * PGlite on its worker thread and, in a second process of the same run, on the command thread; plus the memory of
 * each (also after the whole queue in one list call). Goal: p99 under 20 ms in each. Env: BENCH_ROWS (100000), BENCH_N (1000), BENCH_NOTIFICATIONS (2000).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPayoutEngine } from '../src/core/payouts/payout-engine';
import { loadPayoutSettings } from '../src/core/payouts/payout-settings';
import type { PgliteThread } from '../src/core/store/open-pglite';
import { FIRST_PAGE_ROWS } from '../src/shared/payouts';
import { REST_PAGE_ROWS } from '../src/shared/queue-views';
import { fillSyntheticQueue } from '../test/support/synthetic-payouts';
import { measureBulk, withBulkBenchContext } from './support/bulk-bench';
import { deskMemory, memoryLine, type DeskMemory } from './support/desk-memory';
import { measureLoopDelay, type LoopDelay } from './support/loop-delay';
import { notificationSender, notificationSenderProcess, pool, startSandboxIntake } from './support/notification-sender';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const N = Number(process.env.BENCH_N ?? 1000);
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 2000);
const LATENCY_MS = 40;
const GOAL_P99_MS = 20;
const RESULT = 'RESULT ';

interface ThreadRun {
  thread: PgliteThread;
  delays: { idle: LoopDelay; queue: LoopDelay; intake: LoopDelay; bulk: LoopDelay };
  memory: { warm: DeskMemory; afterBulk: DeskMemory; afterQueue: DeskMemory; afterWholeList: DeskMemory };
}

/** One process, one PGlite placement (PRAXIS_DESK_PGLITE_THREAD, set by the parent): the three loads, measured. */
async function measureOneThread(thread: PgliteThread): Promise<ThreadRun> {
  return withBulkBenchContext(`responsiveness-${thread}`, async ({ sim, store, client, log, praxis }) => {
    const warm = await deskMemory(store.db);
    // The floor this machine gives an idle thread right now (other work on it shows up here too).
    const idle = await measureLoopDelay(() => new Promise((resolve) => setTimeout(resolve, 3_000)));
    const engine = createPayoutEngine({ store, log, praxis });
    const concurrency = (await loadPayoutSettings(store)).bulkConcurrency;

    // (c) bulk approve of N against the simulator; only the bulk itself is measured.
    let bulk: LoopDelay | null = null;
    const run = await measureBulk({
      sim,
      store,
      client,
      n: N,
      latencyMs: LATENCY_MS,
      concurrency,
      path: '/_sim/withdrawal-requests',
      item: (i) => ({ cid: `bench-${i % 250}`, currency: 'EUR', amount: 1_000 + (i % 400) * 100 }),
      queueSize: async () => (await engine.list()).rows.length,
      bulk: async (tids) => {
        let outcome: Awaited<ReturnType<typeof engine.bulk>> | null = null;
        bulk = await measureLoopDelay(async () => (outcome = await engine.bulk({ action: 'approve', tids })));
        return outcome!;
      },
      madeField: 'payoutsMade',
    });
    if (run.made !== N) throw new Error(`the simulator made ${run.made} payouts for ${N} approvals`);
    const afterBulk = await deskMemory(store.db);

    // (b) NOTIFICATIONS signed notifications from another process (as from Praxis), 16 in flight, after 50 outside the
    // measurement (JIT, connections).
    const intake = await startSandboxIntake(store);
    const send = notificationSender(intake.url);
    await pool(
      Array.from({ length: 50 }, (_, i) => 9_000_000 + i),
      16,
      send,
    );
    const sender = await notificationSenderProcess(intake.url, 1_000_000, NOTIFICATIONS, 16);
    const intakeDelay = await measureLoopDelay(() => sender.send());
    await intake.close();

    // (a) the payout queue at ROWS rows, read as the screen reads it (first page, then the rest page by page) and
    // serialised as the browser host sends it.
    await fillSyntheticQueue(store, { requests: ROWS, customers: 20_000 });
    const queue = await measureLoopDelay(async () => {
      let page = await engine.list({ limit: FIRST_PAGE_ROWS });
      JSON.stringify(page);
      while (page.next !== null)
        JSON.stringify((page = await engine.list({ after: page.next, limit: REST_PAGE_ROWS })));
    });
    const afterQueue = await deskMemory(store.db);
    console.log(`  ${thread}: ${memoryLine(afterQueue)}`);
    // The whole queue in one call (payouts:list without a limit): the core still reads it a page per statement.
    const t0 = performance.now();
    JSON.stringify(await engine.list());
    const afterWholeList = await deskMemory(store.db);
    console.log(
      `  ${thread}: whole queue in one call ${Math.round(performance.now() - t0)} ms; ${memoryLine(afterWholeList)}`,
    );
    return {
      thread,
      delays: { idle, queue, intake: intakeDelay, bulk: bulk! },
      memory: { warm, afterBulk, afterQueue, afterWholeList },
    };
  });
}

/** Runs this file again as a child with PGlite on `thread`; its figures from the RESULT line. */
function runChild(thread: PgliteThread): Promise<ThreadRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--thread=${thread}`], {
      env: { ...process.env, PRAXIS_DESK_PGLITE_THREAD: thread },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      for (const l of out.split('\n')) if (l && !l.startsWith(RESULT)) console.log(l);
      if (code !== 0 || !line) reject(new Error(`the ${thread} run failed (exit code ${code})`));
      else resolve(JSON.parse(line.slice(RESULT.length)) as ThreadRun);
    });
  });
}

const fmt = (d: LoopDelay) => `${d.p50Ms} / ${d.p99Ms} / ${d.maxMs}`;

async function main(): Promise<number> {
  const own = process.argv.find((a) => a.startsWith('--thread='));
  if (own) {
    const run = await measureOneThread(own.slice('--thread='.length) as PgliteThread);
    console.log(RESULT + JSON.stringify(run));
    return 0;
  }
  console.log(
    `bench:responsiveness — ${ROWS.toLocaleString('en')} queue rows, ${NOTIFICATIONS} notifications, bulk approve of ${N} at ${LATENCY_MS} ms; Node ${process.version}`,
  );
  const worker = await runChild('worker');
  const main = await runChild('main');
  const scenarios = [
    ["nothing (3 s idle: the machine's floor)", 'idle'],
    ['(a) 100k payout queue loads', 'queue'],
    ['(b) notifications arrive', 'intake'],
    ['(c) bulk approve', 'bulk'],
  ] as const;
  console.log('');
  console.log(`event-loop delay of the command thread, p50 / p99 / max in ms (goal: p99 < ${GOAL_P99_MS} ms)`);
  console.table(
    scenarios.map(([what, key]) => {
      const w = worker.delays[key];
      const m = main.delays[key];
      return {
        while: what,
        'PGlite on its worker': fmt(w),
        'PGlite on the command thread': fmt(m),
        'p99 command thread ÷ worker': `${(m.p99Ms / Math.max(w.p99Ms, 0.1)).toFixed(1)}×`,
        'worker p99 meets goal': w.p99Ms < GOAL_P99_MS ? 'yes' : 'NO',
        'took (worker / thread, ms)': `${w.elapsedMs} / ${m.elapsedMs}`,
      };
    }),
  );
  console.log('memory (MB; goals: warm ≤ 300, after the 100k queue ≤ 600, all processes together)');
  console.table(
    [worker, main].flatMap((r) =>
      (['warm', 'afterBulk', 'afterQueue', 'afterWholeList'] as const).map((when) => {
        const m = r.memory[when];
        return {
          PGlite: r.thread === 'worker' ? 'on its worker' : 'on the command thread',
          when,
          'process RSS': m.rssMb,
          'command thread heap': m.commandThreadHeapMb,
          'store worker heap': m.storeWorkerHeapMb ?? '(inside the thread)',
          'PGlite wasm heap': m.pgliteWasmMb ?? '(not measured)',
        };
      }),
    ),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
