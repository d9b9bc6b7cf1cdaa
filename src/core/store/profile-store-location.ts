import { join } from 'node:path';
import type { Profile } from '../../shared/domain';
import { DeskError } from '../../shared/errors';
import { teamStoreUrlProblem } from '../../shared/team-store-url';
import { EMBEDDED_SANDBOX_PROFILE_ID } from '../profiles/default-profile';
import type { StoreLocation } from './work-store';

// A profile id names a folder: refuse anything that could climb out of <dataDir>/stores (profiles.json is hand-editable).
const SAFE_PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * Each profile's work belongs to one merchant account in one environment, so each has its own PGlite folder:
 * `<dataDir>/stores/<profileId>`. The embedded sandbox keeps `<dataDir>/store`, where every desk before
 * per-profile stores kept its work, so an existing store stays with the profile a first start created.
 */
export function profileStoreLocation(dataDir: string, profileId: string): StoreLocation {
  if (profileId === EMBEDDED_SANDBOX_PROFILE_ID) return { kind: 'pglite', dir: join(dataDir, 'store') };
  if (!SAFE_PROFILE_ID.test(profileId)) {
    throw new DeskError(
      'STORE',
      `Profile id "${profileId}" cannot name a store folder (letters, digits, - and _ only). Recreate the profile in Settings › Profiles.`,
    );
  }
  return { kind: 'pglite', dir: join(dataDir, 'stores', profileId) };
}

/**
 * A profile on a team's shared PostgreSQL store connects as the person's own login, with the password from the
 * keychain (never in the URL); the URL is checked again here because profiles.json can be edited by hand.
 */
export function teamStoreLocation(profile: Pick<Profile, 'name' | 'storeUrl'>, password: string | null): StoreLocation {
  const problem = teamStoreUrlProblem(profile.storeUrl ?? '');
  if (problem)
    throw new DeskError('VALIDATION', `Profile "${profile.name}": ${problem} Fix it in Settings › Profiles.`);
  return { kind: 'postgres', url: profile.storeUrl!, ...(password ? { password } : {}) };
}
