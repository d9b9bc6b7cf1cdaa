/**
 * The worker thread that owns the desk's PGlite, so a 100,000-row read never stops the thread answering commands.
 * Requests come from pglite-worker-db.ts; PGlite itself keeps them serial and holds other queries while a
 * transaction is open, exactly as on one thread.
 */
import { mkdir } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgliteQueryable } from './pglite-db';
import { deskPgliteOptions, pgliteWasmBytes } from './pglite-options';
import { serializeError, type WorkerAnswer, type WorkerMessage, type WorkerRequest } from './pglite-worker-protocol';

const port = parentPort!;
let pg: PGlite | null = null;
const open = () => {
  if (!pg) throw new Error('The work store is not open yet.');
  return pg;
};

// Open transactions by number: each holds its PGlite transaction until the command thread ends it.
let lastTx = 0;
const txs = new Map<number, { tx: Transaction; end(commit: boolean): void; done: Promise<void> }>();
const ROLLBACK = Symbol('rollback');
const unlistens = new Map<string, () => Promise<void>>();

function runner(tx: number | undefined) {
  if (tx === undefined) return pgliteQueryable(open());
  const t = txs.get(tx);
  if (!t) throw new Error(`Transaction ${tx} has already ended.`);
  return pgliteQueryable(t.tx);
}

function begin(): Promise<number> {
  return new Promise<number>((begun, failed) => {
    const id = ++lastTx;
    let end!: (commit: boolean) => void;
    const ended = new Promise<void>((resolve, reject) => (end = (commit) => (commit ? resolve() : reject(ROLLBACK))));
    const done = open()
      .transaction(async (tx) => {
        txs.set(id, { tx, end, done });
        begun(id);
        await ended;
      })
      .then(
        () => undefined,
        (err: unknown) => {
          if (err !== ROLLBACK) throw err;
        },
      )
      .finally(() => txs.delete(id));
    // A BEGIN that fails never reaches the callback: answer the failure instead of a number.
    done.catch(failed);
  });
}

async function handle(req: WorkerRequest): Promise<WorkerAnswer> {
  switch (req.op) {
    case 'open':
      if (req.dataDir) await mkdir(req.dataDir, { recursive: true });
      pg = await PGlite.create(deskPgliteOptions(req.dataDir));
      return null;
    case 'query':
      return runner(req.tx).query(req.sql, req.params);
    case 'exec':
      await runner(req.tx).exec(req.sql);
      return null;
    case 'begin':
      return begin();
    case 'end': {
      const t = txs.get(req.tx);
      if (!t) throw new Error(`Transaction ${req.tx} has already ended.`);
      t.end(req.commit);
      await t.done;
      return null;
    }
    case 'listen':
      if (!unlistens.has(req.channel)) {
        const channel = req.channel;
        unlistens.set(
          channel,
          await open().listen(channel, (payload) =>
            port.postMessage({ notify: channel, payload } satisfies WorkerMessage),
          ),
        );
      }
      return null;
    case 'unlisten': {
      const unlisten = unlistens.get(req.channel);
      unlistens.delete(req.channel);
      if (unlisten && pg && !pg.closed) await unlisten();
      return null;
    }
    case 'memory': {
      const m = process.memoryUsage();
      return { heapUsedBytes: m.heapUsed, externalBytes: m.external, wasmBytes: pg ? pgliteWasmBytes(pg) : null };
    }
    case 'close':
      if (pg && !pg.closed) await pg.close();
      return null;
  }
}

port.on('message', (msg: { id: number; req: WorkerRequest }) => {
  handle(msg.req).then(
    (answer) => port.postMessage({ id: msg.id, ok: true, answer } satisfies WorkerMessage),
    (err: unknown) => port.postMessage({ id: msg.id, ok: false, error: serializeError(err) } satisfies WorkerMessage),
  );
});
