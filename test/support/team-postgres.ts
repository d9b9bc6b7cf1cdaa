/** Logins of a team on a test PostgreSQL server: one role per person, granted one desk role (README "Running a team"). */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { TestPostgres } from './postgres';

export type DeskRole = 'desk_agent' | 'desk_backoffice' | 'desk_manager';

/** Runs statements as the database owner (the test server's superuser). */
export async function asOwner<T>(ownerUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `login` (once) as a member of `deskRole` and answers the store URL that connects as it. */
export async function createDeskLogin(ownerUrl: string, login: string, deskRole: DeskRole): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(login)) throw new Error(`Bad login name ${login}`);
  await asOwner(ownerUrl, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
    if (exists.rowCount === 0) await c.query(`CREATE ROLE ${login} LOGIN`);
    await c.query(`GRANT ${deskRole} TO ${login}`);
  });
  const url = new URL(ownerUrl);
  url.username = login;
  return url.toString();
}

/** A withdrawal request row as the intake would have stored it, for rules that read the amount. */
export async function seedRequest(ownerUrl: string, tid: number, amountMinor: number, currency: string): Promise<void> {
  await asOwner(ownerUrl, (c) =>
    c.query(
      `INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, amount_minor, currency,
         created_at, last_source, raw_transaction)
       VALUES ($1, 'payout', 'requested', 1, now(), $2, $3, now(), 'lookup', '{}'::jsonb)`,
      [tid, amountMinor, currency],
    ),
  );
}

/** From now on `login` must give `password` (scram) on loopback: the test server otherwise trusts everyone. */
export async function requirePassword(server: TestPostgres, login: string, password: string): Promise<void> {
  await asOwner(server.url, async (c) => {
    await c.query(`ALTER ROLE ${login} PASSWORD ${pg.escapeLiteral(password)}`);
    const hba = join(server.dataDir, 'pg_hba.conf');
    // pg_hba is first-match: this line goes above the trust lines.
    await writeFile(hba, `host all ${login} 127.0.0.1/32 scram-sha-256\n` + (await readFile(hba, 'utf8')));
    await c.query('SELECT pg_reload_conf()');
  });
}
