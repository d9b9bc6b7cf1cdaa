import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { INT8_OID, parseInt8, type Db, type QueryResult, type Queryable } from './db';

/**
 * PGlite's defaults plus small memory settings: PostgreSQL's default 128 MB shared_buffers is most of a
 * reopened store's RSS (design.md), and one desk never needs it.
 */
const DESK_START_PARAMS = [
  '-c',
  'shared_buffers=16MB',
  '-c',
  'wal_buffers=1MB',
  '-c',
  'work_mem=4MB',
  '-c',
  'maintenance_work_mem=16MB',
];

function defaultStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams;
  return [...(defaults ?? []), ...DESK_START_PARAMS];
}

type PgliteRunner = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(runner: PgliteRunner): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const res = await runner.query<R>(sql, params ? [...params] : undefined);
      return { rows: res.rows, rowCount: res.rowCount ?? res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await runner.exec(sql);
    },
  };
}

/** Opens (or, the first time, creates) the desk's PGlite store in `dataDir`; no folder = in memory. */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    startParams: defaultStartParams(),
    parsers: { [INT8_OID]: (text: string) => parseInt8(text) },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    close: () => pg.close(),
  };
}
