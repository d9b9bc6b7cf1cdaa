import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './db';
import { deskPgliteOptions } from './pglite-options';
import { queryPrepared } from './pglite-prepared';
import type { ProcedureDb } from './store-procedures';
import { privateFolder } from '../private-folder';

/** PGlite (or one of its transactions, `tx`) as the one Queryable shape; also what the worker answers with. */
export function pgliteQueryable(pg: PGlite, tx?: Transaction): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const res = await queryPrepared<R>(pg, tx, sql, params);
      return { rows: res.rows, rowCount: res.rowCount ?? res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await (tx ?? pg).exec(sql);
    },
  };
}

/** PGlite as a store procedure works with it (store-procedures.ts): its statements and its transactions. */
export function pgliteProcedureDb(pg: PGlite): ProcedureDb {
  return {
    kind: 'pglite',
    ...pgliteQueryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(pgliteQueryable(pg, tx))),
  };
}

/**
 * Opens (or, the first time, creates) the desk's PGlite store in `dataDir` on this thread; no folder = in memory.
 * The desk uses the worker (pglite-worker-db.ts); this stays for the in-thread comparison and PRAXIS_DESK_PGLITE_THREAD=main.
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) await privateFolder(dataDir);
  const pg = await PGlite.create(deskPgliteOptions(dataDir));
  return {
    ...pgliteProcedureDb(pg),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    close: () => pg.close(),
  };
}
