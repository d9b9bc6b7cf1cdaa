import { SANDBOX_SAMPLE, type CredentialStatus, type Profile } from '../../shared/domain';
import type { SecretStore } from '../app/desk-core-types';
import type { Logger } from '../log';
import { merchantSecretAccount } from './secret-names';

export interface CredentialService {
  status(profile: Profile): Promise<CredentialStatus>;
  set(profile: Profile, secret: string): Promise<CredentialStatus>;
  clear(profile: Profile): Promise<CredentialStatus>;
  /** For the core's own signing only; never handed to a transport. */
  secretFor(profile: Profile): Promise<string | null>;
  /** Registers every stored secret with the logger so it is redacted from the first log line. */
  registerExisting(profiles: Profile[]): Promise<void>;
}

export function createCredentialService(store: SecretStore, log: Logger): CredentialService {
  const keychainAvailable = store.kind === 'keychain';
  const base = (profileId: string): Pick<CredentialStatus, 'profileId' | 'keychainAvailable' | 'keychainMessage'> =>
    store.unavailableReason
      ? { profileId, keychainAvailable, keychainMessage: store.unavailableReason }
      : { profileId, keychainAvailable };

  const stored = async (profile: Profile): Promise<string | null> => {
    const secret = await store.get(merchantSecretAccount(profile.id));
    if (secret) log.registerSecret(secret);
    return secret;
  };

  const status = async (profile: Profile): Promise<CredentialStatus> => {
    if (await stored(profile)) return { ...base(profile.id), hasSecret: true, storage: store.kind };
    // The embedded sandbox signs with the docs' public sample secret: nothing to configure.
    if (profile.environment === 'embedded-sandbox') return { ...base(profile.id), hasSecret: true, storage: 'sample' };
    return { ...base(profile.id), hasSecret: false, storage: 'none' };
  };

  return {
    status,
    async set(profile, secret) {
      log.registerSecret(secret);
      await store.set(merchantSecretAccount(profile.id), secret);
      log.info('merchant secret stored', { profileId: profile.id, storage: store.kind });
      return status(profile);
    },
    async clear(profile) {
      await store.delete(merchantSecretAccount(profile.id));
      log.info('merchant secret cleared', { profileId: profile.id });
      return status(profile);
    },
    async secretFor(profile) {
      return (await stored(profile)) ?? (profile.environment === 'embedded-sandbox' ? SANDBOX_SAMPLE.secret : null);
    },
    async registerExisting(profiles) {
      for (const p of profiles) await stored(p);
    },
  };
}
