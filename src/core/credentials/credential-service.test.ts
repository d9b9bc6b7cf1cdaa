import { randomBytes } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/domain';
import type { SecretStore } from '../app/desk-core-types';
import { createMemoryLogger } from '../log';
import { createCredentialService } from './credential-service';
import { openKeytarSecretStore } from './keytar-secret-store';
import { merchantSecretAccount } from './secret-names';

// Runs against the real Secret Service that test/support/secret-service.ts (vitest globalSetup) makes reachable.
const service = `praxis-desk-test-${randomBytes(4).toString('hex')}`;
const profile: Profile = {
  id: 'live-1',
  name: 'Live',
  environment: 'praxis-live',
  merchantId: 'merchant-1',
  applicationKey: 'app-1',
};

afterAll(async () => {
  await keytar.deletePassword(service, merchantSecretAccount(profile.id)).catch(() => false);
});

/** The real keychain store, counting how often the desk went to the keychain for a secret. */
async function countingKeychain(): Promise<{ store: SecretStore; reads: () => number }> {
  const real = await openKeytarSecretStore({ service, log: createMemoryLogger() });
  let reads = 0;
  const store: SecretStore = {
    kind: real.kind,
    get: (account) => {
      reads++;
      return real.get(account);
    },
    set: (account, secret) => real.set(account, secret),
    delete: (account) => real.delete(account),
  };
  return { store, reads: () => reads };
}

describe('the merchant secret for signing, on a real keychain', () => {
  it('is read from the keychain once for a thousand signatures, and a replaced or cleared secret applies at once', async () => {
    const { store, reads } = await countingKeychain();
    expect(store.kind).toBe('keychain');
    const credentials = createCredentialService(store, createMemoryLogger());
    await credentials.set(profile, 'first-secret-value');

    const before = reads();
    for (let i = 0; i < 1000; i++) expect(await credentials.secretFor(profile)).toBe('first-secret-value');
    expect(reads() - before).toBeLessThanOrEqual(1);

    await credentials.set(profile, 'second-secret-value');
    expect(await credentials.secretFor(profile)).toBe('second-secret-value');
    expect(await keytar.getPassword(service, merchantSecretAccount(profile.id))).toBe('second-secret-value');

    await credentials.clear(profile, 'merchant-secret');
    expect(await credentials.secretFor(profile)).toBeNull();
  });

  it('a secret removed outside the desk stops signing once the desk has looked (credentials status shows it gone)', async () => {
    const { store } = await countingKeychain();
    const credentials = createCredentialService(store, createMemoryLogger());
    await credentials.set(profile, 'removed-elsewhere');
    expect(await credentials.secretFor(profile)).toBe('removed-elsewhere');

    await keytar.deletePassword(service, merchantSecretAccount(profile.id));
    expect((await credentials.status(profile)).hasSecret).toBe(false);
    expect(await credentials.secretFor(profile)).toBeNull();
  });

  it('a new desk start reads what the keychain holds, not what an earlier run knew', async () => {
    const first = createCredentialService((await countingKeychain()).store, createMemoryLogger());
    await first.set(profile, 'kept-across-starts');
    const second = createCredentialService((await countingKeychain()).store, createMemoryLogger());
    expect(await second.secretFor(profile)).toBe('kept-across-starts');
  });
});
