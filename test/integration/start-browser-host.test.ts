import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { isRunning, processTree } from '../support/process-tree';

// `npm run start:browser` as a person runs it: scripts/start.mjs --browser, after the build `npm test` does first.
const started: { child: ChildProcessWithoutNullStreams; dataDir: string }[] = [];

afterEach(async () => {
  for (const { child, dataDir } of started.splice(0)) {
    // Its data folder goes only once the script and the host have both ended: the host writes its log as it closes.
    const tree = processTree(child.pid!);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await allEnded(tree);
    await rm(dataDir, { recursive: true, force: true });
  }
});

async function allEnded(pids: number[], timeoutMs = 30_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; pids.some(isRunning); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > until)
      throw new Error(
        `processes ${pids.filter(isRunning).join(', ')} were still running ${timeoutMs / 1000} s after SIGTERM`,
      );
  }
}

/** The URL the host prints last, or the reason it never did. */
async function printedUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(line)?.[0];
    if (url) return url;
  }
  throw new Error(`the browser host ended without printing its URL: ${stderr}`);
}

/** A process's command line; empty for one that ended since the tree was read (npx's short-lived helpers). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

const environOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');

describe('npm run start:browser', () => {
  it.skipIf(!existsSync('/proc/self/environ'))(
    "serves the desk, its Node started with the host's memory settings and the person's own NODE_OPTIONS kept",
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'desk-start-browser-'));
      const child = spawn(process.execPath, ['scripts/start.mjs', '--browser', '--data-dir', dataDir], {
        env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
        detached: true,
      });
      started.push({ child, dataDir });

      const url = await printedUrl(child);
      const page = await fetch(new URL('/', url));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Praxis Desk</title>');

      const host = processTree(child.pid!).filter((pid) => commandLine(pid).includes('browser-host-cli'));
      expect(host.length).toBeGreaterThan(0);
      const env = environOf(host[host.length - 1]!);
      expect(env).toContain('MALLOC_MMAP_THRESHOLD_=131072');
      const nodeOptions = env.find((e) => e.startsWith('NODE_OPTIONS=')) ?? '';
      expect(nodeOptions).toContain('--no-deprecation');
      expect(nodeOptions).toContain('--max-semi-space-size=4');
    },
    120_000,
  );

  it.skipIf(!existsSync('/proc/self/environ'))(
    'a SIGTERM to the start script alone ends the desk too, so the data folder is free for the next start',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'desk-start-browser-'));
      const child = spawn(process.execPath, ['scripts/start.mjs', '--browser', '--data-dir', dataDir], {
        detached: true,
      });
      started.push({ child, dataDir });
      await printedUrl(child);
      const tree = processTree(child.pid!);
      expect(tree.some((pid) => commandLine(pid).includes('browser-host-cli'))).toBe(true);

      process.kill(child.pid!, 'SIGTERM');
      await allEnded(tree);
    },
    120_000,
  );
});
