/**
 * The worker thread that owns the desk's PGlite stores, so a 100,000-row read never stops the thread answering
 * commands. One worker serves every store of the process (PGlite's compiled WebAssembly is then loaded once, and a
 * profile switch opens its store as fast as on one thread). Requests come from pglite-worker-db.ts; PGlite itself
 * keeps them serial and holds other queries while a transaction is open, exactly as on one thread.
 */
import { parentPort } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgliteProcedureDb, pgliteQueryable } from './pglite-db';
import { runSentProcedure } from './store-procedures';
import { privateFolder } from '../private-folder';
import { deskPgliteOptions, pgliteWasmBytes } from './pglite-options';
import { serializeError, type WorkerAnswer, type WorkerMessage, type WorkerRequest } from './pglite-worker-protocol';
import { compileWasmOnOneThread } from './wasm-compile-threads';

compileWasmOnOneThread();

const port = parentPort!;
const ROLLBACK = Symbol('rollback');

interface OpenTx {
  tx: Transaction;
  end(commit: boolean): void;
  done: Promise<void>;
}

/** One open PGlite with its open transactions (by number) and LISTENs (by channel). */
interface Store {
  pg: PGlite;
  txs: Map<number, OpenTx>;
  unlistens: Map<string, () => Promise<void>>;
  /** Set when its close began: a transaction still waiting for its turn then ends at once. */
  closing: boolean;
}

const stores = new Map<number, Store>();
let lastDb = 0;
let lastTx = 0;

function runner(store: Store, tx: number | undefined) {
  if (tx === undefined) return pgliteQueryable(store.pg);
  const t = store.txs.get(tx);
  if (!t) throw new Error(`Transaction ${tx} has already ended.`);
  return pgliteQueryable(store.pg, t.tx);
}

/** Opens a transaction and holds it until the command thread ends it; answers its number once BEGIN is done. */
function begin(store: Store): Promise<number> {
  return new Promise<number>((begun, failed) => {
    const id = ++lastTx;
    let end!: (commit: boolean) => void;
    const ended = new Promise<void>((resolve, reject) => (end = (commit) => (commit ? resolve() : reject(ROLLBACK))));
    const done = store.pg
      .transaction(async (tx) => {
        if (store.closing) throw new Error('The work store is closed.');
        store.txs.set(id, { tx, end, done });
        begun(id);
        await ended;
      })
      .then(
        () => undefined,
        (err: unknown) => {
          if (err !== ROLLBACK) throw err;
        },
      )
      .finally(() => store.txs.delete(id));
    // A BEGIN that fails never reaches the callback: answer the failure instead of a number.
    done.catch(failed);
  });
}

async function handle(dbId: number | undefined, req: WorkerRequest): Promise<WorkerAnswer> {
  if (req.op === 'open') {
    if (req.dataDir) await privateFolder(req.dataDir);
    const pg = await PGlite.create(deskPgliteOptions(req.dataDir));
    stores.set(++lastDb, { pg, txs: new Map(), unlistens: new Map(), closing: false });
    return lastDb;
  }
  if (req.op === 'memory' && dbId === undefined) return memory(null);
  const store = dbId === undefined ? undefined : stores.get(dbId);
  if (!store) throw new Error('The work store is closed.');
  switch (req.op) {
    case 'query':
      return runner(store, req.tx).query(req.sql, req.params);
    case 'exec':
      await runner(store, req.tx).exec(req.sql);
      return null;
    case 'begin':
      return begin(store);
    case 'procedure':
      return runSentProcedure(pgliteProcedureDb(store.pg), req.name, req.args);
    case 'end': {
      const t = store.txs.get(req.tx);
      if (!t) throw new Error(`Transaction ${req.tx} has already ended.`);
      t.end(req.commit);
      await t.done;
      return null;
    }
    case 'listen':
      if (!store.unlistens.has(req.channel)) {
        const channel = req.channel;
        const notify = (payload: string) =>
          port.postMessage({ db: dbId!, notify: channel, payload } satisfies WorkerMessage);
        store.unlistens.set(channel, await store.pg.listen(channel, notify));
      }
      return null;
    case 'unlisten': {
      const unlisten = store.unlistens.get(req.channel);
      store.unlistens.delete(req.channel);
      if (unlisten && !store.pg.closed) await unlisten();
      return null;
    }
    case 'memory':
      return memory(store);
    case 'close': {
      stores.delete(dbId!);
      store.closing = true;
      // PGlite's close waits for open transactions, whose owners can no longer reach this store: roll them back
      // (those still waiting for their turn end themselves when it comes).
      const open = [...store.txs.values()];
      for (const t of open) t.end(false);
      await Promise.allSettled(open.map((t) => t.done));
      if (!store.pg.closed) await store.pg.close();
      return null;
    }
  }
}

function memory(store: Store | null): WorkerAnswer {
  const m = process.memoryUsage();
  const wasm = (store ? [store] : [...stores.values()]).map((s) => pgliteWasmBytes(s.pg) ?? 0);
  return {
    heapUsedBytes: m.heapUsed,
    heapTotalBytes: m.heapTotal,
    externalBytes: m.external,
    wasmBytes: wasm.length ? wasm.reduce((a, b) => a + b, 0) : null,
  };
}

port.on('message', (msg: { id: number; db?: number; req: WorkerRequest }) => {
  handle(msg.db, msg.req).then(
    (answer) => port.postMessage({ id: msg.id, ok: true, answer } satisfies WorkerMessage),
    (err: unknown) => port.postMessage({ id: msg.id, ok: false, error: serializeError(err) } satisfies WorkerMessage),
  );
});
