import type { Db } from './db';
import { openPgliteDb } from './pglite-db';
import { openPgliteWorkerDb } from './pglite-worker-db';

/** Which thread runs PGlite: its own worker (the desk), or the calling thread (the benches' comparison, a fallback). */
export type PgliteThread = 'worker' | 'main';

/** PRAXIS_DESK_PGLITE_THREAD=main puts PGlite back on the command thread; anything else keeps it on its worker. */
export const pgliteThreadFromEnv = (): PgliteThread =>
  process.env.PRAXIS_DESK_PGLITE_THREAD === 'main' ? 'main' : 'worker';

/** Opens the desk's PGlite store (`dir`, or in memory) on the chosen thread. */
export function openPglite(dir: string | undefined, thread: PgliteThread = pgliteThreadFromEnv()): Promise<Db> {
  return thread === 'main' ? openPgliteDb(dir) : openPgliteWorkerDb(dir);
}
