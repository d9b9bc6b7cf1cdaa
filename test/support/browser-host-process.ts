import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A browser host run as a person runs it, in one Node process of its own (tsx loaded in place, no wrapper). */
export interface HostProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
  /** The URL it prints once ready, or null if it ended first. */
  ready: Promise<string | null>;
  /** Its exit code (null when a signal ended it), once it has ended. */
  exited: Promise<number | null>;
}

export function startHostProcess(dataDir: string): HostProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/browser-host-cli.ts', '--data-dir', dataDir]);
  let printed = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string | null>((resolve) => {
    const look = (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(printed)?.[0];
      if (url) resolve(url);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    void exited.then(() => resolve(null));
  });
  return { child, output: () => printed, ready, exited };
}

/** Ends a host that is still running and waits for it; SIGKILL after `graceMs`, so a test never hangs on it. */
export async function stopHostProcess(host: HostProcess, graceMs = 20_000): Promise<void> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return;
  host.child.kill('SIGTERM');
  const timer = setTimeout(() => host.child.kill('SIGKILL'), graceMs);
  await host.exited;
  clearTimeout(timer);
}
