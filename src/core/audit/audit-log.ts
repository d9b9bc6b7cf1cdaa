import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../store/db';
import { withoutSecrets } from '../store/journal';
import { storableJson, storableString } from '../store/unstorable-text';
import { canonicalJson } from './canonical-json';

export interface AuditInput {
  operator: string;
  /** What was done, e.g. `payouts:approve`, `settings:change`. */
  action: string;
  itemKind?: string | null;
  itemId?: string | null;
  /** Result and facts for the auditor; secret-looking keys are dropped. */
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: Date;
  operator: string;
  action: string;
  itemKind: string | null;
  itemId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /** The database login that wrote the row, stamped by a team store (outside the hash); null on a one-desk store. */
  dbUser: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

// The newest row each open transaction appended, so the store can keep the chain's head once it commits.
const appendedIn = new WeakMap<Queryable, AuditEntry>();

/** The last audit row appended in this transaction, if any (read by the after-commit head keeper). */
export const auditAppendedIn = (tx: Queryable): AuditEntry | undefined => appendedIn.get(tx);

// Keeps the chain strictly serial across desks sharing one server.
const AUDIT_LOCK_KEY = 74_201_002;

/** The hash of one row: SHA-256 over its canonical content and the previous row's hash. */
export function auditHash(row: Omit<AuditEntry, 'seq' | 'hash' | 'dbUser'>): string {
  return createHash('sha256').update(canonicalContent(row, row.prevHash), 'utf8').digest('hex');
}

/** What a row's hash covers, as canonical JSON: its content and the previous row's hash. */
function canonicalContent(row: Omit<AuditEntry, 'seq' | 'hash' | 'prevHash' | 'dbUser'>, prevHash: string): string {
  return canonicalJson({
    at: row.at.toISOString(),
    operator: row.operator,
    action: row.action,
    itemKind: row.itemKind,
    itemId: row.itemId,
    details: row.details,
    prevHash,
  });
}

/**
 * One INSERT … SELECT that chains the row onto the newest one as it stands when the statement runs: the previous
 * hash is read, and the new hash computed (SHA-256 of the canonical content, auditHash), by the database itself, so
 * no lock is held across a round trip. $7 is the canonical content up to the previous hash (hex of its UTF-8 bytes);
 * the content ends with `"prevHash":"<hash>"}` because prevHash sorts last (see contentBeforePrevHash).
 */
const APPEND_CHAINED = `
INSERT INTO audit_log (at, operator, action, item_kind, item_id, details, prev_hash, hash)
SELECT $1::timestamptz, $2::text, $3::text, $4::text, $5::text, $6::jsonb, last.hash,
  encode(sha256(decode($7::text, 'hex') || convert_to(last.hash || '"}', 'UTF8')), 'hex')
FROM (SELECT COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), $8::text) AS hash) last
RETURNING seq, prev_hash, hash, db_user`;

/** The canonical content of a row (auditHash) cut just before the previous row's hash, as hex of its UTF-8 bytes. */
function contentBeforePrevHash(row: Omit<AuditEntry, 'seq' | 'hash' | 'prevHash' | 'dbUser'>): string {
  const content = canonicalContent(row, '');
  const end = '"prevHash":""}';
  if (!content.endsWith(end)) throw new Error('The audit content no longer ends with its previous hash.');
  return Buffer.from(content.slice(0, -2), 'utf8').toString('hex');
}

/** Appends one row chained onto the newest, in one statement (the caller serialises appends: see below). */
async function appendChained(q: Queryable, input: AuditInput, now: Date): Promise<AuditEntry> {
  // Millisecond precision: what a JS Date holds is exactly what is stored and read back for verification.
  const row = {
    at: new Date(Math.floor(now.getTime())),
    // Whatever text reached it (a Praxis answer, say), the row is written: as stored, so its hash verifies.
    operator: storableString(input.operator),
    action: input.action,
    itemKind: input.itemKind ?? null,
    itemId: typeof input.itemId === 'string' ? storableString(input.itemId) : null,
    details: storableJson(withoutSecrets(input.details ?? {})) as Record<string, unknown>,
  };
  const res = await q.query<{ seq: number; prev_hash: string; hash: string; db_user: string | null }>(APPEND_CHAINED, [
    row.at,
    row.operator,
    row.action,
    row.itemKind,
    row.itemId,
    JSON.stringify(row.details),
    contentBeforePrevHash(row),
    GENESIS_HASH,
  ]);
  const r = res.rows[0]!;
  return { seq: r.seq, ...row, prevHash: r.prev_hash, hash: r.hash, dbUser: r.db_user };
}

/** Appends inside the caller's transaction (so the audit row commits with the change it describes). */
export async function appendAuditInTransaction(
  tx: Queryable,
  input: AuditInput,
  now: Date = new Date(),
): Promise<AuditEntry> {
  // Desks sharing a server append one at a time: the lock is held until the caller's transaction ends.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const entry = await appendChained(tx, input, now);
  appendedIn.set(tx, entry);
  return entry;
}

// Told each row appended on its own (not in a caller's transaction), by the Db it went to: the head keeper.
const appendedAlone = new WeakMap<Db, (entry: AuditEntry) => Promise<void>>();

/** `db`'s appends made on their own are told to `onAppended` once committed (audit-head.ts keeps the head with it). */
export const onAuditAppended = (db: Db, onAppended: (entry: AuditEntry) => Promise<void>) =>
  appendedAlone.set(db, onAppended);

/**
 * Appends one row on its own. PGlite has one connection that runs one statement at a time, so the chaining
 * statement alone is serial and commits by itself: one round trip. A server's desks take the lock first.
 */
export async function appendAudit(db: Db, input: AuditInput, now: Date = new Date()): Promise<AuditEntry> {
  if (db.kind !== 'pglite') return db.transaction((tx) => appendAuditInTransaction(tx, input, now));
  const entry = await appendChained(db, input, now);
  await appendedAlone.get(db)?.(entry);
  return entry;
}

export type AuditVerification =
  { ok: true; rows: number; lastHash: string } | { ok: false; rows: number; brokenAtSeq: number; reason: string };

export interface AuditRow {
  seq: number;
  at: Date;
  operator: string;
  action: string;
  item_kind: string | null;
  item_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  db_user?: string | null;
}

export const toEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  operator: r.operator,
  action: r.action,
  itemKind: r.item_kind,
  itemId: r.item_id,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
  dbUser: r.db_user ?? null,
});

/** Recomputes the chain from the first row and names the first row that was edited, removed or reordered. */
export async function verifyAuditChain(q: Queryable, pageSize = 5_000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let rows = 0;
  let afterSeq = 0;
  for (;;) {
    const page = await q.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [
      afterSeq,
      pageSize,
    ]);
    for (const r of page.rows) {
      const entry = toEntry(r);
      if (entry.prevHash !== prev) {
        return {
          ok: false,
          rows,
          brokenAtSeq: entry.seq,
          reason: `Row ${entry.seq} does not follow the row before it: a row was removed or inserted before it.`,
        };
      }
      if (auditHash(entry) !== entry.hash) {
        return {
          ok: false,
          rows,
          brokenAtSeq: entry.seq,
          reason: `Row ${entry.seq} was changed after it was written (its content no longer matches its hash).`,
        };
      }
      prev = entry.hash;
      rows++;
      afterSeq = entry.seq;
    }
    if (page.rows.length < pageSize) return { ok: true, rows, lastHash: prev };
  }
}

export async function listAudit(
  q: Queryable,
  opts: { limit?: number; beforeSeq?: number } = {},
): Promise<AuditEntry[]> {
  const res = await q.query<AuditRow>(
    'SELECT * FROM audit_log WHERE ($1::int8 IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2',
    [opts.beforeSeq ?? null, opts.limit ?? 500],
  );
  return res.rows.map(toEntry);
}

/** The audit trail of one item, oldest first (the payout detail pane). */
export async function listAuditForItem(
  q: Queryable,
  itemKind: string,
  itemId: string,
  limit = 500,
): Promise<AuditEntry[]> {
  const res = await q.query<AuditRow>(
    'SELECT * FROM audit_log WHERE item_kind = $1 AND item_id = $2 ORDER BY seq LIMIT $3',
    [itemKind, itemId, limit],
  );
  return res.rows.map(toEntry);
}
