import { z } from 'zod';
import {
  ENVIRONMENTS,
  type AppInfo,
  type ClockOff,
  type ConnectionTestResult,
  type CredentialStatus,
  type Profile,
  type ProfilesState,
} from '../domain';
import type { Result } from '../errors';
import type { ExpiringHold } from '../captures';
import { capturesContract } from './captures-contract';
import { payoutsContract } from './payouts-contract';
import { lookupContract } from './lookup-contract';
import { accessContract } from './access-contract';
import { auditContract } from './audit-contract';
import { terminalContract } from './terminal-contract';
import { teamStoreUrlProblem } from '../team-store-url';

/**
 * The one IPC contract: every channel, its zod input schema and its result type. Main (Electron IPC) and
 * the browser host both dispatch through the core command table keyed by these channels; the preload and
 * the browser client both expose them as named per-domain methods (`desk.profiles.save(...)`).
 */
const channel = <S extends z.ZodType, R>(input: S) => ({ input, result: undefined as unknown as R });

const NoInput = z.object({}).strict();
const ProfileId = z.string().min(1).max(64);

export const ProfileInput = z
  .object({
    id: ProfileId.optional(),
    name: z.string().trim().min(1, 'Give the profile a name').max(60),
    environment: z.enum(ENVIRONMENTS),
    customBaseUrl: z.string().max(2048).url('Custom URL must be a full URL such as https://gw.example.com').optional(),
    merchantId: z.string().trim().min(1, 'merchant_id is required').max(50),
    applicationKey: z.string().trim().min(1, 'application_key is required').max(32),
    notificationUrl: z.string().max(2048).url('Notification URL must be a full URL').optional(),
    /** A team's shared PostgreSQL store (no password: that is kept in the keychain); absent = this desk's own store. */
    storeUrl: z
      .string()
      .trim()
      .max(2048)
      .superRefine((url, ctx) => {
        const problem = teamStoreUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  })
  .strict()
  .refine((p) => p.environment !== 'custom' || !!p.customBaseUrl, {
    message: 'A custom environment needs its base URL',
    path: ['customBaseUrl'],
  });

/** Which write-only credential of a profile: the merchant secret (default) or, on a team store, the database password. */
const CredentialKind = z.enum(['merchant-secret', 'store-password']).optional();

const CredentialSetInput = z
  .object({ profileId: ProfileId, secret: z.string().min(1, 'The secret is empty').max(256), which: CredentialKind })
  .strict();
const CredentialClearInput = z.object({ profileId: ProfileId, which: CredentialKind }).strict();

export const contract = {
  'app:info': channel<typeof NoInput, AppInfo>(NoInput),

  'profiles:list': channel<typeof NoInput, ProfilesState>(NoInput),
  'profiles:save': channel<typeof ProfileInput, Profile>(ProfileInput),
  'profiles:remove': channel<z.ZodObject<{ id: typeof ProfileId }>, ProfilesState>(
    z.object({ id: ProfileId }).strict(),
  ),
  'profiles:activate': channel<z.ZodObject<{ id: typeof ProfileId }>, ProfilesState>(
    z.object({ id: ProfileId }).strict(),
  ),

  // Write-only: there is deliberately no channel that returns a secret.
  'credentials:status': channel<z.ZodObject<{ profileId: typeof ProfileId }>, CredentialStatus>(
    z.object({ profileId: ProfileId }).strict(),
  ),
  'credentials:set': channel<typeof CredentialSetInput, CredentialStatus>(CredentialSetInput),
  'credentials:clear': channel<typeof CredentialClearInput, CredentialStatus>(CredentialClearInput),
  'credentials:test': channel<z.ZodObject<{ profileId: typeof ProfileId }>, ConnectionTestResult>(
    z.object({ profileId: ProfileId }).strict(),
  ),

  ...payoutsContract,
  ...capturesContract,
  ...lookupContract,
  ...accessContract,
  ...auditContract,
  ...terminalContract,
} as const;

export type Channel = keyof typeof contract;
export type InputOf<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type ResultOf<C extends Channel> = (typeof contract)[C]['result'];
export const CHANNELS = Object.keys(contract) as Channel[];

/** Pushes from the core to every open window. */
export interface DeskEvents {
  'event:queue-changed': { queue: 'payouts' | 'deposits' | 'terminal'; ids: string[] };
  'event:connection-changed': { state: 'ok' | 'failing'; message: string };
  /** The active profile's host refused the desk's clock (clockOff set) or answered normally again (null). */
  'event:clock-changed': { clockOff: ClockOff | null };
  'event:profiles-changed': ProfilesState;
  'event:bulk-progress': {
    action: 'approve' | 'reject' | 'capture' | 'void';
    /** The queue the bulk runs on (absent: payouts, as before captures existed). */
    queue?: 'payouts' | 'deposits';
    done: number;
    total: number;
  };
  'event:lookup-progress': { done: number; total: number };
  /** Holds that entered their last 24 hours: each announced once, ever (the store remembers, across restarts). */
  'event:holds-expiring': { items: ExpiringHold[] };
  /** Open one item in its queue's screen (the desktop notification about it was clicked). */
  'event:open-item': { queue: 'payouts' | 'deposits'; tid: number };
}
export type DeskEventName = keyof DeskEvents;
export const EVENT_NAMES: DeskEventName[] = [
  'event:queue-changed',
  'event:connection-changed',
  'event:clock-changed',
  'event:profiles-changed',
  'event:bulk-progress',
  'event:lookup-progress',
  'event:holds-expiring',
  'event:open-item',
];

// ---- the renderer-facing API shape, derived from the contract ----

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;

// A channel whose input is an empty object may be called with no argument.
type Method<C extends Channel> =
  Record<string, never> extends InputOf<C>
    ? (input?: InputOf<C>) => Promise<Result<ResultOf<C>>>
    : (input: InputOf<C>) => Promise<Result<ResultOf<C>>>;

export type DeskApi = {
  [D in Domain]: { [C in Channel as C extends `${D}:${infer M}` ? CamelCase<M> : never]: Method<C> };
} & {
  events: { on<E extends DeskEventName>(name: E, listener: (payload: DeskEvents[E]) => void): () => void };
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Builds `window.desk` from a transport. Used by the preload (ipcRenderer.invoke) and by the browser
 * host's client (WebSocket); both expose only these named methods, never a generic invoke.
 */
export function buildDeskApi(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
  subscribe: (name: DeskEventName, listener: (payload: unknown) => void) => () => void,
): DeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const ch of CHANNELS) {
    const [domain, method] = ch.split(':') as [string, string];
    (api[domain] ??= {})[camel(method)] = (input?: unknown) => invoke(ch, input ?? {});
  }
  api.events = {
    on: (name: DeskEventName, listener: (payload: unknown) => void) => {
      if (!EVENT_NAMES.includes(name)) throw new Error(`Unknown event ${name}`);
      return subscribe(name, listener);
    },
  };
  return api as unknown as DeskApi;
}
