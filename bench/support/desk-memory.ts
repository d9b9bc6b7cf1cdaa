/** The desk's memory as far as one process can see it: its RSS, this thread's heap, the store worker's share. */
import type { Db } from '../../src/core/store/db';
import type { PgliteWorkerDb } from '../../src/core/store/pglite-worker-db';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export interface DeskMemory {
  /** The whole process: command thread, store worker and PGlite's WebAssembly heap together. */
  rssMb: number;
  commandThreadHeapMb: number;
  /** Null when PGlite runs on the command thread (its figures are then inside the two above). */
  storeWorkerHeapMb: number | null;
  pgliteWasmMb: number | null;
}

export async function deskMemory(db: Db): Promise<DeskMemory> {
  const worker = 'threadMemory' in db ? await (db as PgliteWorkerDb).threadMemory() : null;
  const own = process.memoryUsage();
  return {
    rssMb: mb(own.rss),
    commandThreadHeapMb: mb(own.heapUsed),
    storeWorkerHeapMb: worker ? mb(worker.heapUsedBytes) : null,
    pgliteWasmMb: worker?.wasmBytes != null ? mb(worker.wasmBytes) : null,
  };
}

/** One line for a bench's output. */
export const memoryLine = (m: DeskMemory) =>
  `process RSS ${m.rssMb} MB (command thread heap ${m.commandThreadHeapMb} MB` +
  (m.storeWorkerHeapMb === null
    ? ', PGlite on the command thread)'
    : `; store worker heap ${m.storeWorkerHeapMb} MB, PGlite WebAssembly heap ${m.pgliteWasmMb ?? '?'} MB)`);
