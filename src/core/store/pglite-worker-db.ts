import { existsSync } from 'node:fs';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db, QueryResult, Queryable } from './db';
import { pgliteWorkerModule } from './pglite-worker-module';
import {
  deserializeError,
  type StoreThreadMemory,
  type WorkerAnswer,
  type WorkerMessage,
  type WorkerRequest,
} from './pglite-worker-protocol';

export interface PgliteWorkerDb extends Db {
  /** The worker's own heap and this store's WebAssembly heap, for the benches. */
  threadMemory(): Promise<StoreThreadMemory>;
}

interface StoreWorker {
  call<A extends WorkerAnswer>(db: number | undefined, req: WorkerRequest): Promise<A>;
  /** NOTIFY payloads of each open store, by its number. */
  notify: Map<number, (channel: string, payload: string) => void>;
  terminate(): Promise<number>;
  /** How busy the worker's thread has been (node's event-loop utilization), for the benches. */
  utilization(): EventLoopUtilization;
}

// The process's one store worker, started with its first store; it holds the process open only while it is asked.
let shared: StoreWorker | null = null;

const storeWorker = (): StoreWorker => (shared ??= startStoreWorker());

function startStoreWorker(): StoreWorker {
  const worker = new Worker(pgliteWorkerModule());
  worker.unref();
  let lastId = 0;
  const pending = new Map<number, { resolve(a: WorkerAnswer): void; reject(e: Error): void }>();
  const notify = new Map<number, (channel: string, payload: string) => void>();
  let failed: Error | null = null;
  const settle = (id: number) => {
    const p = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    return p;
  };
  const stop = (why: Error) => {
    failed ??= why;
    if (shared === self) shared = null;
    for (const id of [...pending.keys()]) settle(id)?.reject(failed);
  };
  worker.on('message', (msg: WorkerMessage) => {
    if ('notify' in msg) return notify.get(msg.db)?.(msg.notify, msg.payload);
    const p = settle(msg.id);
    if (msg.ok) p?.resolve(msg.answer);
    else p?.reject(deserializeError(msg.error));
  });
  worker.on('error', (err) => stop(new Error(`The work store's worker failed: ${err.message}`)));
  worker.on('exit', (code) => stop(new Error(`The work store's worker stopped (exit code ${code}).`)));

  const self: StoreWorker = {
    notify,
    terminate: () => worker.terminate(),
    utilization: () => worker.performance.eventLoopUtilization(),
    call<A extends WorkerAnswer>(db: number | undefined, req: WorkerRequest): Promise<A> {
      if (failed) return Promise.reject(failed);
      const id = ++lastId;
      return new Promise<A>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (a: WorkerAnswer) => void, reject });
        worker.ref();
        worker.postMessage({ id, db, req });
      });
    },
  };
  return self;
}

/** The store worker's own memory and all its stores' WebAssembly heaps, for the benches; null when it is not running. */
export const storeWorkerMemory = (): Promise<StoreThreadMemory> | null =>
  shared ? shared.call<StoreThreadMemory>(undefined, { op: 'memory' }) : null;

/** How busy the store worker's thread has been since it started, for the benches; null when it is not running. */
export const storeWorkerUtilization = (): EventLoopUtilization | null => shared?.utilization() ?? null;

/**
 * Creates a new store folder (PostgreSQL's initdb) in a worker of its own, ended at once: initdb leaves some 450 MB
 * behind in the thread that ran it, which a desk would otherwise carry for its whole life. Opening it afterwards
 * costs what a warm start costs.
 */
async function createFolderAside(dataDir: string): Promise<void> {
  const w = startStoreWorker();
  try {
    const db = await w.call<number>(undefined, { op: 'open', dataDir });
    await w.call(db, { op: 'close' });
  } finally {
    await w.terminate();
  }
}

/**
 * The desk's PGlite store on the store worker thread (pglite-worker.ts): the same Db as on one thread, while the
 * thread answering commands stays free during long reads. Opens (or creates) `dataDir`; no folder = in memory.
 */
export async function openPgliteWorkerDb(dataDir?: string): Promise<PgliteWorkerDb> {
  if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await createFolderAside(dataDir);
  const w = storeWorker();
  const db = await w.call<number>(undefined, { op: 'open', ...(dataDir ? { dataDir } : {}) });
  const handlers = new Map<string, Set<(payload: string) => void>>();
  w.notify.set(db, (channel, payload) => {
    for (const h of handlers.get(channel) ?? []) h(payload);
  });
  let closed = false;
  const call = <A extends WorkerAnswer>(req: WorkerRequest) =>
    closed ? Promise.reject(new Error('The work store is closed.')) : w.call<A>(db, req);
  const queryable = (tx?: number): Queryable => ({
    query: <R>(sql: string, params?: readonly unknown[]) =>
      call<QueryResult<R>>({ op: 'query', sql, ...(params ? { params: [...params] } : {}), ...(tx ? { tx } : {}) }),
    exec: async (sql: string) => void (await call({ op: 'exec', sql, ...(tx ? { tx } : {}) })),
  });

  return {
    kind: 'pglite',
    ...queryable(),
    async transaction(fn) {
      const tx = await call<number>({ op: 'begin' });
      let out;
      try {
        out = await fn(queryable(tx));
      } catch (err) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw err;
      }
      await call({ op: 'end', tx, commit: true });
      return out;
    },
    async listen(channel, onPayload) {
      let set = handlers.get(channel);
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(onPayload);
      await call({ op: 'listen', channel });
      return async () => {
        set.delete(onPayload);
        if (set.size > 0 || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        if (!closed) await call({ op: 'unlisten', channel });
      };
    },
    procedure: (name, args) => call({ op: 'procedure', name, args: [...args] }),
    threadMemory: () => call<StoreThreadMemory>({ op: 'memory' }),
    async close() {
      if (closed) return;
      try {
        await call({ op: 'close' });
      } finally {
        closed = true;
        w.notify.delete(db);
      }
    },
  };
}
