import type { CaptureRow, ExpiringHold, HoldWindowRule } from '../../shared/captures';
import { DEFAULT_HOLD_WINDOWS, ruleSpecificity } from '../../shared/hold-windows';
import { jsonRows } from '../queues/queue-sql';
import { readInTidChunks, type StatementPage } from '../queues/statement-pages';
import type { Queryable } from '../store/db';
import { CAPTURE_QUEUE_SQL, CAPTURE_ROWS_BY_TIDS_SQL, CLAIM_EXPIRING_SQL } from './capture-rows-sql';

/** The table as SQL reads it; one without a default row gets the documented one (the save channel requires it). */
const tableParam = (table: readonly HoldWindowRule[]) =>
  JSON.stringify(table.some((r) => ruleSpecificity(r) === 2) ? table : [...table, DEFAULT_HOLD_WINDOWS.at(-1)!]);

/** The current row of each given authorization, whatever its status now. */
export async function captureRowsByTid(
  q: Queryable,
  tids: readonly number[],
  table: readonly HoldWindowRule[],
): Promise<CaptureRow[]> {
  const rules = tableParam(table);
  return readInTidChunks(tids, (chunk) => jsonRows<CaptureRow>(q, CAPTURE_ROWS_BY_TIDS_SQL, [rules, chunk]));
}

/**
 * One statement's page of the open holds plus those with an unresolved capture/void, closest to lapsing first:
 * `limit` rows after the hold `after` (none: from the start). Longer reads go through readPage.
 */
export async function captureQueueRows(
  q: Queryable,
  table: readonly HoldWindowRule[],
  page: StatementPage,
): Promise<CaptureRow[]> {
  // The cursor is where the previous page's last hold sorts now, wherever it went since.
  const cursor = page.after === undefined ? undefined : (await captureRowsByTid(q, [page.after], table))[0];
  if (page.after !== undefined && !cursor) return [];
  return jsonRows<CaptureRow>(q, CAPTURE_QUEUE_SQL, [
    tableParam(table),
    page.limit,
    cursor?.lapsesAt ?? null,
    cursor?.tid ?? null,
  ]);
}

/** Open holds lapsing before `until` that were never announced, now marked announced (once per hold, ever). */
export async function claimExpiringHolds(
  q: Queryable,
  table: readonly HoldWindowRule[],
  until: Date,
): Promise<ExpiringHold[]> {
  const res = await q.query<ExpiringHold>(CLAIM_EXPIRING_SQL, [tableParam(table), until.toISOString()]);
  return res.rows.map((r) => ({ ...r, tid: Number(r.tid), amountMinor: Number(r.amountMinor) }));
}
