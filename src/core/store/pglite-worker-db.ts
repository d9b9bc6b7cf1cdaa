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
  /** The worker's own heap and PGlite's WebAssembly heap, for the benches. */
  threadMemory(): Promise<StoreThreadMemory>;
}

/**
 * The desk's PGlite store on a worker thread of its own (pglite-worker.ts): the same Db as on one thread, while the
 * thread answering commands stays free during long reads. Opens (or creates) `dataDir`; no folder = in memory.
 */
export async function openPgliteWorkerDb(dataDir?: string): Promise<PgliteWorkerDb> {
  const worker = new Worker(pgliteWorkerModule());
  let lastId = 0;
  const pending = new Map<number, { resolve(a: WorkerAnswer): void; reject(e: Error): void }>();
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let stopped: Error | null = null;

  const stop = (why: Error) => {
    stopped ??= why;
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
  };
  worker.on('message', (msg: WorkerMessage) => {
    if ('notify' in msg) {
      for (const h of handlers.get(msg.notify) ?? []) h(msg.payload);
      return;
    }
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.ok) p?.resolve(msg.answer);
    else p?.reject(deserializeError(msg.error));
  });
  worker.on('error', (err) => stop(new Error(`The work store's worker failed: ${err.message}`)));
  worker.on('exit', (code) => stop(new Error(`The work store's worker stopped (exit code ${code}).`)));

  const call = <A extends WorkerAnswer>(req: WorkerRequest): Promise<A> => {
    if (stopped) return Promise.reject(stopped);
    const id = ++lastId;
    return new Promise<A>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (a: WorkerAnswer) => void, reject });
      worker.postMessage({ id, req });
    });
  };
  const queryable = (tx?: number): Queryable => ({
    query: <R>(sql: string, params?: readonly unknown[]) =>
      call<QueryResult<R>>({ op: 'query', sql, ...(params ? { params: [...params] } : {}), ...(tx ? { tx } : {}) }),
    exec: async (sql: string) => void (await call({ op: 'exec', sql, ...(tx ? { tx } : {}) })),
  });

  try {
    await call({ op: 'open', ...(dataDir ? { dataDir } : {}) });
  } catch (err) {
    await worker.terminate();
    throw err;
  }

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
        if (!stopped) await call({ op: 'unlisten', channel });
      };
    },
    threadMemory: () => call<StoreThreadMemory>({ op: 'memory' }),
    async close() {
      if (stopped) return;
      try {
        await call({ op: 'close' });
      } finally {
        stop(new Error('The work store is closed.'));
        await worker.terminate();
      }
    },
  };
}
