import type { AuditFilter, AuditPage, AuditRowView } from '../../shared/audit';
import type { Queryable } from '../store/db';
import { toEntry, type AuditRow } from './audit-log';

// Every filter is optional: a null parameter matches all. The operator is matched without regard to case.
const WHERE = `($1::text IS NULL OR lower(operator) = lower($1))
  AND ($2::text IS NULL OR action = $2)
  AND ($3::text IS NULL OR item_id = $3)
  AND ($4::timestamptz IS NULL OR at >= $4)
  AND ($5::timestamptz IS NULL OR at < $5)`;

const params = (f: AuditFilter) => [
  f.operator ?? null,
  f.action ?? null,
  f.itemId ?? null,
  f.from ?? null,
  f.to ?? null,
];

const toView = (r: AuditRow): AuditRowView => {
  const e = toEntry(r);
  return { ...e, at: e.at.toISOString() };
};

/** One page of the filtered log, newest first, keyset-paged by seq. */
export async function listAuditPage(
  q: Queryable,
  filter: AuditFilter,
  page: { beforeSeq?: number; limit?: number } = {},
): Promise<AuditPage> {
  const limit = page.limit ?? 500;
  const res = await q.query<AuditRow>(
    `SELECT * FROM audit_log WHERE ${WHERE} AND ($6::int8 IS NULL OR seq < $6) ORDER BY seq DESC LIMIT $7`,
    [...params(filter), page.beforeSeq ?? null, limit + 1],
  );
  const more = res.rows.length > limit;
  const rows = res.rows.slice(0, limit).map(toView);
  if (page.beforeSeq !== undefined)
    return { rows, nextBeforeSeq: more ? rows[rows.length - 1]!.seq : null, total: null, operators: [], actions: [] };
  const [count, operators, actions] = await Promise.all([
    q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE ${WHERE}`, params(filter)),
    q.query<{ operator: string }>('SELECT DISTINCT operator FROM audit_log ORDER BY operator LIMIT 500'),
    q.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action LIMIT 500'),
  ]);
  return {
    rows,
    nextBeforeSeq: more ? rows[rows.length - 1]!.seq : null,
    total: count.rows[0]?.n ?? rows.length,
    operators: operators.rows.map((r) => r.operator),
    actions: actions.rows.map((r) => r.action),
  };
}

/** Every row of the filter, newest first, a page at a time (the export never holds a query open for long). */
export async function* auditRowsOf(q: Queryable, filter: AuditFilter, pageSize = 5_000): AsyncGenerator<AuditRowView> {
  let beforeSeq: number | undefined;
  for (;;) {
    const res = await q.query<AuditRow>(
      `SELECT * FROM audit_log WHERE ${WHERE} AND ($6::int8 IS NULL OR seq < $6) ORDER BY seq DESC LIMIT $7`,
      [...params(filter), beforeSeq ?? null, pageSize],
    );
    for (const r of res.rows) yield toView(r);
    if (res.rows.length < pageSize) return;
    beforeSeq = res.rows[res.rows.length - 1]!.seq;
  }
}
