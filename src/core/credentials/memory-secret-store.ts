import type { SecretStore } from '../app/desk-core-types';

/** Secrets for this run only, used when no keychain answers; deliberately never written to a file. */
export function createMemorySecretStore(unavailableReason: string): SecretStore {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    unavailableReason,
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret);
    },
    delete: async (account) => {
      secrets.delete(account);
    },
  };
}
