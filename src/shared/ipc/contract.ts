import { z } from 'zod';
import {
  ENVIRONMENTS,
  type AppInfo,
  type ConnectionTestResult,
  type CredentialStatus,
  type Profile,
  type ProfilesState,
} from '../domain';
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

// The window's API and the pushed events live in desk-api.ts, which the page loads without this file's schemas.
export type { DeskApi, DeskEventName, DeskEvents, Domain } from './desk-api';
