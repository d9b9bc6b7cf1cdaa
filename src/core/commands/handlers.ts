import { DeskError } from '../../shared/errors';
import type { AppInfo, ConnectionTestResult, Profile } from '../../shared/domain';
import type { CredentialService } from '../credentials/credential-service';
import type { ProfileService } from '../profiles/profile-service';
import type { CommandHandlers } from './dispatch';

export interface HandlerDeps {
  profiles: ProfileService;
  credentials: CredentialService;
  info(): Promise<AppInfo>;
  testConnection(profileId: string): Promise<ConnectionTestResult>;
  /** Called after a profile's secret was removed with the profile. */
  onProfileRemoved?(profileId: string): Promise<void>;
}

/** The Agent API host a profile's signed requests go to, as configured (the embedded sandbox is one host). */
const praxisHostOf = (p: Profile): string => (p.environment === 'custom' ? (p.customBaseUrl ?? '') : p.environment);

/** The command table for app, profile and credential channels: thin, each line delegates to a service. */
export function createShellHandlers(
  deps: HandlerDeps,
): Pick<
  CommandHandlers,
  | 'app:info'
  | 'profiles:list'
  | 'profiles:save'
  | 'profiles:remove'
  | 'profiles:activate'
  | 'credentials:status'
  | 'credentials:set'
  | 'credentials:clear'
  | 'credentials:test'
> {
  const { profiles, credentials } = deps;
  return {
    'app:info': () => deps.info(),
    'profiles:list': async () => profiles.state(),
    'profiles:save': async (input) => {
      const before = input.id ? profiles.get(input.id) : null;
      const saved = await profiles.save(input);
      // A secret belongs to the host it was entered for: a profile moved elsewhere asks for it again. So do both
      // credentials of a profile moved to another work store: its operators, not the old store's, decide who may use
      // them there, and the old store's password must not reach another database server.
      const movedStore = (before?.storeUrl ?? null) !== (saved.storeUrl ?? null);
      if (before && (praxisHostOf(before) !== praxisHostOf(saved) || movedStore)) await credentials.clear(before);
      return saved;
    },
    'profiles:remove': async ({ id }) => {
      profiles.assertRemovable(id);
      const profile = profiles.get(id);
      // Remove the secret first: a profile must never disappear leaving its secret behind in the keychain.
      await credentials.clear(profile);
      const state = await profiles.remove(id);
      await deps.onProfileRemoved?.(id);
      return state;
    },
    'profiles:activate': async ({ id }) => profiles.activate(id),
    'credentials:status': async ({ profileId }) => credentials.status(profiles.get(profileId)),
    'credentials:set': async ({ profileId, secret, which }) => {
      if (secret.trim() !== secret) {
        throw new DeskError(
          'VALIDATION',
          'The secret starts or ends with a space, which is almost always a copy-paste slip. Paste it again without surrounding spaces.',
        );
      }
      return credentials.set(profiles.get(profileId), secret, which);
    },
    'credentials:clear': async ({ profileId, which }) =>
      credentials.clear(profiles.get(profileId), which ?? 'merchant-secret'),
    'credentials:test': ({ profileId }) => deps.testConnection(profileId),
  };
}
