import type { Db } from './db';
import { openPgliteWorkerDb } from './pglite-worker-db';

/** Which thread runs PGlite: its own worker (the desk), or the calling thread (the benches' comparison, a fallback). */
export type PgliteThread = 'worker' | 'main';

/** PRAXIS_DESK_PGLITE_THREAD=main puts PGlite back on the command thread; anything else keeps it on its worker. */
export const pgliteThreadFromEnv = (): PgliteThread =>
  process.env.PRAXIS_DESK_PGLITE_THREAD === 'main' ? 'main' : 'worker';

/** Opens the desk's PGlite store (`dir`, or in memory) on the chosen thread. */
export async function openPglite(dir: string | undefined, thread: PgliteThread = pgliteThreadFromEnv()): Promise<Db> {
  // PGlite's library loads on this thread only when it runs here; the desk's own store is on the worker.
  return thread === 'main' ? (await import('./pglite-db')).openPgliteDb(dir) : openPgliteWorkerDb(dir);
}
