/** SQL pieces every queue's rows are built from (no queue's names inside). */
import { shownJournalStateSql } from '../store/journal';
import type { Queryable } from '../store/db';
import { sendLeaseMs } from './praxis-session';
import { readInStatementPages, type PageRequest, type StatementPage } from './statement-pages';

/** Date#toISOString's shape, so a row reads the same whichever path produced it. */
export const isoUtcSql = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Items whose own action has no known outcome yet: they stay in their queue whatever Praxis says (a handful at most). */
export const UNRESOLVED_TIDS_SQL = `SELECT item_id::bigint FROM action_journal WHERE item_kind = 'transaction' AND state IN ('sending', 'unknown')`;

/** Joins the in-flight or unknown journal entry of each `${items}.tid` as `j`. */
export const openJournalJoinSql = (items: string) =>
  `LEFT JOIN action_journal j ON j.item_kind = 'transaction' AND j.item_id = ${items}.tid::text AND j.state IN ('sending', 'unknown')`;

/** The journal state a row shows (a `sending` entry past the default lease shows `unknown`). */
export const ROW_JOURNAL_STATE_SQL = shownJournalStateSql('j', sendLeaseMs({}));

/** Who is acting on a row's item right now (its `sending` entry's operator while the sender lives), else null. */
export const ROW_CLAIMED_BY_SQL = `CASE WHEN ${ROW_JOURNAL_STATE_SQL} = 'sending' THEN j.operator END`;

/** PostgreSQL builds a queue's rows as one JSON string: one parse instead of a driver object and a JS pass per row. */
export async function jsonRows<Row>(q: Queryable, sql: string, params: unknown[]): Promise<Row[]> {
  const res = await q.query<{ rows: string }>(sql, params);
  return JSON.parse(res.rows[0]?.rows ?? '[]') as Row[];
}

/**
 * A list channel's answer: the rows of `page`, read in statements of at most a page (statement-pages.ts), when they
 * were read (taken before the read, so a change during it is not missed by a window that asks again from asOf), and
 * the tid to continue `after` when the page came back full.
 */
export async function readPage<Row extends { tid: number }>(
  page: PageRequest,
  readOne: (part: StatementPage) => Promise<Row[]>,
) {
  const asOf = new Date().toISOString();
  const rows = await readInStatementPages(page, readOne);
  const full = page.limit !== undefined && rows.length === page.limit;
  return { rows, asOf, next: full ? rows.at(-1)!.tid : null };
}
