/**
 * Runs `task` over `items` with at most `concurrency` in flight. A failure never stops the others:
 * every item gets its own settled outcome, in input order.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
  onSettled?: (done: number, total: number) => void,
): Promise<PromiseSettledResult<R>[]> {
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(items[index] as T, index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
      onSettled?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/**
 * One limit shared by every caller: at most `limit()` tasks run at once, the rest wait in order. The limit is read
 * each time a slot frees, so a changed setting applies to the next task.
 */
export function createSlots(limit: () => number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    if (waiting.length > 0 && running < limit()) {
      running++;
      waiting.shift()!();
    }
  };
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running < limit()) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
