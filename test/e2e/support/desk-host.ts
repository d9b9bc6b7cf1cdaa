import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test, type Page, type WebSocket } from '@playwright/test';
import { createDeskCore } from '../../../src/core/app/desk-core';
import { dispatch } from '../../../src/core/commands/dispatch';
import type { DeskCore, SecretStore } from '../../../src/core/app/desk-core-types';
import { openKeytarSecretStore } from '../../../src/core/credentials/keytar-secret-store';
import { createMemorySecretStore } from '../../../src/core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../../src/core/log';
import type { StoreLocation } from '../../../src/core/store/work-store';
import { createBrowserHost, type BrowserHost } from '../../../src/server/browser-host';
import type { Logger } from '../../../src/core/log';
import { simCallStats } from './sim-call-stats';

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
  /** No Secret Service answers (as on a desktop without one): the desk keeps secrets in memory and says so. */
  noKeychain?: boolean;
}

/**
 * Starts a real desk core (fresh temp data folder, keytar on the test Secret Service under a service name of
 * its own) and the browser host on a free port, once for the calling spec file.
 */
export function deskHostForThisFile(options: DeskHostOptions = {}): () => DeskHostHandle {
  let handle: DeskHostHandle | null = null;
  test.beforeAll(async () => {
    // A new store's first opening, then the seeded book's replay into it.
    test.setTimeout(FIRST_STORE_OPEN_MS + SEEDED_BOOK_MS);
    const dataDir = await mkdtemp(join(tmpdir(), 'praxis-desk-e2e-'));
    const logger = createMemoryLogger();
    const secretStore = options.noKeychain
      ? createMemorySecretStore('No Secret Service answered (this test runs the desk without one).')
      : await openKeytarSecretStore({ service: `praxis-desk-e2e-${randomBytes(4).toString('hex')}`, log: logger });
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
    // The seeded book reaches the store in the background once it opened: a spec starts once it is there.
    if ((options.seededSandbox ?? true) && !options.sharedSandboxUrl) await seededBookLanded(core, logger);
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

/**
 * Waits until the embedded sandbox's seeded book has landed in the desk: opening the store starts a replay of its
 * ~160 notifications, each confirmed by a find-transaction look-up, which goes on after createDeskCore returned
 * (seconds, more on a busy machine). A spec that reads the whole queue (the seeded rows) or needs Praxis quiet would
 * otherwise race it. Landed: every open seeded item is in the desk's queues, and Praxis has answered a look-up for
 * every seeded item with none still on its way.
 */
async function seededBookLanded(core: DeskCore, logger: Logger): Promise<void> {
  const simulatorUrl = (await core.info()).simulatorUrl;
  if (!simulatorUrl) throw new Error('The desk core did not start its embedded sandbox simulator.');
  const { transactions } = (await (await fetch(`${simulatorUrl}/_sim/transactions`)).json()) as {
    transactions: { tid: number; type: string; status: string }[];
  };
  const open = transactions
    .filter(
      (t) =>
        (t.type === 'payout' && t.status === 'requested') || (t.type === 'authorization' && t.status === 'authorized'),
    )
    .map((t) => t.tid);
  const ctx = { transport: 'test', connection: 'e2e-desk-host' } as const;
  const listed = async (channel: 'payouts:list' | 'captures:list'): Promise<number[]> => {
    const res = await dispatch(core.handlers, channel, {}, ctx, logger);
    if (!res.ok) throw new Error(`${channel} failed: ${res.error.code} ${res.error.message}`);
    return (res.data as { rows: { tid: number }[] }).rows.map((r) => r.tid);
  };
  await expect
    .poll(
      async () => {
        const inQueues = new Set([...(await listed('payouts:list')), ...(await listed('captures:list'))]);
        const stats = await simCallStats(simulatorUrl);
        return {
          openItemsNotQueued: open.filter((tid) => !inQueues.has(tid)).length,
          everyItemLookedUp: (stats.served['/agent/find-transaction'] ?? 0) >= transactions.length,
          lookUpsInFlight: stats.inFlight['/agent/find-transaction'] ?? 0,
        };
      },
      { message: 'the seeded book lands in the desk', timeout: SEEDED_BOOK_MS },
    )
    .toEqual({ openItemsNotQueued: 0, everyItemLookedUp: true, lookUpsInFlight: 0 });
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
/** The seeded book's replay into a new store: about 3 s on an idle machine. */
const SEEDED_BOOK_MS = 30_000;

export const screenshotPath = (name: string) => `test-results/screens/${name}.png`;
