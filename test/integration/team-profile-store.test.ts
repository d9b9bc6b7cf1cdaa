import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { openKeytarSecretStore } from '../../src/core/credentials/keytar-secret-store';
import { storePasswordAccount } from '../../src/core/credentials/secret-names';
import { createMemoryLogger } from '../../src/core/log';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import type { CredentialStatus, Profile } from '../../src/shared/domain';
import type { PayoutRow } from '../../src/shared/payouts';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../support/postgres';
import { createDeskLogin, requirePassword, seedRequest } from '../support/team-postgres';
import { deskCalls } from '../support/desk-calls';

// A profile on a team's shared PostgreSQL store: the URL in the profile, the person's password in the keychain only.
const skip = postgresUnavailableReason();
const service = `praxis-desk-test-${randomBytes(4).toString('hex')}`;
const password = `pw-${randomBytes(9).toString('hex')}`;
const log = createMemoryLogger();
let server: TestPostgres;
let ownerUrl: string;
let owner: WorkStore;
let dataDir: string;
let core: DeskCore;
let teamUrl: string;

const { callRaw, call } = deskCalls(() => core, log);
const profileDraft = (storeUrl: string, name = 'Team EU (remote)') => ({
  name,
  environment: 'praxis-sandbox',
  merchantId: 'Team-Merchant',
  applicationKey: 'TeamKey',
  storeUrl,
});

describe.skipIf(skip !== null)('a profile on a shared PostgreSQL store', () => {
  beforeAll(async () => {
    server = await startPostgres();
    ownerUrl = await server.createDatabase(`team_profile_${process.pid}`);
    owner = await openStore({ kind: 'postgres', url: ownerUrl });
    teamUrl = await createDeskLogin(ownerUrl, 'ana', 'desk_backoffice');
    await requirePassword(server, 'ana', password);
    await seedRequest(ownerUrl, 8_001, 12_345, 'EUR');
    dataDir = await mkdtemp(join(tmpdir(), 'team-profile-'));
    core = await createDeskCore({
      dataDir,
      host: 'browser-host',
      embeddedSandbox: false,
      logger: log,
      secretStore: await openKeytarSecretStore({ service, log }),
    });
  });
  afterAll(async () => {
    await core?.close();
    await owner?.close();
    await server?.stop();
    await keytar.deletePassword(service, storePasswordAccount('x')).catch(() => false);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a store URL with a password, or a remote server without verified TLS, and says what to do', async () => {
    const withPassword = new URL(teamUrl);
    withPassword.password = password;
    const r1 = await callRaw('profiles:save', profileDraft(withPassword.toString()));
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.error.code).toBe('VALIDATION');
    expect(!r1.ok && r1.error.message).toMatch(/Leave the password out of the store URL/);
    expect(!r1.ok && JSON.stringify(r1.error)).not.toContain(password);

    const r2 = await callRaw('profiles:save', profileDraft('postgres://ana@db.example.com/desk'));
    expect(!r2.ok && r2.error.message).toMatch(/db\.example\.com is not on this machine.*sslmode=verify-full/);
    const r3 = await callRaw('profiles:save', profileDraft('postgres://ana@db.example.com/desk?sslmode=require'));
    expect(!r3.ok && r3.error.code).toBe('VALIDATION');
    const r4 = await callRaw('profiles:save', profileDraft('postgres://db.example.com/desk?sslmode=verify-full'));
    expect(!r4.ok && r4.error.message).toMatch(/your own database login/);
    expect(
      (await callRaw('profiles:save', profileDraft('postgres://ana@db.example.com/desk?sslmode=verify-full'))).ok,
    ).toBe(true);
  });

  it('opens the team store as the person’s login with the password from the keychain, and never writes it down', async () => {
    const profile = await call<Profile>('profiles:save', profileDraft(teamUrl, 'Team EU'));
    expect(profile.storeUrl).toBe(teamUrl);
    // No password yet: the server refuses, and the desk says which store could not be opened.
    await call('profiles:activate', { id: profile.id });
    const refused = await callRaw('payouts:list');
    expect(!refused.ok && refused.error.message).toMatch(
      /could not be opened.*The server wants a password for this login: set the Database password/s,
    );

    const status = await call<CredentialStatus>('credentials:set', {
      profileId: profile.id,
      secret: password,
      which: 'store-password',
    });
    expect(status.hasStorePassword).toBe(true);
    expect(await keytar.getPassword(service, storePasswordAccount(profile.id))).toBe(password);
    await call('profiles:activate', { id: profile.id });
    const rows = (await call<{ rows: PayoutRow[] }>('payouts:list')).rows;
    expect(rows.map((r) => r.tid)).toEqual([8_001]);

    // Never in a file or a log: profiles.json and every log line are free of it; the audit says only "replaced".
    expect(await readFile(join(dataDir, 'profiles.json'), 'utf8')).not.toContain(password);
    expect(JSON.stringify(log.lines)).not.toContain(password);
    const audit = await owner.audit.list();
    expect(JSON.stringify(audit)).not.toContain(password);
  });
});
