/** The real simulator over HTTP, a real store and a signed client, for queue engines in tests and benchmarks. No mocks. */
import type { DeskError } from '../../src/shared/errors';
import { createMemoryLogger } from '../../src/core/log';
import { lookupIds } from '../../src/core/lookup/lookup-ids';
import { runAs, SANDBOX_ACTOR } from '../../src/core/access/actor';
import { createPraxisClient, type PraxisClient } from '../../src/core/praxis';
import type { PraxisSession } from '../../src/core/queues/praxis-session';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import type { SimFaults } from '../../src/core/sandbox/types';
import { openStore, type StoreLocation, type WorkStore } from '../../src/core/store/work-store';

export interface SimRigOptions {
  operator?: string;
  timeoutMs?: number;
  hangMs?: number;
  store?: StoreLocation;
  /** A store opened by the caller (e.g. a StoreBackend's), closed by the rig. */
  openStore?: () => Promise<WorkStore>;
  latencyMs?: number;
  /** Simulator: how long holds last (default 7 days). */
  holdWindowMs?: number;
  /** Simulator: how often lapsed holds are looked for (default 1000 ms). */
  lapseCheckMs?: number;
}

export interface SimRig {
  sim: Simulator;
  store: WorkStore;
  client: PraxisClient;
  log: ReturnType<typeof createMemoryLogger>;
  /** The Praxis session an engine acts through, as `operator`. */
  session(operator?: string): PraxisSession;
  /** Brings items into the store by lookup (find-transaction), as an operator's import would. */
  lookUp(tids: number[]): Promise<void>;
  /** What the simulator really did to an item. */
  simRecord<T = SimItemRecord>(tid: number): Promise<T>;
  faults(): Promise<SimFaults>;
  /** The simulator's admin API (e.g. /_sim/settle-payouts); the JSON answer. */
  admin<T = unknown>(path: string, body?: unknown, method?: 'POST' | 'GET' | 'DELETE'): Promise<T>;
  close(): Promise<void>;
}

export interface SimItemRecord {
  payoutsMade: number;
  capturesMade: number;
  cancelsMade: number;
  remainingMinor: number;
  parts: number[];
  transaction: { transaction_status: string; status_details: string };
}

export async function startSimRig(opts: SimRigOptions = {}): Promise<SimRig> {
  const sim = await startSimulator({
    port: 0,
    seed: false,
    arrivalIntervalMs: null,
    notificationUrl: null,
    hangMs: opts.hangMs ?? 20_000,
    holdWindowMs: opts.holdWindowMs,
    lapseCheckMs: opts.lapseCheckMs,
  });
  if (opts.latencyMs) sim.setFaults({ latencyMs: opts.latencyMs });
  const store = opts.openStore ? await opts.openStore() : await openStore(opts.store ?? { kind: 'memory' });
  const log = createMemoryLogger();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const client = createPraxisClient({ baseUrl: sim.url, ...sim.credentials, timeoutMs, logger: log });
  return {
    sim,
    store,
    client,
    log,
    session: (operator = opts.operator ?? 'Ana') => ({ client, profileId: 'embedded-sandbox', operator, timeoutMs }),
    async lookUp(tids) {
      // As someone who works both queues: a look-up shows a withdrawal or hold only to its screen's roles.
      const found = await runAs(SANDBOX_ACTOR, () => lookupIds(tids.map(String), { client, store, concurrency: 8 }));
      const bad = found.filter((f) => !f.ok);
      if (bad.length) throw new Error(`lookup failed: ${JSON.stringify(bad[0])}`);
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
