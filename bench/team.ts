/**
 * npm run bench:team — two desks (two database logins on one PostgreSQL server started here) bulk-approve
 * overlapping halves of 1,000 withdrawal requests (each takes 60 %, 20 % overlap), next to one desk alone
 * approving another 1,000 in the same run, with 40 ms added latency per Praxis call. Prints both wall times, their
 * ratio, what each desk did, and the payouts the simulator really made (must be exactly 1,000 per set, else exit 1).
 * Env: BENCH_N (1000), BENCH_LATENCY_MS (40). Skipped with a message where PostgreSQL is not installed.
 */
import { loadPayoutSettings } from '../src/core/payouts/payout-settings';
import type { BulkOutcome } from '../src/shared/payouts';
import { postgresUnavailableReason } from '../test/support/postgres';
import { startTeamRig } from '../test/support/team-rig';

const N = Number(process.env.BENCH_N ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const ms = (t0: number) => Math.round(performance.now() - t0);
const done = (o: BulkOutcome) => o.results.filter((r) => r.state === 'done').length;

async function main(): Promise<number> {
  const skip = postgresUnavailableReason();
  if (skip) {
    console.log(`bench:team skipped: ${skip}`);
    return 0;
  }
  const team = await startTeamRig({
    database: 'bench_team',
    desks: [
      { login: 'ana_desk', operator: 'Ana', role: 'desk_backoffice' },
      { login: 'bo_desk', operator: 'Bo', role: 'desk_backoffice' },
    ],
  });
  try {
    const [ana, bo] = team.desks as [(typeof team.desks)[0], (typeof team.desks)[0]];
    const concurrency = (await loadPayoutSettings(ana.store)).bulkConcurrency;
    const alone = await team.requests(N);
    const shared = await team.requests(N, (i) => ({ cid: `shared-${i % 200}`, currency: 'EUR', amount: 2_000 + i }));
    console.log(`${2 * N} requests created at the simulator and looked up into the shared store`);

    team.sim.setFaults({ latencyMs: LATENCY_MS });
    let t0 = performance.now();
    const one = await ana.engine.bulk({ action: 'approve', tids: alone });
    const oneMs = ms(t0);

    const cut = Math.round(N * 0.6);
    const first = shared.slice(0, cut);
    const second = shared.slice(N - cut);
    t0 = performance.now();
    const [a, b] = await Promise.all([
      ana.engine.bulk({ action: 'approve', tids: first }),
      bo.engine.bulk({ action: 'approve', tids: second }),
    ]);
    const twoMs = ms(t0);
    team.sim.clearFaults();

    const madeAlone = (await team.payoutsMade(alone)).total;
    const madeShared = await team.payoutsMade(shared);
    const twice = [...madeShared.perRequest.values()].filter((n) => n > 1).length;

    console.log('');
    console.log(
      `bulk approve of ${N} requests, ${LATENCY_MS} ms added latency per Praxis call, concurrency ${concurrency} per desk`,
    );
    console.table([
      {
        what: 'one desk alone',
        'wall ms': oneMs,
        'vs one desk': '1.00×',
        'approved here': done(one),
        'not sent (taken/other)': one.results.length - done(one),
        'payouts at simulator': madeAlone,
      },
      {
        what: `two desks, ${cut} each, ${2 * cut - N} overlapping`,
        'wall ms': twoMs,
        'vs one desk': `${(twoMs / oneMs).toFixed(2)}×`,
        'approved here': `${done(a)} + ${done(b)}`,
        'not sent (taken/other)': `${a.results.length - done(a)} + ${b.results.length - done(b)}`,
        'payouts at simulator': madeShared.total,
      },
    ]);
    console.log(
      `payouts the simulator actually made: ${madeAlone} (one desk, expected ${N}); ${madeShared.total} (two desks, expected ${N}); requests paid twice: ${twice}`,
    );
    if (madeAlone !== N || madeShared.total !== N || twice > 0) {
      console.error(`FAIL: expected exactly ${N} payouts per set and none paid twice`);
      return 1;
    }
    return 0;
  } finally {
    await team.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
