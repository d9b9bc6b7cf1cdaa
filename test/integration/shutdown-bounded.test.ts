import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WS_PATH, WS_TOKEN_PARAM } from '../../src/shared/ipc/ws-protocol';
import { startHostProcess, stopHostProcess, type HostProcess } from '../support/browser-host-process';

// A desk that has been worked hard must still stop when told: a second signal, or a deadline, ends it.
const children: ChildProcessWithoutNullStreams[] = [];
const hosts: HostProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const host of hosts.splice(0)) await stopHostProcess(host);
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Milliseconds from now until the child ends, with what it printed; null if it is still running after `boundMs`. */
async function endsWithin(child: ChildProcessWithoutNullStreams, boundMs: number, printed: () => string) {
  const started = Date.now();
  const ended = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), boundMs));
  const done = await Promise.race([ended, timedOut]);
  return { ms: done ? Date.now() - started : null, output: printed(), code: child.exitCode };
}

async function startHangingCli() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hanging-close-cli.ts']);
  children.push(child);
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  for await (const line of createInterface({ input: child.stdout })) if (line === 'ready') break;
  return { child, printed: () => printed };
}

describe('stopping a host', () => {
  it('a browser host with sockets still connected ends within 10 s of SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'desk-stop-'));
    folders.push(dataDir);
    const host = startHostProcess(dataDir);
    hosts.push(host);
    const url = await host.ready;
    expect(url, host.output()).not.toBeNull();
    const { origin, hash } = new URL(url!);
    const token = new URLSearchParams(hash.slice(1)).get(WS_TOKEN_PARAM)!;
    const sockets = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(`${origin.replace('http', 'ws')}${WS_PATH}?${WS_TOKEN_PARAM}=${token}`, {
              origin,
            });
            ws.once('open', () => resolve(ws));
            ws.once('error', reject);
          }),
      ),
    );
    host.child.kill('SIGTERM');
    const stop = await endsWithin(host.child, 10_000, host.output);
    for (const ws of sockets) ws.terminate();
    expect(stop.ms, stop.output).not.toBeNull();
    expect(stop.code).toBe(0);
  }, 120_000);

  it('a close that never settles: the deadline ends the process, naming what was still closing', async () => {
    const cli = await startHangingCli();
    cli.child.kill('SIGTERM');
    const stop = await endsWithin(cli.child, 15_000, cli.printed);
    expect(stop.ms, stop.output).not.toBeNull();
    expect(stop.code).toBe(1);
    expect(stop.output).toContain('still closing: the work store');
  }, 30_000);

  it('a close that never settles: a second signal, even a different one, ends the process at once', async () => {
    const cli = await startHangingCli();
    cli.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 1_200));
    cli.child.kill('SIGTERM');
    const stop = await endsWithin(cli.child, 2_000, cli.printed);
    expect(stop.ms, stop.output).not.toBeNull();
    expect(stop.output).toContain('still closing: the work store');
  }, 30_000);
});
