import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { teamStoreUrlProblem } from '../../shared/team-store-url';
import { DeskError } from '../../shared/errors';
import type { Profile, ProfilesState } from '../../shared/domain';
import type { ProfileInput } from '../../shared/ipc/contract';
import type { Logger } from '../log';
import { checkCustomBaseUrl } from './base-url';
import { embeddedSandboxProfile } from './default-profile';
import { readProfilesFile, writeProfilesFile } from './profile-file';

export type ProfileDraft = z.output<typeof ProfileInput>;

export interface ProfileService {
  state(): ProfilesState;
  active(): Profile | null;
  get(id: string): Profile;
  save(draft: ProfileDraft): Promise<Profile>;
  /** Throws what remove(id) would refuse, before anything else (such as its secret) is touched. */
  assertRemovable(id: string): void;
  remove(id: string): Promise<ProfilesState>;
  activate(id: string): Promise<ProfilesState>;
  onChange(listener: (state: ProfilesState) => void): () => void;
}

const clone = (s: ProfilesState): ProfilesState => ({
  activeProfileId: s.activeProfileId,
  profiles: s.profiles.map((p) => ({ ...p })),
});

/** Profiles live in `<dataDir>/profiles.json`; a first start creates the embedded sandbox profile, active. */
export async function openProfileService(dataDir: string, log: Logger): Promise<ProfileService> {
  const read = await readProfilesFile(dataDir);
  let state: ProfilesState;
  if (read.kind === 'ok') {
    state = read.state;
  } else {
    if (read.kind === 'corrupt') {
      log.warn('profiles.json could not be read; it was kept aside and the desk starts with the embedded sandbox', {
        reason: read.reason,
        backupPath: read.backupPath,
      });
    }
    const sandbox = embeddedSandboxProfile();
    state = { profiles: [sandbox], activeProfileId: sandbox.id };
    await writeProfilesFile(dataDir, state);
  }

  const listeners = new Set<(s: ProfilesState) => void>();
  // One write at a time, in call order, so two quick saves cannot interleave their renames.
  let queue: Promise<unknown> = Promise.resolve();
  const commit = (next: ProfilesState): Promise<ProfilesState> => {
    const run = queue.then(async () => {
      await writeProfilesFile(dataDir, next);
      state = next;
      const snapshot = clone(state);
      for (const l of listeners) l(snapshot);
      return snapshot;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const get = (id: string): Profile => {
    const found = state.profiles.find((p) => p.id === id);
    if (!found)
      throw new DeskError(
        'NOT_FOUND',
        `There is no profile with id "${id}". Reload the profile list and pick one that exists.`,
      );
    return found;
  };

  const assertRemovable = (id: string): void => {
    get(id);
    if (state.profiles.length === 1) {
      throw new DeskError(
        'CONFLICT',
        'This is the only profile, and the desk needs one to work on. Add another profile first, then remove this one.',
      );
    }
  };

  const normalise = (draft: ProfileDraft, id: string): Profile => {
    const profile: Profile = {
      id,
      name: draft.name,
      environment: draft.environment,
      merchantId: draft.merchantId,
      applicationKey: draft.applicationKey,
    };
    if (draft.environment === 'custom') {
      if (!draft.customBaseUrl)
        throw new DeskError(
          'VALIDATION',
          'A custom environment needs its base URL, for example https://gw.example.com.',
        );
      profile.customBaseUrl = checkCustomBaseUrl(draft.customBaseUrl);
    }
    if (draft.notificationUrl) profile.notificationUrl = draft.notificationUrl;
    if (draft.storeUrl) {
      const problem = teamStoreUrlProblem(draft.storeUrl);
      if (problem) throw new DeskError('VALIDATION', problem, { field: 'storeUrl' });
      profile.storeUrl = draft.storeUrl;
    }
    return profile;
  };

  return {
    state: () => clone(state),
    active: () => {
      const p = state.profiles.find((x) => x.id === state.activeProfileId);
      return p ? { ...p } : null;
    },
    get: (id) => ({ ...get(id) }),
    async save(draft) {
      if (draft.id) get(draft.id);
      const id = draft.id ?? randomUUID();
      const profile = normalise(draft, id);
      const clash = state.profiles.find((p) => p.id !== id && p.name.toLowerCase() === profile.name.toLowerCase());
      if (clash)
        throw new DeskError('CONFLICT', `A profile named "${clash.name}" already exists. Choose another name.`);
      const exists = state.profiles.some((p) => p.id === id);
      const profiles = exists ? state.profiles.map((p) => (p.id === id ? profile : p)) : [...state.profiles, profile];
      await commit({ profiles, activeProfileId: state.activeProfileId ?? id });
      return { ...profile };
    },
    assertRemovable,
    async remove(id) {
      assertRemovable(id);
      const profiles = state.profiles.filter((p) => p.id !== id);
      const activeProfileId = state.activeProfileId === id ? (profiles[0]?.id ?? null) : state.activeProfileId;
      return commit({ profiles, activeProfileId });
    },
    async activate(id) {
      get(id);
      return commit({ profiles: state.profiles, activeProfileId: id });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
