/** Counts what a run asks of the store (statements, transactions, time awaited), to show where a bulk's time goes. */
import { performance } from 'node:perf_hooks';
import type { Db, Queryable } from '../../src/core/store/db';
import { storeWorkerUtilization } from '../../src/core/store/pglite-worker-db';

export interface StoreWork {
  statements: number;
  transactions: number;
  /** Store procedures run in the store's own thread (store-procedures.ts): one trip each, their statements unseen here. */
  procedures: number;
  /** Trips to the store and back: every statement and procedure, and a BEGIN and an end for every transaction. */
  roundTrips: number;
  /** Summed over every caller: time from asking to the answer, queueing behind others included. */
  awaitedMs: number;
  /** Share of the run each thread was busy: the one answering commands (and here the simulator), and the store worker's. */
  busy: { commandThread: number; storeWorker: number | null };
  /** How often each statement ran, by its first words, most frequent first. */
  byStatement: [string, number][];
  /** One real call of each statement (its last), to time it on its own afterwards. */
  samples: Map<string, { sql: string; params: readonly unknown[] | undefined }>;
  /** Filled by the caller after the run: each sample's cost alone. */
  alone?: StatementAlone[];
}

/** Wraps `db` in place until `stop()`, which puts it back and answers the counts. */
export function countStoreWork(db: Db): { stop(): StoreWork } {
  const commandThreadAtStart = performance.eventLoopUtilization();
  const storeWorkerAtStart = storeWorkerUtilization();
  const work = { statements: 0, transactions: 0, procedures: 0, awaitedMs: 0 };
  const tally = new Map<string, number>();
  const samples: StoreWork['samples'] = new Map();
  // A statement's head is worked out once per text: the counting must not cost the command thread what it measures.
  const heads = new Map<string, string>();
  const headOf = (sql: string) => {
    let head = heads.get(sql);
    if (head === undefined) heads.set(sql, (head = sql.replace(/\s+/g, ' ').trim().slice(0, 60)));
    return head;
  };
  const note = (sql: string, params?: readonly unknown[]) => {
    work.statements++;
    const head = headOf(sql);
    tally.set(head, (tally.get(head) ?? 0) + 1);
    samples.set(head, { sql, params });
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
      note(sql, params);
      return timed(() => q.query(sql, params));
    },
    exec: (sql) => {
      note(sql);
      return timed(() => q.exec(sql));
    },
  });
  const original = { query: db.query, exec: db.exec, transaction: db.transaction, procedure: db.procedure };
  const self = db as { -readonly [K in keyof Db]: Db[K] };
  const plain = counted({ query: original.query.bind(db), exec: original.exec.bind(db) });
  self.query = plain.query;
  self.exec = plain.exec;
  if (original.procedure) {
    const procedure = original.procedure.bind(db);
    self.procedure = (name, args) => {
      work.procedures++;
      tally.set(`procedure ${name}`, (tally.get(`procedure ${name}`) ?? 0) + 1);
      return timed(() => procedure(name, args));
    };
  }
  self.transaction = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    work.transactions++;
    return original.transaction.call<Db, [(tx: Queryable) => Promise<T>], Promise<T>>(db, (tx) => fn(counted(tx)));
  };
  return {
    stop() {
      Object.assign(self, original);
      const byStatement = [...tally].sort((a, b) => b[1] - a[1]);
      const roundTrips = work.statements + work.procedures + 2 * work.transactions;
      const storeWorkerNow = storeWorkerUtilization();
      const busy = {
        commandThread: performance.eventLoopUtilization(commandThreadAtStart).utilization,
        storeWorker:
          storeWorkerAtStart && storeWorkerNow
            ? performance.eventLoopUtilization(storeWorkerNow, storeWorkerAtStart).utilization
            : null,
      };
      return { ...work, busy, roundTrips, awaitedMs: Math.round(work.awaitedMs), byStatement, samples };
    },
  };
}

/**
 * One statement's cost on its own, from PostgreSQL's EXPLAIN ANALYZE (rolled back: nothing it writes stays) —
 * planned afresh there, as an EXPLAIN is a text of its own — and as the store runs it (prepared, plan kept).
 */
export interface StatementAlone {
  statement: string;
  'planning ms': number;
  'execution ms': number;
  'top plan node': string;
  /** What the bulk pays for it: the statement as the store runs it (prepared once), from the command thread. */
  'as run, ms (median of 15)': number;
}

const RUNS_AS_RUN = 15;

/** Median time of the statement as the store runs it, each run in a transaction rolled back (nothing stays). */
async function timeAsRun(db: Db, sql: string, params: readonly unknown[] | undefined): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < RUNS_AS_RUN; i++) {
    await db
      .transaction(async (tx) => {
        const t0 = performance.now();
        await tx.query(sql, params);
        took.push(performance.now() - t0);
        throw new RollBack(null);
      })
      .catch((e: unknown) => {
        if (!(e instanceof RollBack)) throw e;
      });
  }
  took.sort((a, b) => a - b);
  return Math.round(took[Math.floor(took.length / 2)]! * 100) / 100;
}

class RollBack extends Error {
  constructor(readonly plan: unknown) {
    super('rolled back on purpose');
  }
}

/** Times each sampled statement once more, alone on the store, so a statement that is slow in itself stands out. */
export async function timeStatementsAlone(db: Db, samples: StoreWork['samples']): Promise<StatementAlone[]> {
  const out: StatementAlone[] = [];
  for (const [statement, { sql, params }] of samples) {
    const plan = await db
      .transaction(async (tx) => {
        const r = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
        throw new RollBack(r.rows[0]!['QUERY PLAN']);
      })
      .catch((e: unknown) => (e instanceof RollBack ? e.plan : null));
    const top = (Array.isArray(plan) ? plan[0] : (JSON.parse(String(plan)) as unknown[])[0]) as {
      'Planning Time': number;
      'Execution Time': number;
      Plan: { 'Node Type': string; 'Relation Name'?: string };
    } | null;
    if (!top) continue;
    out.push({
      statement,
      'planning ms': Math.round(top['Planning Time'] * 100) / 100,
      'execution ms': Math.round(top['Execution Time'] * 100) / 100,
      'top plan node': `${top.Plan['Node Type']}${top.Plan['Relation Name'] ? ` on ${top.Plan['Relation Name']}` : ''}`,
      'as run, ms (median of 15)': await timeAsRun(db, sql, params),
    });
  }
  return out.sort((a, b) => b['as run, ms (median of 15)'] - a['as run, ms (median of 15)']);
}
