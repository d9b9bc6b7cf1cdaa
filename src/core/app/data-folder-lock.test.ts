import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { lockDataFolder } from './data-folder-lock';

const log = createLogger(() => undefined);
let dataDir = '';

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A real process that takes the folder's lock, says so, and then waits to be killed. */
async function lockedByAnotherProcess(dir: string) {
  const script = `import { lockDataFolder } from './src/core/app/data-folder-lock.ts';
import { createLogger } from './src/core/log.ts';
await lockDataFolder(${JSON.stringify(dir)}, 'browser-host', createLogger(() => undefined));
console.log('locked');
setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  for await (const line of createInterface({ input: child.stdout })) if (line === 'locked') break;
  return child;
}

describe('lockDataFolder', () => {
  it('refuses a folder this process already holds, and gives it again once released', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'folder-lock-'));
    const lock = await lockDataFolder(dataDir, 'electron', log);
    await expect(lockDataFolder(dataDir, 'browser-host', log)).rejects.toThrow(
      `The data folder ${dataDir} is in use by another desk (electron, process ${process.pid}`,
    );
    await lock.release();
    expect(existsSync(join(dataDir, 'desk.lock'))).toBe(false);
    await (await lockDataFolder(dataDir, 'browser-host', log)).release();
  });

  it('names the live process that holds the folder, and takes the folder over at once when that process is killed', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'folder-lock-'));
    const holder = await lockedByAnotherProcess(dataDir);
    await expect(lockDataFolder(dataDir, 'electron', log)).rejects.toThrow(`process ${holder.pid} `);
    const ended = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await ended;
    await (await lockDataFolder(dataDir, 'electron', log)).release();
  }, 30_000);
});
