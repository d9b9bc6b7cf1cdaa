import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { test, type Page, type WebSocket } from '@playwright/test';
import { createDeskCore } from '../../../src/core/app/desk-core';
import type { DeskCore, SecretStore } from '../../../src/core/app/desk-core-types';
import { openKeytarSecretStore } from '../../../src/core/credentials/keytar-secret-store';
import { createMemoryLogger } from '../../../src/core/log';
import type { StoreLocation } from '../../../src/core/store/work-store';
import { createBrowserHost, type BrowserHost } from '../../../src/server/browser-host';

/** One item of the status bar (profile, environment, connection, operator, link), by its name. */
export const statusItem = (page: Page, name: string) =>
  page.getByRole('contentinfo', { name: 'Status' }).getByRole('group', { name });

export interface DeskHostHandle {
  core: DeskCore;
  host: BrowserHost;
  secretStore: SecretStore;
  logLines: string[];
  dataDir: string;
}

export interface DeskHostOptions {
  /**
   * The sandbox's timed arrivals (a new request for a random existing customer every 20 s, a test's own included).
   * Off unless the test is about them: an arrival in a test's filtered queue changes its counts.
   */
  liveArrivals?: boolean;
  /**
   * The sandbox's seeded book (default on). Off for a spec that needs Praxis silent but for its own calls: the
   * seeded items' notifications, their confirming look-ups and lapsing holds are Praxis traffic of their own.
   */
  seededSandbox?: boolean;
  /**
   * Where the profile's work store lives, read when the desk starts (default: a PGlite folder in the temp data
   * folder). A PostgreSQL store lets a spec reach the rows directly, as an insider with database access could.
   */
  store?: () => StoreLocation;
  /** Another desk's simulator to use instead of starting one (a team in the sandbox: one Praxis for every desk). */
  sharedSandboxUrl?: () => Promise<string>;
}

/**
 * Starts a real desk core (fresh temp data folder, keytar on the test Secret Service under a service name of
 * its own) and the browser host on a free port, once for the calling spec file.
 */
export function deskHostForThisFile(options: DeskHostOptions = {}): () => DeskHostHandle {
  let handle: DeskHostHandle | null = null;
  test.beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'praxis-desk-e2e-'));
    const logger = createMemoryLogger();
    const secretStore = await openKeytarSecretStore({
      service: `praxis-desk-e2e-${randomBytes(4).toString('hex')}`,
      log: logger,
    });
    const core = await createDeskCore({
      dataDir,
      host: 'browser-host',
      secretStore,
      logger,
      sandboxArrivalIntervalMs: options.liveArrivals ? undefined : null,
      sandboxSeeded: options.seededSandbox ?? true,
      ...(options.store ? { store: options.store } : {}),
      ...(options.sharedSandboxUrl ? { sharedSandboxUrl: await options.sharedSandboxUrl() } : {}),
    });
    const host = await createBrowserHost({ core, port: 0, rendererDir: 'out/renderer', logger });
    handle = { core, host, secretStore, logLines: logger.lines, dataDir };
  });
  test.afterAll(async () => {
    if (!handle) return;
    await handle.host.close();
    await handle.core.close();
    await rm(handle.dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!handle)
      throw new Error(
        'The desk host is not running: deskHostForThisFile() must be called at the top of the spec file.',
      );
    return handle;
  };
}

/** Every frame the page received over its desk sockets (and sent, kept apart), for proving what never came back. */
export function recordSocketFrames(page: Page): { received: string[]; sent: string[] } {
  const frames = { received: [] as string[], sent: [] as string[] };
  page.on('websocket', (ws: WebSocket) => {
    ws.on('framereceived', (f) => frames.received.push(String(f.payload)));
    ws.on('framesent', (f) => frames.sent.push(String(f.payload)));
  });
  return frames;
}

/** Opens the desk at its tokenised URL and waits until the frame shows the active profile. */
export async function openDesk(page: Page, desk: DeskHostHandle): Promise<void> {
  await page.goto(desk.host.url);
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  await statusItem(page, 'Profile').filter({ hasNotText: 'none' }).waitFor();
}

/** A profile's first activation creates its work store (initdb and migrations): seconds, more on a busy machine. */
export const FIRST_STORE_OPEN_MS = 40_000;

export const screenshotPath = (name: string) => `test-results/screens/${name}.png`;
