/**
 * No statement returns more than a page of a queue: PGlite's WebAssembly memory only grows, so one 100,000-row result
 * (about 290 MB of it, measured) would stay with the process for its life. Longer reads are stitched from such pages.
 */
import { REST_PAGE_ROWS } from '../../shared/queue-views';

/** The most rows one queue statement builds. */
export const STATEMENT_ROWS = REST_PAGE_ROWS;

/** A stretch of a queue in its default order: `limit` rows (none: to the end) after the item `after`. */
export interface PageRequest {
  limit?: number;
  after?: number;
}

/** One statement's page: at most STATEMENT_ROWS rows after `after`. */
export type StatementPage = { limit: number; after?: number };

/** Reads `page`, however long, as keyset pages of at most STATEMENT_ROWS rows, each continuing after the last tid. */
export async function readInStatementPages<Row extends { tid: number }>(
  page: PageRequest,
  readOne: (part: StatementPage) => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  let after = page.after;
  for (;;) {
    const limit = Math.min(STATEMENT_ROWS, (page.limit ?? Infinity) - rows.length);
    const part = await readOne({ limit, ...(after === undefined ? {} : { after }) });
    for (const row of part) rows.push(row);
    if (part.length < limit || rows.length === page.limit) return rows;
    after = part.at(-1)!.tid;
  }
}

/** Reads the rows of many tids in statements of at most STATEMENT_ROWS tids each. */
export async function readInTidChunks<Row>(
  tids: readonly number[],
  readOne: (chunk: readonly number[]) => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; i < tids.length; i += STATEMENT_ROWS)
    for (const row of await readOne(tids.slice(i, i + STATEMENT_ROWS))) rows.push(row);
  return rows;
}
