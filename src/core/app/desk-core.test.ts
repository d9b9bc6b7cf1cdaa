import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialStatus, Profile, ProfilesState } from '../../shared/domain';
import { CHANNELS, type Channel } from '../../shared/ipc/contract';
import { dispatch } from '../commands/dispatch';
import { openKeytarSecretStore } from '../credentials/keytar-secret-store';
import { createMemorySecretStore } from '../credentials/memory-secret-store';
import { createMemoryLogger } from '../log';
import { createDeskCore } from './desk-core';
import type { DeskCore, SecretStore } from './desk-core-types';
import { filesUnder } from '../../../test/support/files';

// Real keychain (Secret Service from the vitest globalSetup), real files, real sockets.
let dataDir: string;
let service: string;
let core: DeskCore | undefined;
const log = createMemoryLogger();

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'desk-core-'));
  service = `praxis-desk-test-${randomBytes(4).toString('hex')}`;
  log.lines.length = 0;
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** The shell alone (no simulator, store or intake) unless `full` asks for the whole one-desk composition. */
const start = async (secretStore?: SecretStore, full = false, sandboxArrivalIntervalMs: number | null = null) => {
  core = await createDeskCore({
    dataDir,
    host: 'browser-host',
    sandboxArrivalIntervalMs, // null: only what the test creates lands in the queues
    logger: log,
    embeddedSandbox: full,
    store: full ? undefined : false,
    secretStore: secretStore ?? (await openKeytarSecretStore({ service, log })),
  });
  return core;
};

const call = async <T>(channel: Channel, input: unknown): Promise<T> => {
  const r = await dispatch(core!.handlers, channel, input, { transport: 'test', connection: 'test' }, log);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.data as T;
};
const callRaw = (channel: string, input: unknown) =>
  dispatch(core!.handlers, channel, input, { transport: 'test', connection: 'test' }, log);

/** A loopback port nothing listens on: a connection test there fails fast with NETWORK. */
const closedPort = async (): Promise<number> => {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
};

const customProfile = async (port: number) =>
  call<Profile>('profiles:save', {
    name: 'Local gateway',
    environment: 'custom',
    customBaseUrl: `http://127.0.0.1:${port}`,
    merchantId: 'Test-Integration-Merchant',
    applicationKey: 'Sandbox',
  });

describe('desk core', () => {
  it('a new desk opens on the embedded sandbox with the sample secret and nothing to configure', async () => {
    await start();
    const info = await call<{ environment: string; keychainAvailable: boolean; connection: string; host: string }>(
      'app:info',
      {},
    );
    expect(info).toMatchObject({
      environment: 'embedded-sandbox',
      keychainAvailable: true,
      connection: 'unknown',
      host: 'browser-host',
    });
    const { profiles, activeProfileId } = await call<ProfilesState>('profiles:list', {});
    expect(profiles).toHaveLength(1);
    const status = await call<CredentialStatus>('credentials:status', { profileId: activeProfileId });
    expect(status).toMatchObject({ hasSecret: true, storage: 'sample', keychainAvailable: true });
  });

  it('stores the secret in the keychain, and no channel result, log line or data-folder file ever contains it', async () => {
    // The whole one-desk composition, so the PGlite store, intake and simulator files are searched too.
    await start(undefined, true);
    const profile = await customProfile(await closedPort());
    const secret = `s3cret-${randomBytes(12).toString('hex')}`;

    const set = await call<CredentialStatus>('credentials:set', { profileId: profile.id, secret });
    expect(set).toMatchObject({ hasSecret: true, storage: 'keychain' });
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBe(secret);
    await call('profiles:activate', { id: profile.id });

    // Every channel, including ones other domains add later: none may echo the secret.
    const inputs: Partial<Record<Channel, unknown>> = {
      'app:info': {},
      'profiles:list': {},
      'profiles:save': {
        id: profile.id,
        name: 'Local gateway',
        environment: 'custom',
        customBaseUrl: profile.customBaseUrl,
        merchantId: 'Test-Integration-Merchant',
        applicationKey: 'Sandbox',
      },
      'profiles:activate': { id: profile.id },
      'credentials:status': { profileId: profile.id },
      'credentials:test': { profileId: profile.id },
      'credentials:set': { profileId: profile.id, secret },
    };
    const answers: unknown[] = [];
    for (const ch of CHANNELS) {
      if (ch === 'profiles:remove' || ch === 'credentials:clear') continue;
      answers.push(await callRaw(ch, inputs[ch] ?? {}));
    }
    // A bad call that mentions the secret must not echo it either.
    answers.push(await callRaw('credentials:set', { profileId: 'no-such-profile', secret }));
    const wire = JSON.stringify(answers);
    expect(wire).toContain('Local gateway');
    expect(wire).not.toContain(secret);

    const tested = answers[
      CHANNELS.filter((c) => c !== 'profiles:remove' && c !== 'credentials:clear').indexOf('credentials:test')
    ] as { ok: boolean; data: { code: string } };
    expect(tested.data.code).toBe('NETWORK');

    expect(log.lines.length).toBeGreaterThan(3);
    expect(log.lines.join('\n')).not.toContain(secret);

    const files = await filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('profiles.json'))).toBe(true);
    expect(files.some((f) => f.includes(join(dataDir, 'store')))).toBe(true);
    for (const f of files) expect((await readFile(f)).includes(Buffer.from(secret)), f).toBe(false);

    const cleared = await call<CredentialStatus>('credentials:clear', { profileId: profile.id });
    expect(cleared).toMatchObject({ hasSecret: false, storage: 'none' });
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBeNull();
  });

  it('removing a profile also removes its secret from the keychain', async () => {
    await start();
    const profile = await customProfile(await closedPort());
    await call('credentials:set', { profileId: profile.id, secret: 'to-be-removed-with-profile' });
    const state = await call<ProfilesState>('profiles:remove', { id: profile.id });
    expect(state.profiles.map((p) => p.id)).not.toContain(profile.id);
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBeNull();
  });

  it('moving a profile to another host forgets its secret, so signed money requests never reach the new host with it', async () => {
    await start();
    const profile = await customProfile(await closedPort());
    await call('credentials:set', { profileId: profile.id, secret: 'bound-to-the-first-host' });
    // Renaming it keeps the secret: the host is the same.
    await call('profiles:save', { ...profile, name: 'Renamed gateway' });
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBe('bound-to-the-first-host');

    await call('profiles:save', { ...profile, customBaseUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBeNull();
    expect(await call<CredentialStatus>('credentials:status', { profileId: profile.id })).toMatchObject({
      hasSecret: false,
    });

    await call('credentials:set', { profileId: profile.id, secret: 'bound-to-the-first-host' });
    await call('profiles:save', { ...profile, environment: 'praxis-sandbox', customBaseUrl: undefined });
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBeNull();
  });

  it("moving a profile to another work store forgets its secret and store password: that store's operators would decide who uses them", async () => {
    await start();
    const profile = await customProfile(await closedPort());
    const onStoreA = await call<Profile>('profiles:save', {
      ...profile,
      storeUrl: 'postgres://desk@127.0.0.1:5432/store_a',
    });
    await call('credentials:set', { profileId: profile.id, secret: 'bound-to-store-a' });
    await call('credentials:set', { profileId: profile.id, secret: 'store-a-password', which: 'store-password' });
    await call('profiles:save', { ...onStoreA, name: 'Renamed, same store' });
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBe('bound-to-store-a');

    await call('profiles:save', { ...onStoreA, storeUrl: 'postgres://desk@127.0.0.1:5432/store_b' });
    expect(await keytar.getPassword(service, `${profile.id}/merchant-secret`)).toBeNull();
    expect(await keytar.getPassword(service, `${profile.id}/store-password`)).toBeNull();
  });

  it('refusing to remove the last profile leaves its secret in the keychain', async () => {
    await start();
    await call('credentials:set', { profileId: 'embedded-sandbox', secret: 'kept-when-removal-refused' });
    expect(await callRaw('profiles:remove', { id: 'embedded-sandbox' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await keytar.getPassword(service, 'embedded-sandbox/merchant-secret')).toBe('kept-when-removal-refused');
    await call('credentials:clear', { profileId: 'embedded-sandbox' });
  });

  it('answers bad input with what was wrong and what to do, and changes nothing', async () => {
    await start();
    const empty = await callRaw('credentials:set', { profileId: 'embedded-sandbox', secret: '' });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('The secret is empty') },
    });
    const padded = await callRaw('credentials:set', { profileId: 'embedded-sandbox', secret: ' pasted-with-space ' });
    expect(padded).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('without surrounding spaces') },
    });
    const insecure = await callRaw('profiles:save', {
      name: 'Plain',
      environment: 'custom',
      customBaseUrl: 'http://gw.example.com',
      merchantId: 'm',
      applicationKey: 'k',
    });
    expect(insecure).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('https') },
    });
    const missing = await callRaw('credentials:status', { profileId: 'ghost' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('ghost') },
    });
    expect((await call<ProfilesState>('profiles:list', {})).profiles).toHaveLength(1);
  });

  it('a profile without a secret tests as NO_CREDENTIALS and says where to enter it', async () => {
    await start();
    const p = await call<Profile>('profiles:save', {
      name: 'Real sandbox',
      environment: 'praxis-sandbox',
      merchantId: 'm-1',
      applicationKey: 'k-1',
    });
    const result = await call<{ ok: boolean; code: string; message: string; baseUrl: string }>('credentials:test', {
      profileId: p.id,
    });
    expect(result).toMatchObject({ ok: false, code: 'NO_CREDENTIALS', baseUrl: 'https://pci-gw-test.praxispay.com' });
    expect(result.message).toContain('Settings › Credentials');
  });

  it('emits profile changes, and connection changes for the active profile only', async () => {
    await start();
    const seen: string[] = [];
    core!.events.on('event:profiles-changed', (s) => seen.push(`profiles:${s.profiles.length}`));
    core!.events.on('event:connection-changed', (c) => seen.push(`connection:${c.state}`));
    const p = await customProfile(await closedPort());
    await call('credentials:set', { profileId: p.id, secret: 'not-active-yet' });
    await call('credentials:test', { profileId: p.id });
    await call('profiles:activate', { id: p.id });
    await call('credentials:test', { profileId: p.id });
    expect(seen).toEqual(['profiles:2', 'profiles:2', 'connection:failing']);
    expect((await call<{ connection: string }>('app:info', {})).connection).toBe('failing');
  });

  it('without a keychain, keeps the secret in memory and tells the UI why', async () => {
    await start(
      createMemorySecretStore(
        'The system keychain is not available (test). Secrets are kept in memory for this run only.',
      ),
    );
    const p = await customProfile(await closedPort());
    const status = await call<CredentialStatus>('credentials:set', { profileId: p.id, secret: 'memory-only-secret' });
    expect(status).toMatchObject({
      hasSecret: true,
      storage: 'memory',
      keychainAvailable: false,
      keychainMessage: expect.stringContaining('memory for this run only'),
    });
    const info = await call<{ keychainAvailable: boolean; keychainMessage: string }>('app:info', {});
    expect(info.keychainAvailable).toBe(false);
    expect(info.keychainMessage).toContain('not available');
    for (const f of await filesUnder(dataDir))
      expect((await readFile(f, 'utf8')).includes('memory-only-secret')).toBe(false);
  });

  it('the full desk starts the sandbox simulator and intake on loopback, tests OK, and fills the queues from notifications', async () => {
    await start(undefined, true);
    const queued: string[] = [];
    core!.events.on('event:queue-changed', (c) => queued.push(c.queue));
    const info = await call<{ simulatorUrl: string; intakeUrl: string; baseUrl: string }>('app:info', {});
    expect(info.simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.intakeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/praxis\/notification$/);
    expect(info.baseUrl).toBe(info.simulatorUrl);

    const result = await call<{ ok: boolean; code: string; latencyMs: number }>('credentials:test', {
      profileId: 'embedded-sandbox',
    });
    expect(result).toMatchObject({ ok: true, code: 'OK' });
    expect((await call<{ connection: string }>('app:info', {})).connection).toBe('ok');

    await expect.poll(() => queued.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(queued.every((q) => ['payouts', 'deposits', 'terminal'].includes(q))).toBe(true);
  });

  it("the embedded sandbox's timed arrivals follow the desk's setting: none when off, new work when on", async () => {
    const bookSize = async () => {
      const { simulatorUrl } = await call<{ simulatorUrl: string }>('app:info', {});
      const res = await fetch(`${simulatorUrl}/_sim/transactions`);
      return ((await res.json()) as { transactions: unknown[] }).transactions.length;
    };
    await start(createMemorySecretStore('test'), true, null);
    const seeded = await bookSize();
    await new Promise((r) => setTimeout(r, 600));
    expect(await bookSize()).toBe(seeded);
    await core!.close();

    await start(createMemorySecretStore('test'), true, 100);
    await expect.poll(bookSize, { timeout: 5_000 }).toBeGreaterThan(seeded);
  });

  it('a wrong secret for the sandbox tests as wrong credentials, in plain words', async () => {
    await start(undefined, true);
    await call('credentials:set', { profileId: 'embedded-sandbox', secret: 'NotTheSandboxSecret' });
    const result = await call<{ ok: boolean; code: string; message: string }>('credentials:test', {
      profileId: 'embedded-sandbox',
    });
    expect(result).toMatchObject({ ok: false, code: 'AUTH' });
    expect(result.message).toContain('check merchant_id, application_key and the merchant secret');
    await call('credentials:clear', { profileId: 'embedded-sandbox' });
  });
});
