import type { PayoutRow } from '../../shared/payouts';
import { jsonRows } from '../queues/queue-sql';
import type { Queryable } from '../store/db';
import { BY_TIDS_SQL, QUEUE_LONG_PAGE_SQL, QUEUE_PAGE_SQL, QUEUE_SQL, riskParams } from './queue-rows-sql';
import type { RiskSettings } from './risk';

/** A stretch of the queue in its default order (oldest first): `limit` rows after the request `after`. */
export interface QueuePage {
  /** No limit: every row from `after` on. */
  limit?: number;
  /** The last tid of the previous page; none: from the oldest request. */
  after?: number;
}

// Up to this many rows, a page reads its customers' histories through the index rather than by one scan.
const SHORT_PAGE = 5_000;

const rowsOf = (q: Queryable, sql: string, params: unknown[]) => jsonRows<PayoutRow>(q, sql, params);

/** Withdrawal requests waiting for a decision or with an unresolved action, oldest first; the whole queue unless paged. */
export async function queueRows(q: Queryable, settings: RiskSettings, page: QueuePage = {}): Promise<PayoutRow[]> {
  if (page.limit === undefined && page.after === undefined) return rowsOf(q, QUEUE_SQL, riskParams(settings));
  const sql = page.limit !== undefined && page.limit <= SHORT_PAGE ? QUEUE_PAGE_SQL : QUEUE_LONG_PAGE_SQL;
  return rowsOf(q, sql, [...riskParams(settings), page.limit ?? null, page.after ?? null]);
}

/** The current row of each given withdrawal request, whatever its status (so a window can drop rows that left the queue). */
export async function rowsByTid(q: Queryable, tids: readonly number[], settings: RiskSettings): Promise<PayoutRow[]> {
  if (tids.length === 0) return [];
  return rowsOf(q, BY_TIDS_SQL, [...riskParams(settings), tids]);
}
