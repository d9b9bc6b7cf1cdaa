import type { Db } from './db';

/**
 * PGlite is one process with no autovacuum and no auto-analyze: on a desk left running for days, every updated row
 * (a notification, a journal step, a terminal poll) leaves a dead copy that is never reused, and the planner's
 * figures stay those of an empty store. This does their part, with autovacuum's own rules: a table is vacuumed once
 * more than 50 rows + 20 % of its live rows are dead, analyzed once 50 + 10 % have changed. A PostgreSQL server's
 * autovacuum does it there, so nothing is done on one.
 */
export async function pgliteUpkeep(db: Db): Promise<{ vacuumed: string[]; analyzed: string[] }> {
  if (db.kind !== 'pglite') return { vacuumed: [], analyzed: [] };
  // PGlite's backend hands its counts to pg_stat only when asked: this makes the next statement flush them.
  await db.query('SELECT pg_stat_force_next_flush()');
  const due = await db.query<{ relname: string; vacuum: boolean; analyze: boolean }>(
    `SELECT relname,
            n_dead_tup > 50 + 0.2 * n_live_tup AS vacuum,
            n_mod_since_analyze > 50 + 0.1 * n_live_tup AS analyze
       FROM pg_stat_user_tables
      WHERE schemaname = 'public'
        AND (n_dead_tup > 50 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)
      ORDER BY relname`,
  );
  const vacuumed: string[] = [];
  const analyzed: string[] = [];
  for (const { relname, vacuum } of due.rows) {
    const table = `"${relname.replace(/"/g, '""')}"`;
    if (vacuum) {
      await db.query(`VACUUM (ANALYZE) ${table}`);
      vacuumed.push(relname);
    } else {
      await db.query(`ANALYZE ${table}`);
      analyzed.push(relname);
    }
  }
  return { vacuumed, analyzed };
}
