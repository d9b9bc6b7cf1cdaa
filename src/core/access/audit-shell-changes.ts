import type { Profile } from '../../shared/domain';
import type { CommandHandlers } from '../commands/dispatch';
import type { AuditInput } from '../audit/audit-log';
import { currentActor } from './actor';

type ShellChannel = 'profiles:save' | 'profiles:remove' | 'profiles:activate' | 'credentials:set' | 'credentials:clear';

/**
 * Profiles and credentials live outside the work store, yet who changed them belongs in its audit: each change is
 * appended to the active store's audit (the secret never: only that it was set or cleared, and for which profile).
 */
export function auditShellChanges(
  shell: Pick<CommandHandlers, ShellChannel>,
  deps: { profile(id: string): Profile | null; activeId(): string | null; audit(entry: AuditInput): Promise<void> },
): Pick<CommandHandlers, ShellChannel> {
  const record = (action: ShellChannel, details: Record<string, unknown>) =>
    deps.audit({
      operator: currentActor().name,
      action,
      itemKind: 'profile',
      itemId: String(details.profileId),
      details,
    });
  return {
    'profiles:save': async (input, ctx) => {
      const before = input.id ? deps.profile(input.id) : null;
      const saved = await shell['profiles:save'](input, ctx);
      await record('profiles:save', { profileId: saved.id, before, after: saved });
      return saved;
    },
    'profiles:remove': async (input, ctx) => {
      const before = deps.profile(input.id);
      const state = await shell['profiles:remove'](input, ctx);
      await record('profiles:remove', { profileId: input.id, before, after: null });
      return state;
    },
    'profiles:activate': async (input, ctx) => {
      const from = deps.activeId();
      // Written in the store being left as well as in the one arrived at: each says who moved the desk, and where.
      if (from !== input.id) await record('profiles:activate', { profileId: input.id, from });
      const state = await shell['profiles:activate'](input, ctx);
      await record('profiles:activate', { profileId: input.id, from });
      return state;
    },
    'credentials:set': async (input, ctx) => {
      const status = await shell['credentials:set'](input, ctx);
      await record('credentials:set', {
        profileId: input.profileId,
        credential: credentialName(input),
        change: 'replaced',
      });
      return status;
    },
    'credentials:clear': async (input, ctx) => {
      const status = await shell['credentials:clear'](input, ctx);
      await record('credentials:clear', {
        profileId: input.profileId,
        credential: credentialName(input),
        change: 'removed',
      });
      return status;
    },
  };
}

/**
 * Which credential a change was about, in words: as a value, not a key, because the audit log drops every key that
 * looks like a secret ("merchantSecret"), and the row then said only which profile.
 */
const credentialName = (input: { which?: string }): string =>
  input.which === 'store-password' ? 'store password' : 'merchant secret';
