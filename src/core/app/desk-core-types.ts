import type { RefusalLimits } from '../intake/refusal-policy';
import type { AppInfo } from '../../shared/domain';
import type { Role } from '../../shared/access';
import type { DeskEventName } from '../../shared/ipc/contract';
import type { CommandHandlers } from '../commands/dispatch';
import type { Logger } from '../log';
import type { EventListener } from './event-bus';
import type { FollowOptions } from '../terminal/terminal-follow';
import type { ResolveOptions } from '../queues/queue-kind';

/** Where merchant secrets live. Write-only from the UI's point of view: `get` is for the core alone. */
export interface SecretStore {
  /** 'keychain' when the OS keychain answered, 'memory' when it could not be reached (this run only). */
  readonly kind: 'keychain' | 'memory';
  /** Plain words for the UI when the keychain is unavailable. */
  readonly unavailableReason?: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

export interface DeskCoreOptions {
  /** The desk's data folder (profiles, PGlite store, logs). */
  dataDir: string;
  host: 'electron' | 'browser-host';
  secretStore: SecretStore;
  logger: Logger;
  /** Start the embedded sandbox simulator on a free loopback port (default true). */
  embeddedSandbox?: boolean;
  /**
   * A simulator already running for another desk, used instead of starting one: a team of desks in the sandbox
   * talks to one Praxis, as a real team does. Its notifications go to the desk that started it.
   */
  sharedSandboxUrl?: string;
  /** How often the embedded sandbox brings a new request or authorization (default 20 000 ms); null = never (tests). */
  sandboxArrivalIntervalMs?: number | null;
  /**
   * Whether the embedded sandbox starts with its book of customers, requests and holds (default true). false: only
   * what a test creates exists, so nothing else is notified, confirmed or lapses while it runs.
   */
  sandboxSeeded?: boolean;
  /** How often the desk looks for holds entering their last 24 hours (default 60 000 ms); null = only at open. */
  holdWatchIntervalMs?: number | null;
  /** How the virtual terminal polls find-order when no notification arrives (tests shorten it). */
  terminalFollow?: FollowOptions;
  /** The queues' "not applied after" rules (tests shorten their 30 minutes). */
  resolve?: ResolveOptions;
  /** How the intake logs and keeps refused notifications (defaults: 10 log lines a minute, 10,000 records). */
  intakeRefusalLimits?: RefusalLimits;
}

/** The engine both transports (Electron IPC, browser host WebSocket) dispatch into. */
export interface DeskCore {
  handlers: CommandHandlers;
  /** A window went away (a closed browser-host socket): whoever signed in there is signed out. */
  forgetConnection(connection: string): void;
  /** A listener's `to`: the one window the event is for (see event-bus.ts); absent, every window that may read it. */
  events: { on<E extends DeskEventName>(name: E, listener: EventListener<E>): () => void };
  /** The roles of whoever is signed in at the window `connection` (none: nobody): which events it may be told. */
  rolesAt(connection: string): Promise<readonly Role[]>;
  info(): Promise<AppInfo>;
  close(): Promise<void>;
}
