import type { AuditHeadCheck, AuditVerifyResult } from '../../shared/audit';
import type { Queryable } from '../store/db';
import type { AuditHead } from './audit-head';
import { verifyAuditChain } from './audit-log';

const rowsWord = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;

/**
 * The chain from its first row, then the head kept outside the table: the row it names must still be there with
 * the same hash (rows after it already chain from it, or the chain check would have failed).
 * `head` undefined: this store keeps no head file; null: none written yet.
 */
export async function verifyAudit(q: Queryable, head: AuditHead | null | undefined): Promise<AuditVerifyResult> {
  const headCheck: AuditHeadCheck = head === undefined ? 'not-kept' : head === null ? 'none-yet' : 'checked';
  const chain = await verifyAuditChain(q);
  if (!chain.ok)
    return {
      ok: false,
      rows: chain.rows,
      head: headCheck,
      brokenAtSeq: chain.brokenAtSeq,
      message: `${chain.reason} ${chain.rows === 0 ? 'It is the first row.' : `The ${rowsWord(chain.rows)} before it are intact.`}`,
    };
  if (head) {
    const at = await q.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [head.seq]);
    if (!at.rows[0]) {
      const last = await q.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM audit_log');
      const lastSeq = last.rows[0]?.seq ?? null;
      return {
        ok: false,
        rows: chain.rows,
        head: headCheck,
        brokenAtSeq: head.seq,
        message:
          `Row ${head.seq} is missing: the chain's head kept beside the store says it was written, but the log ` +
          (lastSeq === null ? 'is empty' : `now ends at row ${lastSeq}`) +
          '. The newest rows were deleted.',
      };
    }
    if (at.rows[0].hash !== head.hash)
      return {
        ok: false,
        rows: chain.rows,
        head: headCheck,
        brokenAtSeq: head.seq,
        message: `Row ${head.seq} is not the row that was written (its hash differs from the head kept beside the store): the log was rewritten up to it.`,
      };
  }
  const headNote =
    headCheck === 'checked'
      ? ' The newest row matches the head kept beside the store.'
      : headCheck === 'none-yet'
        ? ' No head has been kept beside the store yet (it is written with the next audit entry), so deleted newest rows would not show.'
        : ' This store keeps no head beside it (PostgreSQL or in memory), so deleted newest rows would not show.';
  return {
    ok: true,
    rows: chain.rows,
    head: headCheck,
    message: `The audit chain is intact: ${rowsWord(chain.rows)} checked.${headNote}${await loginsNote(q)}`,
  };
}

const NAMES_SHOWN = 10;

/**
 * On a team store, which operator names each database login wrote rows as: the chain proves rows were not changed,
 * not that a row in Mia's name came from Mia's desk. Names beyond NAMES_SHOWN per login are counted.
 */
async function loginsNote(q: Queryable): Promise<string> {
  const res = await q.query<{ db_user: string; operators: string[]; n: number }>(
    `SELECT db_user, (array_agg(DISTINCT operator ORDER BY operator))[1:${NAMES_SHOWN}] AS operators,
       count(DISTINCT operator)::int AS n
     FROM audit_log WHERE db_user IS NOT NULL GROUP BY db_user ORDER BY db_user`,
  );
  if (res.rows.length === 0) return '';
  const logins = res.rows.map(
    (r) => `${r.db_user} as ${r.operators.join(', ')}${r.n > NAMES_SHOWN ? ` and ${r.n - NAMES_SHOWN} more` : ''}`,
  );
  return ` Written by database login: ${logins.join('; ')}.`;
}
