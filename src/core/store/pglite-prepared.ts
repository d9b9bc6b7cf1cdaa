/**
 * Statements run on PGlite as named prepared statements: each text is parsed (and its parameter types described)
 * once per PGlite, then every run is one Bind/Describe/Execute/Sync. PGlite's own query() parses, analyses and
 * plans every call afresh as an unnamed statement; during a bulk approve that planning was about half the store
 * thread's work. PostgreSQL keeps the statements' plans (its own custom-or-generic choice) and revalidates them
 * after a schema change. It drives PGlite's run locks (underscored members), so package.json pins PGlite's exact
 * version: an upgrade is a deliberate change, checked by pglite-worker-db.test.ts.
 */
import { parse, protocol, type PGlite, type Results, type Transaction } from '@electric-sql/pglite';

const serialize = protocol.serialize;

/** Statement texts kept prepared per PGlite, least recently used dropped first (the desk's hot set is ~50). */
export const PREPARED_STATEMENTS_KEPT = 256;

interface Prepared {
  name: string;
  /** Parameter type OIDs as PostgreSQL described them: how each value is serialised, as PGlite's query() does. */
  paramTypes: number[];
}

interface StatementCache {
  byText: Map<string, Prepared>;
  lastName: number;
  /** Names dropped from the cache, closed at the start of the next run. */
  toClose: string[];
}

/** The parts of PGlite this file drives: public API plus its two run locks (the ones its own query() takes). */
type PgliteInternals = PGlite & {
  serializers: Record<number, (v: unknown) => string>;
  parsers: Record<number, (text: string, typeId: number) => unknown>;
  _checkReady(): Promise<void>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
};

const caches = new WeakMap<PGlite, StatementCache>();

const cacheOf = (pg: PGlite): StatementCache => {
  let c = caches.get(pg);
  if (!c) caches.set(pg, (c = { byText: new Map(), lastName: 0, toClose: [] }));
  return c;
};

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** PGlite's own error decoration (the failing statement and its parameters), so messages read the same. */
function withQuery(err: unknown, sql: string, params: readonly unknown[]): unknown {
  if (err instanceof Error) Object.assign(err, { query: sql, params });
  return err;
}

// PostgreSQL refuses a kept statement whose result columns changed under it (a migration altered the table).
const isStaleResultType = (err: unknown) =>
  (err as { code?: string } | null)?.code === '0A000' &&
  /cached plan must not change result type/.test((err as Error).message);

/** Drops a text's statement from the cache; it is closed at the start of the next preparation. */
function forget(cache: StatementCache, sql: string): void {
  const stale = cache.byText.get(sql);
  cache.byText.delete(sql);
  if (stale) cache.toClose.push(stale.name);
}

const run = (pg: PgliteInternals, message: Uint8Array) => pg.execProtocolStream(message, { syncToFs: false });

async function prepare(pg: PgliteInternals, cache: StatementCache, sql: string): Promise<Prepared> {
  const known = cache.byText.get(sql);
  if (known) {
    // Most recently used last: the first key is the one to drop.
    cache.byText.delete(sql);
    cache.byText.set(sql, known);
    return known;
  }
  if (cache.toClose.length > 0) {
    const names = cache.toClose.splice(0);
    await run(pg, concat([...names.map((name) => serialize.close({ type: 'S', name })), serialize.sync()]));
  }
  const name = `desk_${++cache.lastName}`;
  const described = await run(
    pg,
    concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
  );
  const prepared = { name, paramTypes: parse.parseDescribeStatementResults(described) };
  cache.byText.set(sql, prepared);
  if (cache.byText.size > PREPARED_STATEMENTS_KEPT) forget(cache, cache.byText.keys().next().value!);
  return prepared;
}

async function execute(pg: PgliteInternals, sql: string, params: readonly unknown[]): Promise<Results<unknown>> {
  const cache = cacheOf(pg);
  const p = await prepare(pg, cache, sql);
  const values = params.map((v, i) => {
    if (v === null || v === undefined) return null;
    const serializer = pg.serializers[p.paramTypes[i]!];
    return serializer ? serializer(v) : String(v);
  });
  const messages = await run(
    pg,
    concat([
      serialize.bind({ statement: p.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]),
  );
  return parse.parseResults(messages, pg.parsers)[0] ?? { rows: [], fields: [] };
}

/**
 * Runs one statement as PGlite's query() would — in `tx` when given (its transaction already holds PGlite),
 * else on its own — but prepared once per text.
 */
export async function queryPrepared<R>(
  pgIn: PGlite,
  tx: Transaction | undefined,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Results<R>> {
  const pg = pgIn as PgliteInternals;
  if (tx) {
    if (tx.closed) throw new Error('Transaction is closed');
    return pg._runExclusiveQuery(() =>
      execute(pg, sql, params).catch((err: unknown) => {
        // The transaction is aborted now: the caller sees the refusal once; the next run prepares the text anew.
        if (isStaleResultType(err)) forget(cacheOf(pg), sql);
        throw withQuery(err, sql, params);
      }),
    ) as Promise<Results<R>>;
  }
  await pg._checkReady();
  return pg._runExclusiveTransaction(() =>
    pg._runExclusiveQuery(async () => {
      let res: Results<unknown>;
      try {
        res = await execute(pg, sql, params);
      } catch (err) {
        if (!isStaleResultType(err)) throw withQuery(err, sql, params);
        // Outside a transaction nothing was aborted: prepare the text again and run it once more.
        forget(cacheOf(pg), sql);
        res = await execute(pg, sql, params).catch((again: unknown) => {
          throw withQuery(again, sql, params);
        });
      }
      await pg.syncToFs();
      return res as Results<R>;
    }),
  );
}
