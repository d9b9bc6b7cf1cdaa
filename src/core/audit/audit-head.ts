import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeskError } from '../../shared/errors';
import type { Db, Queryable } from '../store/db';
import { auditAppendedIn, onAuditAppended } from './audit-log';

/** The newest audit row known to have committed, kept outside the table so deleting the newest rows shows. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export const AUDIT_HEAD_FILE = 'audit-head.json';

/** The head file of a PGlite store folder. */
export const auditHeadFileIn = (storeDir: string): string => join(storeDir, AUDIT_HEAD_FILE);

/** The head written beside the store, or null when none was written yet. A damaged file is refused, not ignored. */
export async function readAuditHead(file: string): Promise<AuditHead | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let head: Partial<AuditHead> | null = null;
  try {
    head = JSON.parse(text) as Partial<AuditHead>;
  } catch {
    // Reported below, as any other content that is not a head.
  }
  if (!head || !Number.isSafeInteger(head.seq) || typeof head.hash !== 'string' || !/^[0-9a-f]{64}$/.test(head.hash))
    throw new DeskError(
      'STORE',
      `The audit chain's head kept beside the store (${file}) was changed: it no longer holds a row number and a hash, so deleted newest rows cannot be ruled out. Keep a copy of the store for the auditor; the head is written again with the next audit entry.`,
    );
  return { seq: head.seq!, hash: head.hash };
}

/** Written to a temporary file and renamed, so a crash leaves the old head or the new one, never half of one. */
async function writeAuditHead(file: string, head: AuditHead): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, JSON.stringify(head));
  await rename(tmp, file);
}

/**
 * Wraps the store's Db so that after every transaction that appended audit rows commits (and every row appended
 * on its own, appendAudit), the head file names the newest one. A crash between commit and write leaves the head one behind, which the check allows.
 * The head does not advance onto a row that skips it (its next row chaining from elsewhere): the newest rows were
 * deleted and a new one appended, and the kept head must go on naming the deleted row.
 */
export async function keepAuditHead(db: Db, file: string): Promise<Db> {
  let head = await readAuditHead(file).catch(() => null);
  let writes = Promise.resolve();
  const advance = (entry: { seq: number; hash: string; prevHash: string }) => {
    writes = writes.then(async () => {
      if (head && entry.seq <= head.seq) return; // an older commit's callback, run late
      if (head && entry.seq === head.seq + 1 && entry.prevHash !== head.hash) return;
      head = { seq: entry.seq, hash: entry.hash };
      // A failed write leaves the head behind, which the check allows; the action itself has committed.
      await writeAuditHead(file, head).catch(() => undefined);
    });
    return writes;
  };
  const kept: Db = {
    ...db,
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    close: async () => {
      await writes;
      await db.close();
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let appended: ReturnType<typeof auditAppendedIn>;
      const out = await db.transaction(async (tx) => {
        const result = await fn(tx);
        appended = auditAppendedIn(tx);
        return result;
      });
      if (appended) await advance(appended);
      return out;
    },
  };
  onAuditAppended(kept, advance);
  return kept;
}
