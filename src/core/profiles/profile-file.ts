import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ENVIRONMENTS, type ProfilesState } from '../../shared/domain';

/** profiles.json on disk: settings only, never a secret (the schema is strict, so a stray key is refused). */
const StoredProfile = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(60),
    environment: z.enum(ENVIRONMENTS),
    customBaseUrl: z.string().optional(),
    merchantId: z.string().min(1).max(50),
    applicationKey: z.string().min(1).max(32),
    // Before operators signed in, a profile named who acted; read from older files, no longer used.
    operatorName: z.string().max(32).optional(),
    notificationUrl: z.string().optional(),
    // A team's shared PostgreSQL store; checked again when opened (the file is hand-editable).
    storeUrl: z.string().optional(),
  })
  .strict();

export const ProfilesFileSchema = z
  .object({
    version: z.literal(1),
    activeProfileId: z.string().nullable(),
    profiles: z.array(StoredProfile),
  })
  .strict();

export type ProfilesFileContent = z.infer<typeof ProfilesFileSchema>;

export const PROFILES_FILE = 'profiles.json';

export type ReadProfilesOutcome =
  | { kind: 'missing' }
  | { kind: 'ok'; state: ProfilesState }
  /** The file exists but is unreadable; it was moved aside to `backupPath` so nothing is lost. */
  | { kind: 'corrupt'; reason: string; backupPath: string };

export async function readProfilesFile(dataDir: string): Promise<ReadProfilesOutcome> {
  const path = join(dataDir, PROFILES_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  let reason: string;
  try {
    const parsed = ProfilesFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const profiles = parsed.data.profiles.map(({ operatorName: _unused, ...p }) => p);
      return { kind: 'ok', state: { profiles, activeProfileId: parsed.data.activeProfileId } };
    }
    reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  } catch (err) {
    reason = `not valid JSON (${(err as Error).message})`;
  }
  const backupPath = `${path}.unreadable-${Date.now()}`;
  await rename(path, backupPath);
  return { kind: 'corrupt', reason, backupPath };
}

/** Atomic replace: write a temp file beside the target, then rename over it, so a crash never leaves half a file. */
export async function writeProfilesFile(dataDir: string, state: ProfilesState): Promise<void> {
  const path = join(dataDir, PROFILES_FILE);
  await mkdir(dirname(path), { recursive: true });
  const content: ProfilesFileContent = { version: 1, activeProfileId: state.activeProfileId, profiles: state.profiles };
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(ProfilesFileSchema.parse(content), null, 2) + '\n', { mode: 0o600 });
  await rename(tmp, path);
}
