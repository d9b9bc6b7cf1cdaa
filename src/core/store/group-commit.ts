export interface GroupCommitOptions {
  /** How long the first item to reach an idle committer waits for others to share its commit. */
  windowMs?: number;
  /** Items in one commit at most. */
  maxBatch?: number;
  /** Commits under way at once: PGlite runs one at a time, a PostgreSQL pool several. */
  maxInFlight?: number;
  /** Told the size of every commit that succeeded (benches and tests show how well items were grouped). */
  onCommit?(items: number): void;
}

/** Items that arrive together stored in one commit: one transaction (and one round trip) for many. */
export interface GroupCommit<I, R> {
  /** The item's result, once the commit holding it is done; rejects when it was not stored. */
  run(item: I): Promise<R>;
}

interface Waiting<I, R> {
  item: I;
  resolve(result: R): void;
  reject(err: unknown): void;
}

export const DEFAULT_GROUP_COMMIT = { windowMs: 1, maxBatch: 64 } as const;

/** `storeMany` stores all of its items in one commit, or none (it throws), and answers one result per item, in order. */
export function createGroupCommit<I, R>(
  storeMany: (items: I[]) => Promise<R[]>,
  opts: GroupCommitOptions = {},
): GroupCommit<I, R> {
  const windowMs = opts.windowMs ?? DEFAULT_GROUP_COMMIT.windowMs;
  const maxBatch = opts.maxBatch ?? DEFAULT_GROUP_COMMIT.maxBatch;
  const maxInFlight = opts.maxInFlight ?? 1;
  const queue: Waiting<I, R>[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;

  const commitAlone = (w: Waiting<I, R>) =>
    storeMany([w.item]).then(([result]) => {
      opts.onCommit?.(1);
      w.resolve(result!);
    }, w.reject);

  const commit = async (batch: Waiting<I, R>[]) => {
    if (batch.length === 1) return commitAlone(batch[0]!);
    let results: R[];
    try {
      results = await storeMany(batch.map((w) => w.item));
    } catch {
      // Nothing of the batch was stored: each item again on its own, so one bad message costs only itself.
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
    run(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= maxBatch) flush();
        // While a commit is under way the queue fills by itself; it goes as soon as that commit ends.
        else if (inFlight < maxInFlight) timer ??= setTimeout(flush, windowMs);
      });
    },
  };
}
