import { SANDBOX_SAMPLE, type CredentialStatus, type Profile } from '../../shared/domain';
import type { SecretStore } from '../app/desk-core-types';
import type { Logger } from '../log';
import { merchantSecretAccount, storePasswordAccount } from './secret-names';

export type CredentialKind = 'merchant-secret' | 'store-password';

export interface CredentialService {
  status(profile: Profile): Promise<CredentialStatus>;
  set(profile: Profile, secret: string, which?: CredentialKind): Promise<CredentialStatus>;
  clear(profile: Profile, which?: CredentialKind): Promise<CredentialStatus>;
  /** For the core's own signing only; never handed to a transport. */
  secretFor(profile: Profile): Promise<string | null>;
  /** The database password of a profile on a shared PostgreSQL store, for opening the store only. */
  storePasswordFor(profile: Profile): Promise<string | null>;
  /** Registers every stored secret with the logger so it is redacted from the first log line. */
  registerExisting(profiles: Profile[]): Promise<void>;
}

export function createCredentialService(store: SecretStore, log: Logger): CredentialService {
  const keychainAvailable = store.kind === 'keychain';
  const base = (profileId: string): Pick<CredentialStatus, 'profileId' | 'keychainAvailable' | 'keychainMessage'> =>
    store.unavailableReason
      ? { profileId, keychainAvailable, keychainMessage: store.unavailableReason }
      : { profileId, keychainAvailable };

  const accountOf = (profile: Profile, which: CredentialKind) =>
    which === 'store-password' ? storePasswordAccount(profile.id) : merchantSecretAccount(profile.id);
  // What the keychain last answered, per account: signing reads it per Praxis call and per notification, and a
  // keychain read costs ~1 ms and ~0.4 ms of this process's CPU over D-Bus. Set and clear keep it true; a status
  // read refreshes it, so an entry removed outside the desk stops signing once the desk has shown it gone.
  const known = new Map<string, string>();
  const stored = async (profile: Profile, which: CredentialKind = 'merchant-secret'): Promise<string | null> => {
    const account = accountOf(profile, which);
    const secret = await store.get(account);
    if (secret) {
      log.registerSecret(secret);
      known.set(account, secret);
    } else known.delete(account);
    return secret;
  };
  const kept = async (profile: Profile, which: CredentialKind = 'merchant-secret') =>
    known.get(accountOf(profile, which)) ?? stored(profile, which);

  const status = async (profile: Profile): Promise<CredentialStatus> => {
    const team = profile.storeUrl ? { hasStorePassword: !!(await stored(profile, 'store-password')) } : {};
    if (await stored(profile)) return { ...base(profile.id), hasSecret: true, storage: store.kind, ...team };
    // The embedded sandbox signs with the docs' public sample secret: nothing to configure.
    if (profile.environment === 'embedded-sandbox')
      return { ...base(profile.id), hasSecret: true, storage: 'sample', ...team };
    return { ...base(profile.id), hasSecret: false, storage: 'none', ...team };
  };

  return {
    status,
    async set(profile, secret, which = 'merchant-secret') {
      log.registerSecret(secret);
      await store.set(accountOf(profile, which), secret);
      known.set(accountOf(profile, which), secret);
      log.info(`${which} stored`, { profileId: profile.id, storage: store.kind });
      return status(profile);
    },
    async clear(profile, which) {
      // A profile's removal (no `which`) takes both with it.
      for (const kind of which ? [which] : (['merchant-secret', 'store-password'] as const)) {
        await store.delete(accountOf(profile, kind));
        known.delete(accountOf(profile, kind));
      }
      log.info(`${which ?? 'credentials'} cleared`, { profileId: profile.id });
      return status(profile);
    },
    storePasswordFor: (profile) => kept(profile, 'store-password'),
    async secretFor(profile) {
      return (await kept(profile)) ?? (profile.environment === 'embedded-sandbox' ? SANDBOX_SAMPLE.secret : null);
    },
    async registerExisting(profiles) {
      for (const p of profiles) await stored(p);
    },
  };
}
