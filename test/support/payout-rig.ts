/** A real payout engine for tests and the benchmark: the simulator over HTTP and a PGlite store, no mocks. */
import type { DeskError } from '../../src/shared/errors';
import { createMemoryLogger } from '../../src/core/log';
import { lookupIds } from '../../src/core/lookup/lookup-ids';
import { createPayoutEngine, type PayoutEngine } from '../../src/core/payouts/payout-engine';
import type { ResolveOptions } from '../../src/core/queues/queue-kind';
import { createPraxisClient, type PraxisClient } from '../../src/core/praxis';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import type { SimFaults } from '../../src/core/sandbox/types';
import { openStore, type StoreLocation, type WorkStore } from '../../src/core/store/work-store';

export interface PayoutRig {
  sim: Simulator;
  store: WorkStore;
  client: PraxisClient;
  engine: PayoutEngine;
  log: ReturnType<typeof createMemoryLogger>;
  progress: { done: number; total: number }[];
  /** Creates withdrawal requests at the simulator and brings them into the store by lookup (find-transaction). */
  request(items: { cid: string; currency: string; amount: number }[]): Promise<number[]>;
  /** What the simulator really did to a request. */
  simRecord(tid: number): Promise<{
    payoutsMade: number;
    cancelsMade: number;
    remainingMinor: number;
    parts: number[];
    transaction: { transaction_status: string };
  }>;
  faults(): Promise<SimFaults>;
  /** POST to the simulator's admin API (e.g. /_sim/settle-payouts); the JSON answer. */
  admin<T = unknown>(path: string, body?: unknown, method?: 'POST' | 'GET' | 'DELETE'): Promise<T>;
  /** A second engine on the same store and simulator, as after a restart. */
  restartEngine(operator?: string): PayoutEngine;
  close(): Promise<void>;
}

export async function startPayoutRig(
  opts: {
    operator?: string;
    timeoutMs?: number;
    hangMs?: number;
    store?: StoreLocation;
    /** A store opened by the caller (e.g. a StoreBackend's), closed by the rig. */
    openStore?: () => Promise<WorkStore>;
    latencyMs?: number;
    resolve?: ResolveOptions;
  } = {},
): Promise<PayoutRig> {
  const sim = await startSimulator({
    port: 0,
    seed: false,
    arrivalIntervalMs: null,
    notificationUrl: null,
    hangMs: opts.hangMs ?? 20_000,
  });
  if (opts.latencyMs) sim.setFaults({ latencyMs: opts.latencyMs });
  const store = opts.openStore ? await opts.openStore() : await openStore(opts.store ?? { kind: 'memory' });
  const log = createMemoryLogger();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const client = createPraxisClient({ baseUrl: sim.url, ...sim.credentials, timeoutMs, logger: log });
  const progress: { done: number; total: number }[] = [];
  const makeEngine = (operator: string) =>
    createPayoutEngine({
      store,
      log,
      praxis: async () => ({ client, profileId: 'embedded-sandbox', operator, timeoutMs }),
      onBulkProgress: (p) => progress.push(p),
      resolve: opts.resolve,
    });
  const engine = makeEngine(opts.operator ?? 'Ana');
  return {
    sim,
    store,
    client,
    engine,
    log,
    progress,
    async request(items) {
      const tids = items.map((i) => sim.createWithdrawalRequest(i).tid);
      const found = await lookupIds(tids.map(String), { client, store, concurrency: 8 });
      const bad = found.filter((f) => !f.ok);
      if (bad.length) throw new Error(`lookup failed: ${JSON.stringify(bad[0])}`);
      return tids;
    },
    simRecord: async (tid) => (await fetch(`${sim.url}/_sim/transactions/${tid}`)).json(),
    faults: async () => (await fetch(`${sim.url}/_sim/faults`)).json(),
    async admin(path, body, method = 'POST') {
      const res = await fetch(`${sim.url}${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    restartEngine: (operator = opts.operator ?? 'Ana') => makeEngine(operator),
    async close() {
      await sim.stop();
      await store.close();
    },
  };
}

/** The DeskError a refused engine call threw; fails the test when the call went through. */
export async function refusal(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (err) {
    return err as DeskError;
  }
  throw new Error('expected a refusal');
}
