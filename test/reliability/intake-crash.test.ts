import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_PATH } from '../../src/core/intake/intake-server';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import { openStore } from '../../src/core/store/work-store';
import { summaryTable } from '../support/summary-table';

// Issue 16: the intake is SIGKILLed in the middle of a burst of notifications. Every notification it acknowledged
// is in the store; the simulator resends the rest once it is back, and each lands once.
const BURST = 300;
const INTAKE_CLI = join(import.meta.dirname, '../../src/server/intake-cli.ts');
const summary = summaryTable('Intake killed mid-burst (issue 16)');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function startIntake(port: number, storeDir: string, sim: Simulator): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      INTAKE_CLI,
      '--port',
      String(port),
      '--store',
      storeDir,
      '--merchant-id',
      sim.credentials.merchantId,
      '--application-key',
      sim.credentials.applicationKey,
    ],
    { env: { ...process.env, PRAXIS_MERCHANT_SECRET: sim.credentials.secret }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`intake exited (${code}) before listening: ${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));
let sim: Simulator | undefined;
let storeDir = '';
afterAll(async () => {
  summary.print();
  await sim?.stop();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

describe('the intake killed in the middle of a burst', () => {
  it(
    `keeps every acknowledged notification of ${BURST}; the rest, resent, land once`,
    { timeout: 900_000 },
    async () => {
      storeDir = await mkdtemp(join(tmpdir(), 'intake-crash-'));
      const port = await freePort();
      sim = await startSimulator({
        port: 0,
        seed: false,
        arrivalIntervalMs: null,
        notificationUrl: `http://127.0.0.1:${port}${NOTIFICATION_PATH}`,
        notificationRetryBaseMs: 500,
      });
      const s = sim;
      const notifications = (tid: number) =>
        fetch(`${s.url}/_sim/transactions/${tid}`)
          .then((r) => r.json())
          .then((r) => (r as { notifications: { acknowledged: number; failedAttempts: number } }).notifications);
      // A few at a time: hundreds at once meet connection resets on a busy machine.
      const allNotifications = async () => {
        const out: { acknowledged: number; failedAttempts: number }[] = [];
        for (let k = 0; k < tids.length; k += 25)
          out.push(...(await Promise.all(tids.slice(k, k + 25).map(notifications))));
        return out;
      };

      let intake = await startIntake(port, storeDir, s);
      const tids: number[] = [];
      for (let i = 0; i < BURST; i++) {
        tids.push(s.createWithdrawalRequest({ cid: `burst-${i % 60}`, currency: 'EUR', amount: 500 + i }).tid);
        // The intake's first answer can take longer than sending a third of the burst on a busy machine (CI saw none
        // acknowledged at the kill): the burst goes on once the first is answered.
        if (i === 0)
          await expect
            .poll(async () => (await notifications(tids[0]!)).acknowledged, { timeout: 60_000, interval: 10 })
            .toBeGreaterThan(0);
        // The burst keeps coming while the intake is killed a third of the way in.
        if (i === Math.floor(BURST / 3)) {
          intake.kill('SIGKILL');
          await exited(intake);
        }
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      const acked = new Set<number>();
      for (const tid of tids) if ((await notifications(tid)).acknowledged > 0) acked.add(tid);
      const restartedAt = Date.now();
      intake = await startIntake(port, storeDir, s);
      const restartMs = Date.now() - restartedAt;

      // The simulator's retries (backing off from 0.5 s) bring the rest once the intake listens again.
      const waitStarted = Date.now();
      await expect
        .poll(async () => (await allNotifications()).filter((n) => n.acknowledged === 0).length, {
          timeout: 120_000,
          interval: 1_000,
        })
        .toBe(0);
      const retries = (await allNotifications()).reduce((n, x) => n + x.failedAttempts, 0);
      const redeliveryMs = Date.now() - waitStarted;
      intake.kill('SIGTERM');
      await exited(intake);

      const store = await openStore({ kind: 'pglite', dir: storeDir });
      try {
        // The intake keeps an accepted notification and its claim; a signed find-transaction later confirms it.
        const stored = await store.db.query<{ tid: string; status: string }>(
          `SELECT DISTINCT tid::text AS tid, claimed_status AS status FROM unconfirmed_changes WHERE tid = ANY($1::bigint[])`,
          [tids],
        );
        const storedTids = new Set(stored.rows.map((r) => Number(r.tid)));
        const accepted = await store.db.query<{ tid: string; n: number }>(
          `SELECT tid::text AS tid, count(*)::int AS n FROM notifications WHERE verdict = 'accepted' GROUP BY tid`,
        );
        const copies = accepted.rows.filter((r) => r.n > 1).length;
        // A copy stored but killed before its answer comes again with a newer timestamp: kept as a second identical
        // claim, which the one find-transaction of that item settles with the first. No item gets differing claims.
        const claims = await store.db.query<{ tid: string }>(
          `SELECT tid::text AS tid FROM unconfirmed_changes GROUP BY tid
           HAVING count(DISTINCT claimed_status) > 1 OR count(DISTINCT coalesce(claimed_amount_minor, -1)) > 1
               OR count(DISTINCT coalesce(claimed_currency, '')) > 1`,
        );
        const twice = claims.rows.map((r) => Number(r.tid));
        const lostAcked = [...acked].filter((tid) => !storedTids.has(tid));
        summary.add({
          scenario: `SIGKILL after ${Math.floor(BURST / 3)} of ${BURST} sent`,
          runs: 1,
          passed: lostAcked.length === 0 && storedTids.size === BURST ? 1 : 0,
          figures: `${acked.size} acknowledged before the kill, ${acked.size - lostAcked.length} of them stored; ${BURST - acked.size} resent (${retries} failed attempts); ${storedTids.size} of ${BURST} stored; restart ${restartMs} ms, redelivery ${redeliveryMs} ms; ${copies} stored but unanswered at the kill came again (same claim kept twice), ${twice.length} items with differing claims`,
        });
        expect(lostAcked).toEqual([]);
        expect(storedTids.size).toBe(BURST);
        expect(stored.rows.filter((r) => r.status !== 'requested')).toEqual([]);
        expect(twice).toEqual([]);
        expect(acked.size).toBeGreaterThan(0);
        expect(acked.size).toBeLessThan(BURST);
      } finally {
        await store.close();
      }
    },
  );
});
