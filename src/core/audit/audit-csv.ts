import type { AuditFilter } from '../../shared/audit';
import { auditColumns } from '../../shared/audit-columns';
import type { Queryable } from '../store/db';
import { auditRowsOf } from './audit-query';
import { csvLine } from '../../shared/csv-cell';

const HEADER = [
  'seq',
  'time',
  'operator',
  'action',
  'item',
  'amount',
  'reason',
  'note',
  'praxis_ids',
  'outcome',
  'db_login',
  'details',
];

/** The filtered log as CSV, newest first: the screen's columns plus the row's full details as JSON. */
export async function exportAuditCsv(q: Queryable, filter: AuditFilter): Promise<{ csv: string; rows: number }> {
  const lines = [csvLine(HEADER)];
  for await (const row of auditRowsOf(q, filter)) {
    const c = auditColumns(row);
    lines.push(
      csvLine([
        row.seq,
        row.at,
        row.operator,
        row.action,
        c.item,
        c.amount,
        c.reason,
        c.note,
        c.praxisIds,
        c.outcome,
        row.dbUser,
        JSON.stringify(row.details),
      ]),
    );
  }
  return { csv: lines.join(''), rows: lines.length - 1 };
}
