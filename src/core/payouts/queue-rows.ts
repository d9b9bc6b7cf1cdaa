import type { PayoutRow } from '../../shared/payouts';
import { jsonRows } from '../queues/queue-sql';
import { readInTidChunks, type StatementPage } from '../queues/statement-pages';
import type { Queryable } from '../store/db';
import { BY_TIDS_SQL, QUEUE_PAGE_SQL, riskParams } from './queue-rows-sql';
import type { RiskSettings } from './risk';

const rowsOf = (q: Queryable, sql: string, params: unknown[]) => jsonRows<PayoutRow>(q, sql, params);

/**
 * One statement's page of the withdrawal requests waiting for a decision or with an unresolved action, oldest first:
 * `limit` rows after the request `after` (none: from the oldest). Longer reads go through readPage.
 */
export async function queueRows(q: Queryable, settings: RiskSettings, part: StatementPage): Promise<PayoutRow[]> {
  return rowsOf(q, QUEUE_PAGE_SQL, [...riskParams(settings), part.limit, part.after ?? null]);
}

/** The current row of each given withdrawal request, whatever its status (so a window can drop rows that left the queue). */
export async function rowsByTid(q: Queryable, tids: readonly number[], settings: RiskSettings): Promise<PayoutRow[]> {
  return readInTidChunks(tids, (chunk) => rowsOf(q, BY_TIDS_SQL, [...riskParams(settings), chunk]));
}
