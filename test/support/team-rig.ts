/**
 * A team on one real PostgreSQL server, for tests and `npm run bench:team`: the owner migrates, each desk connects as
 * its own login (a member of one desk role) with its own payout engine and signed client, all against one simulator.
 */
import { mapBounded } from '../../src/core/bounded';
import { createMemoryLogger, type Logger } from '../../src/core/log';
import { lookupIds } from '../../src/core/lookup/lookup-ids';
import { runAs, SANDBOX_ACTOR } from '../../src/core/access/actor';
import { createPayoutEngine, type PayoutEngine } from '../../src/core/payouts/payout-engine';
import { createPraxisClient, type PraxisClient } from '../../src/core/praxis';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import { startPostgres, type TestPostgres } from './postgres';
import { createDeskLogin, type DeskRole } from './team-postgres';

export interface TeamDesk {
  login: string;
  operator: string;
  store: WorkStore;
  client: PraxisClient;
  engine: PayoutEngine;
}

export interface TeamRig {
  server: TestPostgres;
  ownerUrl: string;
  /** The database owner's connection: what the bootstrap and the intake's lookups use here. */
  owner: WorkStore;
  sim: Simulator;
  desks: TeamDesk[];
  /** `n` withdrawal requests created at the simulator and looked up into the shared store; their tids. */
  requests(n: number, item?: (i: number) => { cid: string; currency: string; amount: number }): Promise<number[]>;
  /** Payouts the simulator really made for these requests, summed, and per request. */
  payoutsMade(tids: number[]): Promise<{ total: number; perRequest: Map<number, number> }>;
  close(): Promise<void>;
}

export interface TeamRigOptions {
  database: string;
  desks: { login: string; operator: string; role: DeskRole }[];
  /** Quiet (memory) logs for tests; a real logger for a benchmark's warnings. */
  log?: Logger;
}

export async function startTeamRig(opts: TeamRigOptions): Promise<TeamRig> {
  const log = opts.log ?? createMemoryLogger();
  const server = await startPostgres();
  const ownerUrl = await server.createDatabase(opts.database);
  const owner = await openStore({ kind: 'postgres', url: ownerUrl });
  const sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null, notificationUrl: null });
  const signedClient = () =>
    createPraxisClient({ baseUrl: sim.url, ...sim.credentials, timeoutMs: 20_000, logger: log });
  const ownerClient = signedClient();
  const desks: TeamDesk[] = [];
  for (const d of opts.desks) {
    const store = await openStore({ kind: 'postgres', url: await createDeskLogin(ownerUrl, d.login, d.role) });
    const client = signedClient();
    const engine = createPayoutEngine({
      store,
      log,
      praxis: async () => ({ client, profileId: 'team', operator: d.operator, timeoutMs: 20_000 }),
    });
    desks.push({ login: d.login, operator: d.operator, store, client, engine });
  }
  return {
    server,
    ownerUrl,
    owner,
    sim,
    desks,
    async requests(n, item = (i) => ({ cid: `team-${i % 200}`, currency: 'EUR', amount: 1_000 + (i % 300) * 10 })) {
      const tids = Array.from({ length: n }, (_, i) => sim.createWithdrawalRequest(item(i)).tid);
      // As someone who works the payout queue: a look-up shows a withdrawal only to its screen's roles.
      const found = await runAs(SANDBOX_ACTOR, () =>
        lookupIds(tids.map(String), { client: ownerClient, store: owner, concurrency: 8 }),
      );
      const bad = found.filter((f) => !f.ok);
      if (bad.length) throw new Error(`lookup failed for ${bad.length} requests: ${JSON.stringify(bad[0])}`);
      return tids;
    },
    async payoutsMade(tids) {
      const perRequest = new Map<number, number>();
      await mapBounded(tids, 16, async (tid) => {
        const rec = (await (await fetch(`${sim.url}/_sim/transactions/${tid}`)).json()) as { payoutsMade: number };
        perRequest.set(tid, rec.payoutsMade);
      });
      return { total: [...perRequest.values()].reduce((s, v) => s + v, 0), perRequest };
    },
    async close() {
      for (const d of desks) await d.store.close().catch(() => undefined);
      await owner.close().catch(() => undefined);
      await sim.stop();
      await server.stop();
    },
  };
}
