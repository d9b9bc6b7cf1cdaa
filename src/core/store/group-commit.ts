import type { Db, QueryResult, Statement } from './db';

export interface GroupCommitOptions {
  /** How long the first statement to reach an idle committer waits for others to share its transaction. */
  windowMs?: number;
  /** Statements in one transaction at most. */
  maxBatch?: number;
  /** Transactions committing at once: PGlite runs one at a time, a PostgreSQL pool several. */
  maxInFlight?: number;
  /** Told the size of every transaction committed (benches and tests show how well messages were grouped). */
  onCommit?(statements: number): void;
}

/** Statements that arrive together committed in one transaction: one commit (and one worker message) for many. */
export interface GroupCommit {
  /** The statement's result, once the transaction holding it has committed; rejects when it was not stored. */
  run<R>(statement: Statement): Promise<QueryResult<R>>;
}

interface Waiting {
  statement: Statement;
  resolve(result: QueryResult<unknown>): void;
  reject(err: unknown): void;
}

export const DEFAULT_GROUP_COMMIT = { windowMs: 1, maxBatch: 64 } as const;

export function createGroupCommit(db: Pick<Db, 'batch'>, opts: GroupCommitOptions = {}): GroupCommit {
  const windowMs = opts.windowMs ?? DEFAULT_GROUP_COMMIT.windowMs;
  const maxBatch = opts.maxBatch ?? DEFAULT_GROUP_COMMIT.maxBatch;
  const maxInFlight = opts.maxInFlight ?? 1;
  const queue: Waiting[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;

  const commitAlone = (w: Waiting) =>
    db.batch([w.statement]).then(([result]) => {
      opts.onCommit?.(1);
      w.resolve(result!);
    }, w.reject);

  const commit = async (batch: Waiting[]) => {
    if (batch.length === 1) return commitAlone(batch[0]!);
    let results: QueryResult<unknown>[];
    try {
      results = await db.batch(batch.map((w) => w.statement));
    } catch {
      // The whole transaction rolled back: each statement again in its own, so one bad message costs only itself.
      await Promise.all(batch.map(commitAlone));
      return;
    }
    opts.onCommit?.(batch.length);
    batch.forEach((w, i) => w.resolve(results[i]!));
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    while (queue.length > 0 && inFlight < maxInFlight) {
      const batch = queue.splice(0, maxBatch);
      inFlight++;
      void commit(batch).finally(() => {
        inFlight--;
        flush();
      });
    }
  };

  return {
    run<R>(statement: Statement) {
      return new Promise<QueryResult<R>>((resolve, reject) => {
        queue.push({ statement, resolve: resolve as Waiting['resolve'], reject });
        if (queue.length >= maxBatch) flush();
        // While a commit is in flight the queue fills by itself; it goes as soon as that commit ends.
        else if (inFlight < maxInFlight) timer ??= setTimeout(flush, windowMs);
      });
    },
  };
}
