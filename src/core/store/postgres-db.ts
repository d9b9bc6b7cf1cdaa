import pg from 'pg';
import {
  INT8_OID,
  parseInt8,
  type Db,
  type DbSession,
  type QueryOptions,
  type QueryResult,
  type Queryable,
} from './db';

export interface PostgresConnection {
  /** postgres://user@host:port/db — the password may be left out of the URL and given below. */
  url: string;
  /** From the OS keychain; never written into the URL, a log or an error. */
  password?: string;
  poolSize?: number;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (text: string) => parseInt8(text)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function wrap(client: pg.Pool | pg.ClientBase): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[], opts?: QueryOptions): Promise<QueryResult<R>> {
      const values = params ? [...params] : undefined;
      const res = await (opts?.preparedAs
        ? client.query({ name: opts.preparedAs, text: sql, values })
        : client.query(sql, values));
      return { rows: res.rows as R[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/**
 * pg lets what it parses from `connectionString` override a separate `password` (with undefined when the URL has
 * none), so the keychain's password joins the URL here, in memory only; describeStoreLocation never shows it.
 */
function withPassword(conn: PostgresConnection): string {
  if (conn.password === undefined) return conn.url;
  const url = new URL(conn.url);
  url.password = encodeURIComponent(conn.password);
  return url.toString();
}

/** A PostgreSQL server shared by a team: a small pool for queries plus one dedicated connection for LISTEN. */
export async function openPostgresDb(conn: PostgresConnection): Promise<Db> {
  const config: pg.PoolConfig = { connectionString: withPassword(conn), max: conn.poolSize ?? 8, types };
  const pool = new pg.Pool(config);
  // An idle client that drops (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');

  let listener: pg.Client | null = null;
  let closing = false;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const listenerClient = async (): Promise<pg.Client> => {
    if (listener) return listener;
    const client = new pg.Client({ ...config });
    client.on('notification', (msg) => {
      for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    // A dropped LISTEN connection (server restart, network) is re-opened and re-subscribed, so live updates resume.
    const reconnect = () => {
      if (listener !== client || closing) return;
      listener = null;
      setTimeout(() => void resubscribe(), 1_000).unref();
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    await client.connect();
    listener = client;
    return client;
  };
  const resubscribe = async (): Promise<void> => {
    if (closing || handlers.size === 0) return;
    try {
      const client = await listenerClient();
      for (const channel of handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch {
      listener = null;
      if (!closing) setTimeout(() => void resubscribe(), 2_000).unref();
    }
  };
  const quoteIdent = (name: string) => '"' + name.replace(/"/g, '""') + '"';

  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const client = await listenerClient();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await client.query(`LISTEN ${quoteIdent(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
        }
      };
    },
    async openSession(): Promise<DbSession> {
      const client = new pg.Client({ ...config, application_name: 'praxis-desk claims' });
      let ended = false;
      let lost: (() => void) | null = null;
      const onGone = () => {
        if (ended) return;
        ended = true;
        lost?.();
      };
      client.on('error', onGone);
      client.on('end', onGone);
      await client.connect();
      // One query at a time on this connection: a bulk takes claims concurrently, and pg@9 drops its own queueing.
      const direct = wrap(client);
      let tail: Promise<unknown> = Promise.resolve();
      const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
        const next = tail.then(run);
        tail = next.catch(() => undefined);
        return next;
      };
      return {
        query: (sql, params, opts) => inTurn(() => direct.query(sql, params, opts)),
        exec: (sql) => inTurn(() => direct.exec(sql)),
        onLost(cb) {
          lost = cb;
        },
        async end() {
          ended = true;
          await client.end().catch(() => undefined);
        },
      };
    },
    async close() {
      closing = true;
      if (listener) await listener.end().catch(() => undefined);
      listener = null;
      await pool.end();
    },
  };
}
