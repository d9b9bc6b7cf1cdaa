/**
 * npm run bench:intake — notifications accepted end to end (HTTP + verify + commit + signed ack) per second, sent
 * from another process as Praxis sends them, with the group commit and with one commit per message, next to bare
 * INSERTs of the same rows on the same store in the same run, on PGlite and on PostgreSQL; plus the payout-queue
 * query on 100k withdrawal requests. Goal: end to end ≥ 0.5 × bare INSERTs. Env: BENCH_N (2000), BENCH_CONCURRENCY (16).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { openStore, type StoreLocation, type WorkStore } from '../src/core/store/work-store';
import { notificationBody } from '../test/support/notifications';
import { postgresUnavailableReason, startPostgres } from '../test/support/postgres';
import { notificationSender, notificationSenderProcess, pool, startSandboxIntake } from './support/notification-sender';

const N = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const QUEUE_ROWS = 100_000;
const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
/** CPU time of this process (every thread: the intake, and PGlite's worker) per message, in ms. */
const cpuMsPer = (u: NodeJS.CpuUsage) => Math.round(((u.user + u.system) / 1000 / N) * 100) / 100;

interface Row {
  store: string;
  notificationsPerSec: number;
  oneCommitEachPerSec: number;
  meanBatch: number;
  cpuMs: { grouped: number; oneEach: number; insert: number };
  insertsPerSec: number;
  ratio: string;
  queueQueryMs: number;
  rssMb: number;
}

async function benchStore(name: string, location: StoreLocation): Promise<Row> {
  const openedAt = Date.now();
  const store: WorkStore = await openStore(location);
  console.log(`  ${name}: opened in ${Date.now() - openedAt} ms`);
  /** Notifications per second from a sender process, `concurrency` in flight, through an intake on `store`. */
  const endToEnd = async (first: number, groupCommit: boolean) => {
    const batches: number[] = [];
    const intake = await startSandboxIntake(store, groupCommit ? { onCommit: (size) => batches.push(size) } : false);
    // Warm up (JIT, connections) with 50 notifications outside the measured range.
    await pool(
      Array.from({ length: 50 }, (_, i) => first + N + i),
      CONCURRENCY,
      notificationSender(intake.url),
    );
    batches.length = 0;
    const sender = await notificationSenderProcess(intake.url, first, N, CONCURRENCY);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await sender.send();
    const perSec = Math.round(N / ((performance.now() - t0) / 1000));
    const cpuMs = cpuMsPer(process.cpuUsage(cpu0));
    await intake.close();
    const meanBatch = batches.length ? batches.reduce((a, b) => a + b, 0) / batches.length : 1;
    return { perSec, meanBatch, cpuMs };
  };
  const oneCommitEach = await endToEnd(3_000_000, false);
  const grouped = await endToEnd(1_000_000, true);

  const tids = Array.from({ length: N }, (_, i) => 1_000_000 + i);
  // The intake stores claims, not items (a signed find-transaction confirms them later): the bare rows' customers
  // are made here, outside the timing.
  await store.db.query(
    `INSERT INTO customers (customer_token, raw_customer) SELECT 'tok' || g, '{}'::jsonb FROM generate_series(0, 499) g
     ON CONFLICT DO NOTHING`,
  );
  // The same rows, as bare single-row INSERTs through the same store connection(s).
  const insertSql = `INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, order_id, cid, customer_token,
    amount_minor, currency, created_at, last_source, raw_transaction) VALUES ($1, 'payout', 'requested', 1, now(), $2, 'cust-1', $3, $4, 'EUR', now(), 'notification', $5)`;
  let t = performance.now();
  const insertCpu0 = process.cpuUsage();
  await pool(tids, CONCURRENCY, async (tid) => {
    const body = notificationBody({ tid, status: 'requested' });
    await store.db.query(insertSql, [
      tid + 5_000_000,
      `order_${tid}`,
      `tok${tid % 500}`,
      1000 + (tid % 5000),
      JSON.stringify(body.transaction),
    ]);
  });
  const insertSec = (performance.now() - t) / 1000;
  const insertCpuMs = cpuMsPer(process.cpuUsage(insertCpu0));

  // The payout queue on 100k pending withdrawal requests (plus the rows above).
  await store.db
    .query(`INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, customer_token, amount_minor, currency, created_at, last_source, raw_transaction)
    SELECT 20000000 + g, 'payout', CASE WHEN g % 10 = 0 THEN 'approved' ELSE 'requested' END, 1, now(), 'tok' || (g % 500), 100 + g % 9000, 'EUR',
           now() - (g || ' seconds')::interval, 'lookup', '{}'::jsonb FROM generate_series(1, ${Math.round(QUEUE_ROWS / 0.9)}) g`);
  await store.db.query('ANALYZE transactions');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    rows = (await store.pendingWithdrawals()).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name}: payout queue returned ${rows} rows`);

  const rssMb = mb();
  await store.close();
  const notificationsPerSec = grouped.perSec;
  const insertsPerSec = Math.round(N / insertSec);
  return {
    store: name,
    notificationsPerSec,
    oneCommitEachPerSec: oneCommitEach.perSec,
    meanBatch: Math.round(grouped.meanBatch * 10) / 10,
    cpuMs: { grouped: grouped.cpuMs, oneEach: oneCommitEach.cpuMs, insert: insertCpuMs },
    insertsPerSec,
    ratio: `${((notificationsPerSec / insertsPerSec) * 100).toFixed(1)} %`,
    queueQueryMs: Math.round(times[2]!),
    rssMb,
  };
}

/** The ceiling HTTP alone sets: the same sender against an endpoint that only answers (no verify, no store). */
async function httpAlone(): Promise<{ perSec: number; cpuMs: number }> {
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/', async (_req, reply) =>
    reply.header('content-type', 'application/json').send('{"status":0,"description":"ok"}'),
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  await (await notificationSenderProcess(url, 9_500_000, 50, CONCURRENCY)).send();
  const sender = await notificationSenderProcess(url, 1, N, CONCURRENCY);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await sender.send();
  const perSec = Math.round(N / ((performance.now() - t0) / 1000));
  const cpuMs = cpuMsPer(process.cpuUsage(cpu0));
  await app.close();
  return { perSec, cpuMs };
}

async function main() {
  console.log(
    `bench:intake — ${N} signed notifications, ${CONCURRENCY} in flight; Node ${process.version}; RSS at start ${mb()} MB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const results: Row[] = [];
  const http = await httpAlone();
  const dir = await mkdtemp(join(tmpdir(), 'desk-bench-'));
  try {
    results.push(await benchStore('PGlite (folder)', { kind: 'pglite', dir: join(dir, 'store') }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const skip = postgresUnavailableReason();
  if (skip) console.log(`  ${skip}`);
  else {
    const server = await startPostgres();
    try {
      results.push(await benchStore('PostgreSQL 127.0.0.1', { kind: 'postgres', url: server.url }));
    } finally {
      await server.stop();
    }
  }
  console.log('');
  console.log(
    `HTTP alone (same sender, an endpoint that only answers): ${http.perSec} requests/s, ${http.cpuMs} CPU ms each — the ceiling above every end-to-end figure`,
  );
  console.log(
    `load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.table(
    results.map((r) => ({
      store: r.store,
      'notifications/s (end to end, group commit)': r.notificationsPerSec,
      'mean batch': r.meanBatch,
      'notifications/s (one commit each)': r.oneCommitEachPerSec,
      'bare INSERTs/s': r.insertsPerSec,
      'CPU ms each (group / one each / INSERT)': `${r.cpuMs.grouped} / ${r.cpuMs.oneEach} / ${r.cpuMs.insert}`,
      'group commit ÷ inserts (goal ≥ 50 %)': r.ratio,
      'payout queue 100k rows (median ms)': r.queueQueryMs,
      'process RSS (MB)': r.rssMb,
    })),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
