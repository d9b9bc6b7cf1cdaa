/**
 * The one database seam: PGlite (one desk) and a PostgreSQL server (a team) both implement it, so the
 * migrations and every repository query are the same SQL for both.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows returned or changed by the statement. */
  rowCount: number;
}

export interface QueryOptions {
  /**
   * A PostgreSQL server keeps the statement parsed under this name on each connection, so a statement run on every
   * commit is not parsed (nor, once its plan settles, planned) again each time. Only for fixed SQL text; PGlite
   * ignores it.
   */
  preparedAs?: string;
}

export interface Queryable {
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    opts?: QueryOptions,
  ): Promise<QueryResult<R>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in BEGIN … COMMIT; any throw rolls back and is re-thrown. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; NOTIFY payloads arrive after the sender commits. Returns the unlisten. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * A connection of its own, kept until ended (a PostgreSQL server only): for session-level state such as advisory
   * locks, which the server drops when the session ends, whatever ended it.
   */
  openSession?(): Promise<DbSession>;
  /**
   * Runs a store procedure (store-procedures.ts) by name in the store's own thread: one message there and back. Only
   * where the store has a thread of its own (the PGlite worker); elsewhere runProcedure runs it on the Db itself.
   */
  procedure?(name: string, args: readonly unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export interface DbSession extends Queryable {
  /** Called once when the connection is lost (terminated, network cut), not on end(). */
  onLost(cb: () => void): void;
  end(): Promise<void>;
}

/** int8 arrives as text from PostgreSQL; ids and minor units are safe integers, so read them as numbers. */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Integer ${text} is outside the safe range`);
  return n;
}

export const INT8_OID = 20;
