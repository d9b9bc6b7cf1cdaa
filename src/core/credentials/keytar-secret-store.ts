import { DeskError } from '../../shared/errors';
import type { SecretStore } from '../app/desk-core-types';
import type { Logger } from '../log';
import { createMemorySecretStore } from './memory-secret-store';

/** The part of keytar the desk uses. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  /** `praxis-desk`, or `praxis-desk-dev` when unpackaged (see keychainService). */
  service: string;
  log: Logger;
  /** How long the start-up probe may wait for the keychain before the desk falls back to memory. */
  probeTimeoutMs?: number;
  /** Loads keytar; a test can pass one that fails. Defaults to importing the native module. */
  loadKeytar?: () => Promise<KeytarLike>;
}

const PROBE_ACCOUNT = 'probe/keychain-reachable';

const importKeytar = async (): Promise<KeytarLike> => {
  const mod = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
};

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });

const explain = (cause: string): string =>
  `The system keychain is not available (${cause}). Secrets you enter are kept in memory for this run only and must be entered again after a restart.`;

/**
 * Opens the OS keychain through keytar, probing it once with a short timeout. When keytar cannot load or
 * the keychain (Secret Service, Keychain, Credential Manager) does not answer, returns a memory store that
 * says why — never a file.
 */
export async function openKeytarSecretStore(opts: KeytarStoreOptions): Promise<SecretStore> {
  const { service, log, probeTimeoutMs = 3000 } = opts;
  let keytar: KeytarLike;
  try {
    keytar = await (opts.loadKeytar ?? importKeytar)();
  } catch (err) {
    const reason = explain(`the keytar module could not load: ${(err as Error).message}`);
    log.warn('keychain unavailable, using memory', { reason });
    return createMemorySecretStore(reason);
  }
  try {
    await withTimeout(keytar.getPassword(service, PROBE_ACCOUNT), probeTimeoutMs, 'the keychain');
  } catch (err) {
    const reason = explain((err as Error).message);
    log.warn('keychain unavailable, using memory', { reason });
    return createMemorySecretStore(reason);
  }
  log.info('keychain available', { service });

  const failed = (action: string, err: unknown): DeskError =>
    new DeskError(
      'KEYCHAIN_UNAVAILABLE',
      `The system keychain refused to ${action} (${log.redact((err as Error).message ?? String(err))}). Unlock the keychain and try again; nothing was changed.`,
    );
  return {
    kind: 'keychain',
    get: async (account) => {
      try {
        return await keytar.getPassword(service, account);
      } catch (err) {
        throw failed('read the secret', err);
      }
    },
    set: async (account, secret) => {
      try {
        await keytar.setPassword(service, account, secret);
      } catch (err) {
        throw failed('store the secret', err);
      }
    },
    delete: async (account) => {
      try {
        await keytar.deletePassword(service, account);
      } catch (err) {
        throw failed('delete the secret', err);
      }
    },
  };
}
