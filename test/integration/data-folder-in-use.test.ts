import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostProcess, stopHostProcess, type HostProcess } from '../support/browser-host-process';

// Two PGlite instances on one folder can corrupt it: a desk owns its data folder while it runs.
const hosts: HostProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await stopHostProcess(host);
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

function start(dataDir: string): HostProcess {
  const host = startHostProcess(dataDir);
  hosts.push(host);
  return host;
}

describe('one desk per data folder', () => {
  it('a second desk on a folder in use refuses to start, naming the folder and the process; a killed desk does not block the next, nor does one that closed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'desk-in-use-'));
    folders.push(dataDir);

    const first = start(dataDir);
    expect(await first.ready, first.output()).not.toBeNull();

    const second = start(dataDir);
    expect(await second.ready, second.output()).toBeNull();
    expect(await second.exited).toBe(1);
    const refusal =
      second
        .output()
        .split('\n')
        .find((line) => line.includes('in use')) ?? second.output();
    expect(refusal).toContain(dataDir);
    expect(refusal).toContain(`process ${first.child.pid}`);

    // A desk killed outright leaves its lock behind; the next start takes it over at once.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = start(dataDir);
    expect(await third.ready, third.output()).not.toBeNull();

    // A normal close releases the folder.
    await stopHostProcess(third);
    expect(third.child.exitCode).toBe(0);
    const fourth = start(dataDir);
    expect(await fourth.ready, fourth.output()).not.toBeNull();
  }, 180_000);
});
