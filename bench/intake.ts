/**
 * npm run bench:intake — notifications accepted end to end (HTTP + verify + commit + signed ack) per second, sent
 * from another process as Praxis sends them, with the group commit and with one commit per message, next to bare
 * INSERTs of the same rows on the same store in the same run, on PGlite and on PostgreSQL; plus the payout-queue
 * query on 100k withdrawal requests. Goal: end to end ≥ 0.5 × bare INSERTs. Env: BENCH_N (2000),
 * BENCH_CONCURRENCY (16), BENCH_STORES (pglite,postgres), BENCH_COMMITS_IN_FLIGHT (the intake's default),
 * SENDER (node-http: the old node:http sender, for comparison).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { openStore, type StoreLocation, type WorkStore } from '../src/core/store/work-store';
import { answer } from '../src/core/intake/ack';
import { dedupeKey } from '../src/core/intake/process-notification';
import { NotificationSchema } from '../src/core/praxis/schemas';
import { acceptManyWithClaims } from '../src/core/store/accept-many';
import { SANDBOX_SAMPLE } from '../src/shared/domain';
import { signNotification } from '../test/support/notifications';
import { postgresUnavailableReason, startPostgres } from '../test/support/postgres';
import {
  notificationSender,
  notificationSenderProcess,
  pool,
  requestedNotificationBody,
  startSandboxIntake,
} from './support/notification-sender';
import { postmasterPid, treeCpuMs } from './support/process-tree-cpu';

const N = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Which stores to measure (comma-separated: pglite, postgres). */
const STORES = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',');
/** Group commits under way at once; unset: the intake's own choice per store. */
const COMMITS_IN_FLIGHT = process.env.BENCH_COMMITS_IN_FLIGHT ? Number(process.env.BENCH_COMMITS_IN_FLIGHT) : undefined;
const QUEUE_ROWS = 100_000;
const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
/** CPU time of this process (every thread: the intake, and PGlite's worker) per message, in ms. */
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;
const round2 = (ms: number) => Math.round(ms * 100) / 100;
const cpuMsPer = (u: NodeJS.CpuUsage) => Math.round(((u.user + u.system) / 1000 / N) * 100) / 100;

/** What the intake stores for one accepted notification, as one bare statement: its row and its claim. */
const BARE_INSERT = `WITH n AS (
  INSERT INTO notifications (verdict, dedupe_key, tid, order_id, transaction_status, praxis_timestamp, raw_body, headers, response)
  VALUES ('accepted', $1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb) RETURNING id)
INSERT INTO unconfirmed_changes (tid, notification_id, claimed_status, claimed_amount_minor, claimed_currency, notified_at)
SELECT $2, id, 'requested', $9, 'EUR', $10::timestamptz FROM n`;

interface Row {
  store: string;
  notificationsPerSec: number;
  oneCommitEachPerSec: number;
  meanBatch: number;
  cpuMs: { grouped: number; oneEach: number; insert: number; statement: number; sender: number };
  /** The PostgreSQL server's processes, per message: group commit / bare INSERT (none for PGlite). */
  serverCpuMs: { grouped: number; insert: number } | null;
  insertsPerSec: number;
  preparedInsertsPerSec: number | null;
  statementPerSec: number;
  ratio: string;
  preparedRatio: string;
  queueQueryMs: number;
  rssMb: number;
}

async function benchStore(name: string, location: StoreLocation, serverCpuMs?: () => number): Promise<Row> {
  const openedAt = Date.now();
  const store: WorkStore = await openStore(location);
  console.log(`  ${name}: opened in ${Date.now() - openedAt} ms`);
  /** Notifications per second from a sender process, `concurrency` in flight, through an intake on `store`. */
  const endToEnd = async (first: number, groupCommit: boolean) => {
    const batches: number[] = [];
    const intake = await startSandboxIntake(
      store,
      groupCommit
        ? { onCommit: (size) => batches.push(size), ...(COMMITS_IN_FLIGHT ? { maxInFlight: COMMITS_IN_FLIGHT } : {}) }
        : false,
    );
    // Warm up (JIT, connections) with 50 notifications outside the measured range.
    await pool(
      Array.from({ length: 50 }, (_, i) => first + N + i),
      CONCURRENCY,
      notificationSender(intake.url, CONCURRENCY),
    );
    batches.length = 0;
    const sender = await notificationSenderProcess(intake.url, first, N, CONCURRENCY);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const server0 = serverCpuMs?.() ?? 0;
    const { senderCpuMs } = await sender.send();
    const perSec = Math.round(N / ((performance.now() - t0) / 1000));
    const cpuMs = cpuMsPer(process.cpuUsage(cpu0));
    const serverMs = serverCpuMs ? round2((serverCpuMs() - server0) / N) : NaN;
    await intake.close();
    const meanBatch = batches.length ? batches.reduce((a, b) => a + b, 0) / batches.length : 1;
    return { perSec, meanBatch, cpuMs, senderCpuMs, serverMs };
  };
  const oneCommitEach = await endToEnd(3_000_000, false);
  const grouped = await endToEnd(1_000_000, true);

  // The store's own pace for what the intake writes per notification, without HTTP, verify or batching: the same
  // rows (the accepted notification with its raw body, kept headers and signed answer, and its unconfirmed-change
  // claim) as ONE bare INSERT statement per notification, one commit each, `CONCURRENCY` in flight through the same
  // store connection(s).
  const rowsOf = (tid: number) => {
    const body = requestedNotificationBody(tid);
    const headers = { 'content-type': 'application/json', 'gt-authentication': signNotification(body) };
    const ack = answer(200, 0, 'Notification accepted', SANDBOX_SAMPLE.secret, Date.now());
    return { body, rawBody: JSON.stringify(body), headers: { ...headers, 'remote-address': '127.0.0.1' }, ack };
  };
  // Run as sent (parsed and planned each time) and, on PostgreSQL, also as a prepared statement, as the intake's own
  // statement is, which is the stricter yardstick (the goal is stated against them as sent).
  const bareInserts = async (first: number, preparedAs?: string) => {
    const tids = Array.from({ length: N }, (_, i) => first + i);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const server0 = serverCpuMs?.() ?? 0;
    await pool(tids, CONCURRENCY, async (tid) => {
      const { body, rawBody, headers, ack } = rowsOf(tid);
      await store.db.query(
        BARE_INSERT,
        [
          `tid:${tid}:requested:${body.timestamp}`,
          tid,
          `order_${tid}`,
          'requested',
          body.timestamp,
          rawBody,
          JSON.stringify(headers),
          JSON.stringify(ack.body),
          1000 + (tid % 5000),
          new Date(Number(body.timestamp) * 1000).toISOString(),
        ],
        preparedAs ? { preparedAs } : undefined,
      );
    });
    return {
      perSec: Math.round(N / ((performance.now() - t0) / 1000)),
      cpuMs: cpuMsPer(process.cpuUsage(cpu0)),
      serverMs: serverCpuMs ? round2((serverCpuMs() - server0) / N) : NaN,
    };
  };
  const bare = await bareInserts(5_000_000);
  const barePrepared = store.kind === 'postgres' ? await bareInserts(6_000_000, 'bench_bare_insert') : null;

  // The intake's own statement (dedupe, claim only on a change, NOTIFY), one commit each, without HTTP or verify.
  const statementTids = Array.from({ length: N }, (_, i) => 7_000_000 + i);
  let t = performance.now();
  const statementCpu0 = process.cpuUsage();
  await pool(statementTids, CONCURRENCY, async (tid) => {
    const { body, rawBody, headers, ack } = rowsOf(tid);
    const n = NotificationSchema.parse(body);
    const key = dedupeKey(n);
    const record = { verdict: 'accepted' as const, dedupeKey: key, tid, orderId: `order_${tid}`, rawBody, headers };
    await acceptManyWithClaims(store.db, [
      {
        record: { ...record, transactionStatus: 'requested', praxisTimestamp: n.timestamp, response: ack.body },
        n: { ...n, transaction: n.transaction! },
      },
    ]);
  });
  const statementPerSec = Math.round(N / ((performance.now() - t) / 1000));
  const statementCpuMs = cpuMsPer(process.cpuUsage(statementCpu0));

  // The payout queue's customers, made outside any timing.
  await store.db.query(
    `INSERT INTO customers (customer_token, raw_customer) SELECT 'tok' || g, '{}'::jsonb FROM generate_series(0, 499) g
     ON CONFLICT DO NOTHING`,
  );
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
  return {
    store: name,
    notificationsPerSec,
    oneCommitEachPerSec: oneCommitEach.perSec,
    meanBatch: Math.round(grouped.meanBatch * 10) / 10,
    cpuMs: {
      grouped: grouped.cpuMs,
      oneEach: oneCommitEach.cpuMs,
      insert: bare.cpuMs,
      statement: statementCpuMs,
      sender: round2(grouped.senderCpuMs),
    },
    serverCpuMs: serverCpuMs ? { grouped: grouped.serverMs, insert: bare.serverMs } : null,
    insertsPerSec: bare.perSec,
    preparedInsertsPerSec: barePrepared?.perSec ?? null,
    statementPerSec,
    ratio: percent(notificationsPerSec, bare.perSec),
    preparedRatio: barePrepared ? percent(notificationsPerSec, barePrepared.perSec) : '–',
    queueQueryMs: Math.round(times[2]!),
    rssMb,
  };
}

/** The ceiling HTTP alone sets: the same sender against an endpoint that only answers (no verify, no store). */
async function httpAlone(): Promise<{ perSec: number; cpuMs: number; senderCpuMs: number }> {
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
  const { senderCpuMs } = await sender.send();
  const perSec = Math.round(N / ((performance.now() - t0) / 1000));
  const cpuMs = cpuMsPer(process.cpuUsage(cpu0));
  await app.close();
  return { perSec, cpuMs, senderCpuMs: Math.round(senderCpuMs * 100) / 100 };
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
    if (STORES.includes('pglite'))
      results.push(await benchStore('PGlite (folder)', { kind: 'pglite', dir: join(dir, 'store') }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const skip = postgresUnavailableReason();
  if (skip) console.log(`  ${skip}`);
  else if (STORES.includes('postgres')) {
    const server = await startPostgres();
    try {
      const postmaster = postmasterPid(server.dataDir);
      results.push(
        await benchStore('PostgreSQL 127.0.0.1', { kind: 'postgres', url: server.url }, () => treeCpuMs(postmaster)),
      );
    } finally {
      await server.stop();
    }
  }
  console.log('');
  console.log(
    `HTTP alone (same sender, an endpoint that only answers): ${http.perSec} requests/s; CPU ms each: ${http.cpuMs} server, ${http.senderCpuMs} sender — the ceiling above every end-to-end figure`,
  );
  console.log(
    process.env.SENDER === 'node-http'
      ? 'The sender: node:http, keep-alive agent, one socket per message in flight, in a process of its own on the same cores.'
      : 'The sender: every request built and signed before the clock starts, written on raw keep-alive sockets, one ' +
          'message in flight per socket, each counted once its answer (status 0) is read; a process of its own on the ' +
          'same cores (SENDER=node-http: the node:http sender instead).',
  );
  console.log(
    'bare INSERTs: per notification ONE statement inserting the rows the intake stores for it (the accepted notification ' +
      'with raw body, headers and signed answer, and its unconfirmed-change claim), one commit each, ' +
      `${CONCURRENCY} in flight, same store connection(s), no HTTP / verify / batching; on PostgreSQL also as a ` +
      "prepared statement (as the intake's statement is), a stricter yardstick shown beside the goal's.",
  );
  console.log(
    "intake's statement: acceptManyWithClaims for one notification (dedupe, claim only on a change, NOTIFY), one commit each, no HTTP. " +
      'PostgreSQL server CPU: its postmaster and backends (/proc), per message.',
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
      'bare INSERTs/s (as sent / prepared)': `${r.insertsPerSec} / ${r.preparedInsertsPerSec ?? '–'}`,
      "intake's statement alone/s": r.statementPerSec,
      'CPU ms each, desk process (group / one each / INSERT / statement)': `${r.cpuMs.grouped} / ${r.cpuMs.oneEach} / ${r.cpuMs.insert} / ${r.cpuMs.statement}`,
      'sender CPU ms each': r.cpuMs.sender,
      'PostgreSQL server CPU ms each (group / INSERT)': r.serverCpuMs
        ? `${r.serverCpuMs.grouped} / ${r.serverCpuMs.insert}`
        : '–',
      'group commit ÷ bare INSERTs (goal ≥ 50 %)': r.ratio,
      'group commit ÷ prepared bare INSERTs': r.preparedRatio,
      'payout queue 100k rows (median ms)': r.queueQueryMs,
      'process RSS (MB)': r.rssMb,
    })),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
