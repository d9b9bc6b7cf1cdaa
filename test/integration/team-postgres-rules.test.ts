import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInSessions } from '../../src/core/access/sign-in-sessions';
import { addOperator } from '../../src/core/operators/operator-registry';
import { savePayoutSettings, DEFAULT_PAYOUT_SETTINGS } from '../../src/core/payouts/payout-settings';
import { runMigrations } from '../../src/core/store/migrations';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import { runAuditVerify } from '../../src/server/audit-verify';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../support/postgres';
import { asOwner, createDeskLogin, seedRequest } from '../support/team-postgres';
import { tamperAsDatabaseOwner } from '../support/tamper';

// The rules a modified client cannot get around: checked by connecting as each person's own login role.
const skip = postgresUnavailableReason();
let server: TestPostgres;
let ownerUrl: string;
let owner: WorkStore;
let backoffice: WorkStore;
let manager: WorkStore;
let agent: WorkStore;

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );

const journalInsert = (store: WorkStore, action: string, itemId: string, operator: string, second?: string) =>
  store.db.query(
    `INSERT INTO action_journal (item_kind, item_id, action, operator, request, state)
     VALUES ('transaction', $1, $2, $3, $4, 'failed')`,
    [itemId, action, operator, JSON.stringify({ intent: 'direct write', secondApprover: second ?? null })],
  );

/** `npm run audit:verify` on the team store, as the owner: its exit status and last line. */
async function auditVerify(): Promise<{ status: number; said: string | undefined }> {
  const out: string[] = [];
  const status = await runAuditVerify(
    ['--store', ownerUrl],
    (l) => out.push(l),
    (l) => out.push(l),
  );
  return { status, said: out.at(-1) };
}

describe.skipIf(skip !== null)('team rules enforced by PostgreSQL', () => {
  beforeAll(async () => {
    server = await startPostgres();
    ownerUrl = await server.createDatabase(`team_rules_${process.pid}`);
    owner = await openStore({ kind: 'postgres', url: ownerUrl });
    // Bootstrap (README "Running a team"): one login per person, one desk role each; the first manager by the owner.
    await addOperator(owner, { name: 'Mia', pin: '2468', role: 'manager' }, 'database owner');
    await addOperator(owner, { name: 'Bo', pin: '1357', role: 'backoffice' }, 'Mia');
    await addOperator(owner, { name: 'Ada', pin: '9753', role: 'agent' }, 'Mia');
    backoffice = await openStore({ kind: 'postgres', url: await createDeskLogin(ownerUrl, 'bo', 'desk_backoffice') });
    manager = await openStore({ kind: 'postgres', url: await createDeskLogin(ownerUrl, 'mia', 'desk_manager') });
    agent = await openStore({ kind: 'postgres', url: await createDeskLogin(ownerUrl, 'ada', 'desk_agent') });
  });
  afterAll(async () => {
    for (const s of [agent, manager, backoffice, owner]) await s?.close();
    await server?.stop();
  });

  it('the migration creates the three desk roles as NOLOGIN groups, and running it again changes nothing', async () => {
    const roles = await asOwner(ownerUrl, (c) =>
      c.query<{ rolname: string; rolcanlogin: boolean }>(
        `SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'desk\\_%' ORDER BY rolname`,
      ),
    );
    expect(roles.rows).toEqual([
      { rolname: 'desk_agent', rolcanlogin: false },
      { rolname: 'desk_backoffice', rolcanlogin: false },
      { rolname: 'desk_manager', rolcanlogin: false },
    ]);
    expect(await runMigrations(owner.db)).toEqual([]);
    await owner.db.query('SELECT desk_grant_team_rights()');
  });

  it('a table a later migration adds is the desks’ to work with (default privileges)', async () => {
    await owner.db.exec('CREATE TABLE later_claims (tid bigint PRIMARY KEY, desk text NOT NULL)');
    await backoffice.db.query(`INSERT INTO later_claims VALUES (1, 'bo')`);
    await backoffice.db.query(`DELETE FROM later_claims WHERE tid = 1`);
  });

  it('each login acts as its desk role: the lesser of the operator record and the database membership', async () => {
    expect(backoffice.loginRoles).toEqual(['backoffice']);
    expect(agent.loginRoles).toEqual(['agent']);
    expect(manager.loginRoles).toEqual(['agent', 'backoffice', 'manager']);
    // Mia's operator record says manager, but at a desk whose login is only desk_backoffice she cannot capture.
    const sessions = createSignInSessions();
    await sessions.signIn(backoffice, 'team', 'window-1', 'Mia', '2468');
    const at = await sessions.resolve(backoffice, 'team', 'window-1');
    expect(at.actor?.roles).toEqual(['backoffice']);
  });

  it('a back-office login cannot capture or void, even writing the journal directly; a manager login can', async () => {
    await seedRequest(ownerUrl, 7_001, 1_000, 'EUR');
    for (const action of ['captures:capture', 'captures:void']) {
      expect(await refusal(journalInsert(backoffice, action, '7001', 'Mia'))).toMatch(
        new RegExp(`${action} is refused for bo: it needs membership in desk_manager`),
      );
    }
    expect(
      await refusal(
        backoffice.journal.begin({
          itemKind: 'transaction',
          itemId: '7001',
          action: 'captures:capture',
          operator: 'Mia',
          request: {},
        }),
      ),
    ).toMatch(/refused for bo/);
    expect(await refusal(journalInsert(agent, 'payouts:approve', '7001', 'Ada'))).toMatch(
      /needs membership in desk_backoffice or desk_manager/,
    );
    expect(await refusal(journalInsert(manager, 'captures:capture', '7001', 'Mia'))).toBe('accepted');
  });

  it('four-eyes: a direct journal write of an approve above the threshold is refused without a different manager', async () => {
    await seedRequest(ownerUrl, 7_100, 900_000, 'EUR'); // above EUR 5,000.00
    await seedRequest(ownerUrl, 7_101, 4_000, 'EUR'); // below
    await seedRequest(ownerUrl, 7_102, 4_000, 'XTS'); // no threshold for the currency: fails closed
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7100', 'Bo'))).toMatch(
      /Four-eyes: payouts:approve refused, request 7100 \(900000 EUR minor units\) needs a second approver/,
    );
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7100', 'Bo', 'Bo'))).toMatch(
      /Bo cannot be their own second approver/,
    );
    expect(await refusal(journalInsert(backoffice, 'payouts:split', '7100', 'Bo', 'Ada'))).toMatch(
      /second approver "Ada" is not a manager/,
    );
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7100', 'Bo', 'Nobody'))).toMatch(
      /"Nobody" is not a registered operator/,
    );
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7102', 'Bo'))).toMatch(
      /needs a second approver/,
    );
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7101', 'Bo'))).toBe('accepted');
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7100', 'Bo', 'Mia'))).toBe('accepted');
    // What the desk wrote is fixed: the login that wrote it is recorded, and what was asked cannot be changed after.
    const row = await owner.db.query<{ id: number; db_user: string }>(
      `SELECT id, db_user FROM action_journal WHERE item_id = '7100'`,
    );
    expect(row.rows[0]!.db_user).toBe('bo');
    expect(
      await refusal(
        backoffice.db.query(`UPDATE action_journal SET request = '{}'::jsonb WHERE id = $1`, [row.rows[0]!.id]),
      ),
    ).toMatch(/only its outcome may change/);
  });

  it('four-eyes follows the thresholds a manager saved; a back-office login cannot lower them', async () => {
    await seedRequest(ownerUrl, 7_200, 200_000, 'EUR');
    expect(
      await refusal(
        savePayoutSettings(backoffice, { ...DEFAULT_PAYOUT_SETTINGS, fourEyesThresholds: { EUR: 999_999_999 } }, 'Bo'),
      ),
    ).toMatch(/Only a member of desk_manager may change the setting "payout-settings"/);
    await savePayoutSettings(manager, { ...DEFAULT_PAYOUT_SETTINGS, fourEyesThresholds: { EUR: 100_000 } }, 'Mia');
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7200', 'Bo'))).toMatch(
      /needs a second approver/,
    );
  });

  it('four-eyes reads the largest amount a request has had: a desk login that lowers or relabels it gains nothing', async () => {
    await seedRequest(ownerUrl, 7_300, 900_000, 'EUR'); // above EUR 5,000.00
    // Desk logins write transactions as they ingest (grants above): a back-office login lowers this one's amount.
    await backoffice.db.query(`UPDATE transactions SET amount_minor = 100 WHERE tid = 7300`);
    expect(await refusal(journalInsert(backoffice, 'payouts:approve', '7300', 'Bo'))).toMatch(
      /request 7300 \(900000 EUR minor units\) needs a second approver/,
    );
    // Or moves it to a currency whose threshold it is under (JPY 7,000 of 7,500).
    await backoffice.db.query(`UPDATE transactions SET amount_minor = 700000, currency = 'JPY' WHERE tid = 7300`);
    expect(await refusal(journalInsert(backoffice, 'payouts:split', '7300', 'Bo'))).toMatch(/needs a second approver/);
    // What was recorded is out of the desk logins' reach.
    for (const store of [backoffice, manager, agent])
      expect(await refusal(store.db.query(`DELETE FROM transaction_amounts_seen WHERE tid = 7300`))).toMatch(
        /permission denied/,
      );
  });

  it('no desk login reads a PIN hash or clears a wrong-PIN lockout; sign-in still checks PINs through any login', async () => {
    const operators = await backoffice.db.query<{ value: Record<string, unknown> }>(
      `SELECT value FROM settings WHERE key LIKE 'operator:%'`,
    );
    expect(operators.rows.length).toBeGreaterThan(0);
    for (const { value } of operators.rows) expect(Object.keys(value)).not.toContain('pinHash');
    for (const store of [backoffice, manager, agent]) {
      expect(await refusal(store.db.query(`SELECT * FROM operator_pins`))).toMatch(/permission denied/);
      expect(await refusal(store.db.query(`DELETE FROM pin_attempts`))).toMatch(/permission denied/);
    }
    // Five wrong tries lock Mia's name; a desk login deleting what it can reach does not unlock it.
    const sessions = createSignInSessions();
    for (let i = 0; i < 5; i++) await refusal(sessions.signIn(agent, 'team', 'window-guess', 'Mia', String(1000 + i)));
    expect(
      await refusal(agent.db.query(`INSERT INTO settings (key, value) VALUES ('pin-attempts:mia', '{}')`)),
    ).toMatch(/Only a member of desk_manager/);
    expect(await refusal(sessions.signIn(agent, 'team', 'window-guess', 'Mia', '2468'))).toMatch(/locked/);
    await asOwner(ownerUrl, (c) => c.query(`DELETE FROM pin_attempts`));
    await sessions.signIn(agent, 'team', 'window-guess', 'Mia', '2468');
    expect((await sessions.resolve(agent, 'team', 'window-guess')).actor?.name).toBe('Mia');
  });

  it('operators and settings change only by desk_manager; saved views by any desk', async () => {
    expect(await refusal(addOperator(backoffice, { name: 'Eve', pin: '1111', role: 'manager' }, 'Bo'))).toMatch(
      /Only a member of desk_manager may change the setting "operator:eve"/,
    );
    expect(await refusal(backoffice.db.query(`DELETE FROM settings WHERE key = 'operator:mia'`))).toMatch(
      /desk_manager/,
    );
    expect(await refusal(backoffice.settings.set('payout-view:mine', { name: 'Mine' }))).toBe('accepted');
    expect(await refusal(addOperator(manager, { name: 'Eve', pin: '1111', role: 'agent' }, 'Mia'))).toBe('accepted');
  });

  it('desk roles may append to the audit log and read it, never change or delete a row', async () => {
    await backoffice.audit.append({ operator: 'Bo', action: 'test:appended', details: {} });
    const seq = (await backoffice.audit.list()).at(-1)!.seq;
    for (const store of [backoffice, manager, agent]) {
      expect(await refusal(store.db.query(`UPDATE audit_log SET operator = 'x' WHERE seq = $1`, [seq]))).toMatch(
        /permission denied for table audit_log/,
      );
      expect(await refusal(store.db.query(`DELETE FROM audit_log WHERE seq = $1`, [seq]))).toMatch(
        /permission denied for table audit_log/,
      );
      expect(await refusal(store.db.query(`TRUNCATE audit_log`))).toMatch(/permission denied/);
    }
  });

  it('every audit row carries the database login that wrote it: one written in a colleague’s name shows whose it is', async () => {
    await manager.audit.append({ operator: 'Mia', action: 'test:by-mia', details: {} });
    // Bo's login writes a row in Mia's name, chained as the desk would: the chain alone cannot tell.
    await backoffice.audit.append({
      operator: 'Mia',
      action: 'payouts:approve',
      itemKind: 'transaction',
      itemId: '7100',
    });
    const [forged, real] = await backoffice.audit.list({ limit: 2 }); // newest first
    expect(forged).toMatchObject({ operator: 'Mia', action: 'payouts:approve', dbUser: 'bo' });
    expect(real).toMatchObject({ operator: 'Mia', dbUser: 'mia' });
    expect(
      await refusal(backoffice.db.query(`UPDATE audit_log SET db_user = 'mia' WHERE seq = $1`, [forged!.seq])),
    ).toMatch(/permission denied/);
    expect(await auditVerify()).toEqual({
      status: 0,
      said: expect.stringMatching(/Written by database login: .*bo as Bo, Mia/),
    });
  });

  it('audit:verify finds a row the owner edited with triggers switched off', async () => {
    expect((await auditVerify()).status).toBe(0);
    const seq = (await owner.audit.list()).at(-1)!.seq;
    await tamperAsDatabaseOwner(owner.db, `UPDATE audit_log SET operator = 'Someone else' WHERE seq = $1`, [seq]);
    const broken = await auditVerify();
    expect(broken.status).toBe(1);
    expect(broken.said).toMatch(new RegExp(`BROKEN .*first broken link at row ${seq}`));
  });
});
