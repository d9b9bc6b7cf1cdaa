import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { DeskError } from '../../shared/errors';
import type { Logger } from '../log';

/** Who holds a data folder: written beside the lock so a refused desk can say which process to close. */
interface LockOwner {
  pid: number;
  hostname: string;
  host: string;
  since: string;
}

export interface DataFolderLock {
  release(): Promise<void>;
}

const lockDirOf = (dataDir: string) => join(dataDir, 'desk.lock');
const ownerFileOf = (dataDir: string) => join(dataDir, 'desk.lock.owner.json');

async function readOwner(dataDir: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(ownerFileOf(dataDir), 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** A process on this machine that no longer exists; EPERM means it exists under another user. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const ownerIsGone = (owner: LockOwner | null) =>
  owner !== null && owner.hostname === hostname() && owner.pid !== process.pid && isGone(owner.pid);

function inUse(dataDir: string, owner: LockOwner | null): DeskError {
  const by = owner
    ? ` by another desk (${owner.host}, process ${owner.pid} on ${owner.hostname}, since ${owner.since})`
    : ' by another desk';
  return new DeskError(
    'STORE',
    `The data folder ${dataDir} is in use${by}. Close that desk first, or give this one another data folder.`,
  );
}

/**
 * Makes `dataDir` this process's alone until `release()`: two desks on one folder would each open its PGlite
 * stores and could corrupt them. A lock whose process is gone (on this machine) is taken over at once; one whose
 * process cannot be checked (another machine) is taken over once it has not been refreshed for 10 s.
 */
export async function lockDataFolder(dataDir: string, host: string, log: Logger): Promise<DataFolderLock> {
  const attempt = () =>
    lockfile.lock(dataDir, {
      lockfilePath: lockDirOf(dataDir),
      realpath: false,
      // The default throws from a timer and ends the process; a desk that lost its lock says so and goes on.
      onCompromised: (err) => log.error('data folder lock lost', { dataDir, error: String(err) }),
    });
  let unlock: () => Promise<void>;
  try {
    unlock = await attempt();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const owner = await readOwner(dataDir);
    if (!ownerIsGone(owner)) throw inUse(dataDir, owner);
    log.warn('data folder lock left by a desk that ended without closing; taking it over', {
      dataDir,
      pid: owner!.pid,
    });
    await rm(lockDirOf(dataDir), { recursive: true, force: true });
    // Only once: a desk that won the folder meanwhile keeps it.
    unlock = await attempt().catch(async (again: NodeJS.ErrnoException) => {
      throw again.code === 'ELOCKED' ? inUse(dataDir, await readOwner(dataDir)) : again;
    });
  }
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), host, since: new Date().toISOString() };
  await writeFile(ownerFileOf(dataDir), JSON.stringify(owner)).catch(async (err: unknown) => {
    await unlock();
    throw err;
  });
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await rm(ownerFileOf(dataDir), { force: true });
      await unlock();
    },
  };
}
