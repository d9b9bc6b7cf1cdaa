import type { ErrorCode } from './errors';

/** Where a profile sends its Agent API calls. */
export const ENVIRONMENTS = ['embedded-sandbox', 'praxis-sandbox', 'praxis-live', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const PRAXIS_HOSTS = {
  'praxis-sandbox': 'https://pci-gw-test.praxispay.com',
  'praxis-live': 'https://gw.praxisgate.com',
} as const;

/** The documentation's public sample credentials, used by the embedded sandbox (never real ones). */
export const SANDBOX_SAMPLE = {
  merchantId: 'Test-Integration-Merchant',
  applicationKey: 'Sandbox',
  secret: 'MerchantSecretKey',
} as const;

export interface Profile {
  id: string;
  name: string;
  environment: Environment;
  /** Only for `custom`: an https URL (loopback http allowed for testing). */
  customBaseUrl?: string;
  merchantId: string;
  applicationKey: string;
  /** Public URL of this desk's or team's intake, sent as notification_url; absent = poll find-order. */
  notificationUrl?: string;
  /** A team's shared PostgreSQL store, postgres://<own login>@host/db (never a password); absent = own PGlite store. */
  storeUrl?: string;
}

export interface ProfilesState {
  profiles: Profile[];
  activeProfileId: string | null;
}

export type SecretStorage = 'keychain' | 'memory' | 'sample' | 'none';

export interface CredentialStatus {
  profileId: string;
  hasSecret: boolean;
  /** keychain = OS keychain; memory = this run only (no keychain); sample = embedded sandbox's public sample. */
  storage: SecretStorage;
  keychainAvailable: boolean;
  /** Plain words for the UI when the keychain is unavailable. */
  keychainMessage?: string;
  /** Only for a profile on a shared PostgreSQL store: whether its database password is stored (never the password). */
  hasStorePassword?: boolean;
}

export interface ConnectionTestResult {
  ok: boolean;
  code: 'OK' | ErrorCode;
  message: string;
  /** Seconds our clock is ahead (+) or behind (-) Praxis, when Praxis told us. */
  skewSeconds?: number;
  latencyMs: number;
  baseUrl: string;
}

export type ConnectionState = 'unknown' | 'ok' | 'failing';

export interface AppInfo {
  version: string;
  /** 'electron' or 'browser-host'. */
  host: 'electron' | 'browser-host';
  environment: Environment | null;
  baseUrl: string | null;
  /** Loopback URL of the embedded sandbox simulator, when it runs. */
  simulatorUrl: string | null;
  /** Where the intake listens, when it runs. */
  intakeUrl: string | null;
  keychainAvailable: boolean;
  keychainMessage?: string;
  connection: ConnectionState;
  /** Praxis refused this desk's timestamp on the active profile's host, and no normal answer came since. */
  clockOff: ClockOff | null;
}

/** How far this computer's clock is from Praxis's, as Praxis's last refusal showed. */
export interface ClockOff {
  /** Seconds ahead (+) or behind (−) Praxis; null when Praxis did not say. */
  skewSeconds: number | null;
}
