/**
 * npm run bench:payouts — bulk-approve 1,000 withdrawal requests through the payout engine against the simulator
 * with 40 ms added latency at concurrency 8, next to the ideal (1,000 × 40 ms / 8) and the same number of bare
 * signed calls measured in the same run; the payouts the simulator really made (must be 1,000, else exit 1);
 * the process RSS; and payouts:list over 100,000 requests: the old per-row path next to the JSON path and its first
 * page, on PGlite and on a PostgreSQL server started here (skipped with a message where none is installed). Env: BENCH_N (1000), BENCH_LATENCY_MS (40), BENCH_BULK_ONLY=1 (the bulk alone, no list comparison).
 */
import { createPayoutEngine } from '../src/core/payouts/payout-engine';
import { loadPayoutSettings } from '../src/core/payouts/payout-settings';
import { openStore } from '../src/core/store/work-store';
import { postgresUnavailableReason, startPostgres } from '../test/support/postgres';
import { deskMemory, memoryLine } from './support/desk-memory';
import { measureBulk, printBulkFigures, runBulkBench } from './support/bulk-bench';
import { QUEUE_ROWS, queueListFigures, type QueueListFigures } from './support/queue-list-figures';

const N = Number(process.env.BENCH_N ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);

runBulkBench('payouts', async ({ sim, store, client, log, praxis }) => {
  const engine = createPayoutEngine({ store, log, praxis });
  const concurrency = (await loadPayoutSettings(store)).bulkConcurrency;

  // 1,000 requests created through the simulator's admin API, brought into the store by lookup, approved in bulk.
  const run = await measureBulk({
    sim,
    store,
    client,
    n: N,
    latencyMs: LATENCY_MS,
    concurrency,
    path: '/_sim/withdrawal-requests',
    item: (i) => ({
      cid: `bench-${i % 250}`,
      currency: i % 5 === 0 ? 'GBP' : 'EUR',
      amount: 1_000 + (i % 400) * 100,
    }),
    queueSize: async () => (await engine.list()).rows.length,
    bulk: (tids) => engine.bulk({ action: 'approve', tids }),
    madeField: 'payoutsMade',
  });
  const payoutsMade = run.made;
  const memoryAfterBulk = await deskMemory(store.db);
  // The bulk figures first: the list comparison below takes minutes on a busy machine.
  printBulkFigures({ verb: 'approve', n: N, concurrency, latencyMs: LATENCY_MS, ...run });
  console.log(`payouts the simulator actually made: ${payoutsMade} (expected ${N})`);
  console.log(`after the bulk (PGlite file store): ${memoryLine(memoryAfterBulk)}`);
  if (process.env.BENCH_BULK_ONLY === '1') return payoutsMade === N ? 0 : 1;

  // payouts:list at 100,000 rows, old path and new side by side, on a PGlite store and a PostgreSQL server of their own.
  const lists: QueueListFigures[] = [];
  const big = await openStore({ kind: 'memory' });
  lists.push(await queueListFigures('PGlite', big));
  await big.close();
  const pgSkip = postgresUnavailableReason();
  if (!pgSkip) {
    const server = await startPostgres();
    const team = await openStore({ kind: 'postgres', url: await server.createDatabase('bench_payouts') });
    try {
      lists.push(await queueListFigures('PostgreSQL', team));
    } finally {
      await team.close();
      await server.stop();
    }
  }

  console.log('');
  console.log(
    `payouts:list over ${QUEUE_ROWS.toLocaleString('en')} requests, median of 3 interleaved runs per path (RSS: this process; PostgreSQL's own is not in it)`,
  );
  console.table(lists);
  if (pgSkip) console.log(pgSkip);
  if (payoutsMade !== N) {
    console.error(`FAIL: the simulator made ${payoutsMade} payouts for ${N} approvals`);
    return 1;
  }
  return 0;
});
