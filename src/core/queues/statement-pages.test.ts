import { describe, expect, it } from 'vitest';
import { readInStatementPages, readInTidChunks, STATEMENT_ROWS, type StatementPage } from './statement-pages';

// A queue of `n` items in its order (tids 1..n), read as a statement would read it; each read's length is kept.
function queueOf(n: number) {
  const reads: number[] = [];
  const readOne = async ({ limit, after }: StatementPage) => {
    expect(limit).toBeLessThanOrEqual(STATEMENT_ROWS);
    const from = after ?? 0;
    const rows = Array.from({ length: Math.max(0, Math.min(limit, n - from)) }, (_, i) => ({ tid: from + i + 1 }));
    reads.push(rows.length);
    return rows;
  };
  return { reads, readOne };
}

describe('readInStatementPages', () => {
  it('reads the whole queue, in order, in statements of at most a page', async () => {
    const q = queueOf(2 * STATEMENT_ROWS + 7);
    const rows = await readInStatementPages({}, q.readOne);
    expect(rows.map((r) => r.tid)).toEqual(Array.from({ length: 2 * STATEMENT_ROWS + 7 }, (_, i) => i + 1));
    expect(q.reads).toEqual([STATEMENT_ROWS, STATEMENT_ROWS, 7]);
  });

  it('stops at the limit asked for, after the item asked for', async () => {
    const q = queueOf(10 * STATEMENT_ROWS);
    const rows = await readInStatementPages({ after: 10, limit: STATEMENT_ROWS + 5 }, q.readOne);
    expect(rows).toHaveLength(STATEMENT_ROWS + 5);
    expect(rows[0]!.tid).toBe(11);
    expect(q.reads).toEqual([STATEMENT_ROWS, 5]);
  });

  it('ends on a queue that is exactly a page long with one more (empty) read', async () => {
    const q = queueOf(STATEMENT_ROWS);
    expect(await readInStatementPages({}, q.readOne)).toHaveLength(STATEMENT_ROWS);
    expect(q.reads).toEqual([STATEMENT_ROWS, 0]);
  });
});

describe('readInTidChunks', () => {
  it('asks for at most a page of tids per statement and keeps their rows in order', async () => {
    const asked: number[] = [];
    const tids = Array.from({ length: STATEMENT_ROWS + 1 }, (_, i) => i);
    const rows = await readInTidChunks(tids, async (chunk) => (asked.push(chunk.length), [...chunk]));
    expect(rows).toEqual(tids);
    expect(asked).toEqual([STATEMENT_ROWS, 1]);
    expect(await readInTidChunks([], async () => [1])).toEqual([]);
  });
});
