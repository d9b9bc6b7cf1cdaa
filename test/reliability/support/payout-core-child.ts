/**
 * The payout core in a child process for the crash tests: opens a PGlite store folder, reconciles what a killed
 * run left (as the desk does at start), then approves every request still pending in one bulk. CRASH_AT makes it
 * SIGKILL itself at the CRASH_AFTER-th send, at one of three points; the hooks wrap this script's own client and
 * store, not the product's code. The last line on stdout is a JSON summary.
 */
import { createLogger } from '../../../src/core/log';
import { createPayoutEngine } from '../../../src/core/payouts/payout-engine';
import { createPraxisClient } from '../../../src/core/praxis';
import { openStore } from '../../../src/core/store/work-store';
import { SANDBOX_SAMPLE } from '../../../src/shared/domain';

type CrashPoint = 'before-send' | 'after-send' | 'after-answer';
const crashAt = process.env.CRASH_AT as CrashPoint | undefined;
const crashAfter = Number(process.env.CRASH_AFTER ?? 0);
const die = () => process.kill(process.pid, 'SIGKILL');

const store = await openStore({ kind: 'pglite', dir: process.env.STORE_DIR! });
const log = createLogger(undefined, 'warn');
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 2_000);
const client = createPraxisClient({ baseUrl: process.env.SIM_URL!, ...SANDBOX_SAMPLE, timeoutMs, logger: log });

let sends = 0;
const complete = client.completeWithdrawalRequest.bind(client);
client.completeWithdrawalRequest = async (...args: Parameters<typeof complete>) => {
  const n = ++sends;
  if (crashAt === 'before-send' && n === crashAfter) die();
  const answer = await complete(...args);
  if (crashAt === 'after-send' && n === crashAfter) die();
  return answer;
};
let finishes = 0;
const finish = store.journal.finish.bind(store.journal);
store.journal.finish = async (...args: Parameters<typeof finish>) => {
  if (crashAt === 'after-answer' && ++finishes === crashAfter) die();
  return finish(...args);
};

const engine = createPayoutEngine({
  store,
  log,
  praxis: async () => ({ client, profileId: 'embedded-sandbox', operator: 'Crash Test', timeoutMs }),
  // The 30-minute "not applied" rule, shortened so a send that never left is settled within the test.
  resolve: { notAppliedAfterMs: Number(process.env.NOT_APPLIED_AFTER_MS ?? 30 * 60_000) },
});
const recovered = await engine.recoverUnresolved();
// Printed at once: a run killed later still tells what its start reconciled.
console.log(JSON.stringify({ recovered: recovered.map((r) => r.state) }));
const pending = (await engine.list()).rows.map((r) => r.tid);
const bulk = pending.length ? await engine.bulk({ action: 'approve', tids: pending }) : null;
const left = (await engine.list()).rows;
const unresolved = await store.journal.unresolved(0);
console.log(
  JSON.stringify({
    recovered: recovered.map((r) => r.state),
    approvedNow: pending.length,
    bulkDone: bulk ? bulk.results.filter((r) => r.state === 'done').length : 0,
    pendingLeft: left.length,
    unresolvedLeft: unresolved.length,
  }),
);
await store.close();
