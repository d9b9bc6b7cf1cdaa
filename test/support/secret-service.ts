import { spawn, execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';

const run = promisify(execFile);
const keytarPath = createRequire(import.meta.url).resolve('keytar');

export interface SecretServiceSession {
  /** DBUS_SESSION_BUS_ADDRESS of the bus the Secret Service answers on. */
  address: string;
  /** False when an existing Secret Service was reused (then stop() leaves it alone). */
  startedHere: boolean;
  stop(): Promise<void>;
}

/** Asks the Secret Service on `address` for a password in a child process (libsecret caches its bus per process). */
async function secretServiceAnswers(address: string): Promise<boolean> {
  const probe = `require(${JSON.stringify(keytarPath)}).getPassword('praxis-desk-test-probe','probe').then(()=>process.exit(0),()=>process.exit(1))`;
  try {
    await run(process.execPath, ['-e', probe], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
      timeout: 5000,
    });
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes a real Secret Service reachable for keytar: reuses the session's one when it answers, otherwise starts
 * a private D-Bus session bus and an unlocked gnome-keyring-daemon with their own HOME and XDG folders in a
 * temp dir, so tests never touch the developer's keychain.
 */
export async function ensureSecretService(): Promise<SecretServiceSession> {
  const existing = process.env.DBUS_SESSION_BUS_ADDRESS;
  // macOS Keychain and Windows Credential Manager need no bus: keytar reaches them directly.
  if (process.platform !== 'linux') return { address: existing ?? '', startedHere: false, stop: async () => {} };
  if (existing && (await secretServiceAnswers(existing)))
    return { address: existing, startedHere: false, stop: async () => {} };

  const root = await mkdtemp(join(tmpdir(), 'praxis-desk-keyring-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  await mkdir(home, { recursive: true });
  await mkdir(runtime, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;

  const { stdout } = await run('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    env,
    timeout: 10_000,
  }).catch((err: Error) => {
    throw new Error(
      `Could not start a private D-Bus session for the keychain tests (${err.message}). Install dbus and gnome-keyring: sudo apt-get install dbus gnome-keyring libsecret-1-dev`,
    );
  });
  const [address, pidText] = stdout.trim().split('\n');
  const busPid = Number(pidText);
  if (!address || !Number.isInteger(busPid)) throw new Error(`dbus-daemon printed no address/pid: ${stdout}`);
  env.DBUS_SESSION_BUS_ADDRESS = address;

  // --foreground keeps the daemon our child, so we stop exactly the process we started.
  const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  keyring.stdin.end('praxis-desk-test-keyring');

  const stop = async () => {
    if (keyring.exitCode === null) keyring.kill('SIGTERM');
    try {
      process.kill(busPid, 'SIGTERM');
    } catch {
      // already gone
    }
    await rm(root, { recursive: true, force: true });
  };

  for (let i = 0; i < 50; i++) {
    if (await secretServiceAnswers(address)) return { address, startedHere: true, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(
    'gnome-keyring-daemon did not answer on the private D-Bus session within 5 s. Is gnome-keyring installed (apt-get install gnome-keyring dbus)?',
  );
}

/** vitest globalSetup: every test worker inherits DBUS_SESSION_BUS_ADDRESS pointing at a working Secret Service. */
export default async function setup(): Promise<() => Promise<void>> {
  const session = await ensureSecretService();
  if (session.address) process.env.DBUS_SESSION_BUS_ADDRESS = session.address;
  return session.stop;
}
