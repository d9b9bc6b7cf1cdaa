import type { Db } from '../../src/core/store/db';

/**
 * Runs a statement as someone with the database owner's rights who switched triggers off (the audit log's
 * append-only trigger included): how a test edits what the desk itself can never edit, to prove it is found.
 */
export async function tamperAsDatabaseOwner(db: Db, sql: string, params: readonly unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query(sql, params);
  });
}
