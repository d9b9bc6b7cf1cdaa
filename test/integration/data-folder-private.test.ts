import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostProcess, stopHostProcess, type HostProcess } from '../support/browser-host-process';

// The store holds customers' names and cashier tokens, and PGlite writes its files 0666: the folders keep others out.
const hosts: HostProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await stopHostProcess(host);
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads `path` as the unprivileged `nobody` account (only root can become it): whether that account got its bytes. */
const nobodyCanRead = (path: string) =>
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'cat', path]).status === 0;

describe("the desk's data folder", () => {
  it('is its own user’s alone, with its store and log: also when an older desk left them open to every account', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'desk-private-'));
    folders.push(parent);
    // A home folder others may pass through, as Debian's default makes them.
    await chmod(parent, 0o755);
    const dataDir = join(parent, 'desk');
    // As an older desk left them: every folder readable and enterable by every account.
    for (const dir of [dataDir, join(dataDir, 'logs'), join(dataDir, 'store')]) {
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o755);
    }

    const host = startHostProcess(dataDir);
    hosts.push(host);
    expect(await host.ready, host.output()).not.toBeNull();
    // The embedded sandbox's store opens once the host is up.
    const walDir = join(dataDir, 'store', 'pg_wal');
    await waitFor(() => existsSync(walDir), 'the store opening');

    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, 'store'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 'logs'))).toBe(0o700);
    // The desk's own files are the user's alone too, so a copy that keeps modes keeps them closed.
    for (const file of ['logs/desk.log', 'desk.lock.owner.json'])
      expect(await modeOf(join(dataDir, file)), file).toBe(0o600);
    expect(await modeOf(join(dataDir, 'desk.lock')), 'the lock folder').toBe(0o700);
    if (process.getuid?.() === 0) {
      // PGlite sets its own files 0666 whatever the umask: the folder's mode is what keeps other accounts out.
      expect((await stat(join(dataDir, 'store', 'PG_VERSION'))).mode & 0o004).toBe(0o004);
      expect(nobodyCanRead(join(dataDir, 'store', 'PG_VERSION'))).toBe(false);
      expect(nobodyCanRead(join(dataDir, 'logs', 'desk.log'))).toBe(false);
    }
  });
});
