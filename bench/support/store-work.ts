/** Counts what a run asks of the store (statements, transactions, time awaited), to show where a bulk's time goes. */
import type { Db, Queryable } from '../../src/core/store/db';

export interface StoreWork {
  statements: number;
  transactions: number;
  /** Trips to the store and back: every statement, and a BEGIN and an end for every transaction. */
  roundTrips: number;
  /** Summed over every caller: time from asking to the answer, queueing behind others included. */
  awaitedMs: number;
  /** How often each statement ran, by its first words, most frequent first. */
  byStatement: [string, number][];
}

/** Wraps `db` in place until `stop()`, which puts it back and answers the counts. */
export function countStoreWork(db: Db): { stop(): StoreWork } {
  const work = { statements: 0, transactions: 0, awaitedMs: 0 };
  const tally = new Map<string, number>();
  const note = (sql: string) => {
    work.statements++;
    const head = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
    tally.set(head, (tally.get(head) ?? 0) + 1);
  };
  const timed = async <T>(run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      work.awaitedMs += performance.now() - t0;
    }
  };
  const counted = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      note(sql);
      return timed(() => q.query(sql, params));
    },
    exec: (sql) => {
      note(sql);
      return timed(() => q.exec(sql));
    },
  });
  const original = { query: db.query, exec: db.exec, transaction: db.transaction };
  const self = db as { -readonly [K in keyof Db]: Db[K] };
  const plain = counted({ query: original.query.bind(db), exec: original.exec.bind(db) });
  self.query = plain.query;
  self.exec = plain.exec;
  self.transaction = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    work.transactions++;
    return original.transaction.call<Db, [(tx: Queryable) => Promise<T>], Promise<T>>(db, (tx) => fn(counted(tx)));
  };
  return {
    stop() {
      Object.assign(self, original);
      const byStatement = [...tally].sort((a, b) => b[1] - a[1]);
      const roundTrips = work.statements + 2 * work.transactions;
      return { ...work, roundTrips, awaitedMs: Math.round(work.awaitedMs), byStatement };
    },
  };
}
