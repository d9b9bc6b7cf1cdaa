import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log';
import { lookupIds } from '../../src/core/lookup/lookup-ids';
import { runAs, SANDBOX_ACTOR } from '../../src/core/access/actor';
import { createPraxisClient } from '../../src/core/praxis';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import { openStore } from '../../src/core/store/work-store';
import { summaryTable } from '../support/summary-table';

// Issue 16: the process running the core is SIGKILLed in the middle of a bulk approval of 500 at three points;
// each restart on the same store reconciles what was in flight. In the end: 500 payouts, each made once.
const REQUESTS = 500;
const TIMEOUT_MS = 2_000;
/** A `sending` entry left by a killed sender is reconciled once its lease ran out (sendLeaseMs: 2 × timeout + 5 s). */
const LEASE_MS = 2 * TIMEOUT_MS + 5_000;
const CHILD = join(import.meta.dirname, 'support/payout-core-child.ts');
const summary = summaryTable('Crash and restart (issue 16)');

interface ChildRun {
  signal: NodeJS.Signals | null;
  code: number | null;
  /** What the child printed: its start's reconciliation at once, the rest when it finished. */
  summary: { recovered?: string[]; approvedNow?: number; pendingLeft?: number; unresolvedLeft?: number };
  stderr: string;
}

function runChild(env: Record<string, string>): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => {
      const lines = out.split('\n').filter((l) => l.startsWith('{'));
      resolve({ code, signal, summary: Object.assign({}, ...lines.map((l) => JSON.parse(l))), stderr });
    });
  });
}

const states = (run: ChildRun) => {
  const all = run.summary.recovered ?? [];
  return `${all.length} (${[...new Set(all)].map((st) => `${all.filter((x) => x === st).length} ${st}`).join(', ') || 'none'})`;
};

let sim: Simulator;
let storeDir: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationUrl: null, hangMs: 60_000 });
  storeDir = await mkdtemp(join(tmpdir(), 'crash-restart-'));
});
afterAll(async () => {
  summary.print();
  await sim?.stop();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

describe('a core killed in the middle of a bulk approval', () => {
  it(
    `restarts on the same store and ends with exactly ${REQUESTS} payouts, none pending`,
    { timeout: 1_200_000 },
    async () => {
      const tids = Array.from(
        { length: REQUESTS },
        (_, i) => sim.createWithdrawalRequest({ cid: `crash-${i % 50}`, currency: 'EUR', amount: 1_000 + i }).tid,
      );
      // The requests come into the store by lookup, as an operator's import would.
      const store = await openStore({ kind: 'pglite', dir: storeDir });
      const client = createPraxisClient({
        baseUrl: sim.url,
        ...sim.credentials,
        logger: createLogger(() => undefined),
      });
      // As someone who works the payout queue: a look-up shows a withdrawal only to its screen's roles.
      const found = await runAs(SANDBOX_ACTOR, () => lookupIds(tids.map(String), { client, store, concurrency: 8 }));
      expect(found.filter((f) => !f.ok)).toEqual([]);
      await store.close();
      console.log('looked up', tids.length);

      const env = {
        STORE_DIR: storeDir,
        SIM_URL: sim.url,
        TIMEOUT_MS: String(TIMEOUT_MS),
        NOT_APPLIED_AFTER_MS: String(LEASE_MS),
      };
      const perItem = async () => {
        // A few at a time: 500 at once meet connection resets on a busy machine.
        const counts: number[] = [];
        for (let k = 0; k < tids.length; k += 25)
          counts.push(
            ...(await Promise.all(
              tids.slice(k, k + 25).map(async (tid) => {
                const res = await fetch(`${sim.url}/_sim/transactions/${tid}`);
                return ((await res.json()) as { payoutsMade: number }).payoutsMade;
              }),
            )),
          );
        return counts;
      };
      const made = async () => (await perItem()).reduce((a, b) => a + b, 0);
      // Each point is hit a while into the run, with sends of other items in flight beside it.
      const points: [string, number][] = [
        ['before-send', 60],
        ['after-send', 60],
        ['after-answer', 60],
      ];
      for (const [point, after] of points) {
        const before = await made();
        const started = Date.now();
        const run = await runChild({ ...env, CRASH_AT: point, CRASH_AFTER: String(after) });
        console.log(`${point}: ${run.signal ?? run.code} after ${Date.now() - started} ms`);
        expect(run.signal, run.stderr).toBe('SIGKILL');
        summary.add({
          scenario: `SIGKILL ${point} (send ${after} of this run)`,
          runs: 1,
          passed: 1,
          figures: `${(await made()) - before} payouts made before the kill, ${await made()} in all; its start reconciled ${states(run)}; ${Date.now() - started} ms`,
        });
        // The next start finds the dead sender's entries past their lease and reconciles them.
        await new Promise((r) => setTimeout(r, LEASE_MS + 500));
      }

      const started = Date.now();
      const last = await runChild(env);
      expect(last.code, last.stderr).toBe(0);
      const counts = await perItem();
      summary.add({
        scenario: 'restart: reconcile, then approve the rest',
        runs: 1,
        passed: counts.every((n) => n === 1) && last.summary?.pendingLeft === 0 ? 1 : 0,
        figures: `${states(last)} reconciled at start, ${last.summary?.approvedNow} approved now; ${await made()} payouts for ${REQUESTS} requests; ${last.summary?.pendingLeft} pending; ${Date.now() - started} ms`,
      });
      expect(counts.filter((n) => n !== 1)).toEqual([]);
      expect(await made()).toBe(REQUESTS);
      expect(last.summary).toMatchObject({ pendingLeft: 0, unresolvedLeft: 0 });
    },
  );
});
