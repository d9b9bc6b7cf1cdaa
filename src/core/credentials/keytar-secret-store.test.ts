import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../log';
import { openKeytarSecretStore } from './keytar-secret-store';
import { merchantSecretAccount } from './secret-names';

// Runs against the real Secret Service that test/support/secret-service.ts (vitest globalSetup) makes reachable.
const service = `praxis-desk-test-${randomBytes(4).toString('hex')}`;
const account = merchantSecretAccount('profile-1');

afterAll(async () => {
  await keytar.deletePassword(service, account).catch(() => false);
});

describe('keytar SecretStore on a real Secret Service', () => {
  it('sets, replaces and clears a merchant secret in the keychain itself', async () => {
    const store = await openKeytarSecretStore({ service, log: createMemoryLogger() });
    expect(store.kind).toBe('keychain');
    expect(store.unavailableReason).toBeUndefined();

    await store.set(account, 'first-secret-value');
    expect(await keytar.getPassword(service, account)).toBe('first-secret-value');
    await store.set(account, 'second-secret-value');
    expect(await store.get(account)).toBe('second-secret-value');
    expect(await keytar.getPassword(service, account)).toBe('second-secret-value');
    await store.delete(account);
    expect(await keytar.getPassword(service, account)).toBeNull();
    expect(await store.get(account)).toBeNull();
  });

  it('a second desk start (new store, same service) finds the secret the first one saved', async () => {
    const first = await openKeytarSecretStore({ service, log: createMemoryLogger() });
    await first.set(account, 'survives-a-restart');
    const second = await openKeytarSecretStore({ service, log: createMemoryLogger() });
    expect(await second.get(account)).toBe('survives-a-restart');
    await second.delete(account);
  });

  it('falls back to memory for this run, saying why in plain words, when the D-Bus session is unreachable', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/praxis-desk-bus' };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'test/support/open-secret-store-cli.ts'],
      { env, timeout: 20_000 },
    );
    const out = JSON.parse(stdout) as { kind: string; reason: string; roundTrip: string; log: string[] };
    expect(out.kind).toBe('memory');
    expect(out.reason).toMatch(
      /keychain is not available \(.*\)\. Secrets you enter are kept in memory for this run only/,
    );
    expect(out.roundTrip).toBe('kept-in-memory-only');
    expect(out.log.join('\n')).toContain('keychain unavailable, using memory');
  });

  it('falls back to memory when the keytar native module cannot load', async () => {
    const store = await openKeytarSecretStore({
      service,
      log: createMemoryLogger(),
      loadKeytar: () => Promise.reject(new Error('was compiled against a different Node.js version')),
    });
    expect(store.kind).toBe('memory');
    expect(store.unavailableReason).toContain(
      'the keytar module could not load: was compiled against a different Node.js version',
    );
  });

  it('gives up on a keychain that never answers after the probe timeout', async () => {
    const silent = {
      getPassword: () => new Promise<string | null>(() => {}),
      setPassword: async () => {},
      deletePassword: async () => true,
    };
    const store = await openKeytarSecretStore({
      service,
      log: createMemoryLogger(),
      probeTimeoutMs: 50,
      loadKeytar: async () => silent,
    });
    expect(store.kind).toBe('memory');
    expect(store.unavailableReason).toContain('did not answer within 50 ms');
  });
});
