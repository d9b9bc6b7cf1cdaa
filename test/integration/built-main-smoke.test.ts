/**
 * Smoke test of the BUILT main process and preload (out/main, out/preload) where no Electron binary runs: the
 * `electron` module is replaced by a named stand-in (test/support/electron-stand-in.ts) that records what the
 * composition root asks of Electron. Checks that it wires the core, the IPC gate, the guards and the window.
 * The `_electron` tests (test/electron) stay the real proof where a binary exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { StandInWebContents, invokeFrom, standIn } from '../support/electron-stand-in';

vi.mock('electron', async () => (await import('../support/electron-stand-in')).electronStandIn);

const MAIN = resolve('out/main/index.js');
const PRELOAD = resolve('out/preload/index.cjs');
let userData: string;
type Desk = Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean; data?: unknown }>>>;
let desk: Desk;

/** Runs the built preload as Electron runs a sandboxed one: its `require` knows only `electron`. */
function runPreload(): void {
  const module = { exports: {} };
  const sandboxedRequire = (name: string) => {
    if (name !== 'electron') throw new Error(`A sandboxed preload cannot require "${name}".`);
    return standIn.preloadElectron;
  };
  new Function('require', 'module', 'exports', readFileSync(PRELOAD, 'utf8'))(sandboxedRequire, module, module.exports);
}

beforeAll(async () => {
  for (const built of [MAIN, PRELOAD])
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does).`);
  userData = await mkdtemp(join(tmpdir(), 'built-main-smoke-'));
  process.env.PRAXIS_DESK_USER_DATA_DIR = userData;
  process.env.PRAXIS_DESK_SANDBOX_ARRIVALS = 'off';
  await import(pathToFileURL(MAIN).href);
  await vi.waitFor(() => expect(standIn.windows).toHaveLength(1), { timeout: 60_000 });
  runPreload();
  desk = standIn.exposed.desk as Desk;
}, 120_000);

afterAll(async () => {
  // Quitting stops the simulator, intake and store before the process would go.
  standIn.app.emit('will-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(standIn.app.quitCalls).toBeGreaterThan(0), { timeout: 30_000 });
  delete process.env.PRAXIS_DESK_USER_DATA_DIR;
  delete process.env.PRAXIS_DESK_SANDBOX_ARRIVALS;
  await rm(userData, { recursive: true, force: true });
});

describe('the built main process and preload, on a stand-in for electron', () => {
  it('opens one hardened window on the built renderer, with the preload and the resources/ icon', () => {
    const [win] = standIn.windows;
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(prefs.preload).toBe(PRELOAD);
    expect(win!.options.icon).toBe(resolve('resources/icon.png'));
    expect(existsSync(win!.options.icon as string)).toBe(true);
    expect(win!.loadedFile).toBe(resolve('out/renderer/index.html'));
    expect(standIn.userData).toBe(userData);
  });

  it('the preload exposes named per-domain methods only, and they reach the core through the gate', async () => {
    expect(Object.keys(desk).sort()).toEqual([...new Set([...CHANNELS.map((c) => c.split(':')[0]!), 'events'])].sort());
    expect(desk).not.toHaveProperty('invoke');
    expect(standIn.handlers.size).toBe(CHANNELS.length);
    const info = await desk.app!.info!();
    expect(info).toMatchObject({ ok: true, data: { host: 'electron', environment: 'embedded-sandbox' } });
    expect((info.data as { simulatorUrl: string }).simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("the IPC gate drops other senders and other frames, and parses input with the channel's schema", async () => {
    const stranger = new StandInWebContents();
    stranger.url = standIn.windows[0]!.webContents.url;
    expect(await invokeFrom(stranger, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    const ours = standIn.windows[0]!.webContents;
    expect(await invokeFrom(ours, 'app:info', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'AUTH' },
    });
    expect(await desk.credentials!.set!({ profileId: 5, secret: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('the guards deny new windows, navigation away, webviews and every permission, and set the CSP', () => {
    const contents = standIn.windows[0]!.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
    contents.emit('will-navigate', event('away'), 'https://example.com/');
    contents.emit('will-navigate', event('ours'), contents.url);
    contents.emit('will-attach-webview', event('webview'));
    expect(prevented).toEqual(['away', 'webview']);

    const granted: boolean[] = [];
    standIn.permissionRequestHandler!({}, 'media', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(standIn.permissionCheckHandler!()).toBe(false);
    let headers: Record<string, string[]> = {};
    standIn.headersHandler!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => {
      headers = r.responseHeaders;
    });
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
  });

  it("the core's events reach the window: the sandbox's book fills the payout queue", async () => {
    const sent = standIn.windows[0]!.webContents.sent;
    await vi.waitFor(() => expect(sent.some((m) => m.name === 'event:queue-changed')).toBe(true), {
      timeout: 30_000,
    });
  });

  it('holds entering their last 24 hours raise a desktop notification; clicking it asks the window to open the hold', async () => {
    // Praxis sends no created_at, so the sandbox's holds start their countdown when the desk first hears of them:
    // a one-hour window puts every one of them in its last 24 hours, and a new hold makes the desk look at once.
    const settings = await desk['capture-settings']!.get!();
    await desk['capture-settings']!.save!({
      ...(settings.data as object),
      holdWindows: [{ key: 'default', label: 'One hour (test)', cardType: null, paymentMethod: null, minutes: 60 }],
    });
    const { simulatorUrl } = (await desk.app!.info!()).data as { simulatorUrl: string };
    await fetch(`${simulatorUrl}/_sim/authorizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cid: 'smoke-hold', currency: 'KWD', amount: 1_250 }),
    });
    await vi.waitFor(() => expect(standIn.notifications.length).toBeGreaterThan(0), { timeout: 45_000 });
    const [n] = standIn.notifications;
    expect(n!.options.title).toMatch(/lapses? within 24 hours/);
    expect(n!.options.body).toMatch(/lapses in 5\d min/);
    n!.emit('click');
    // Told once the window's role is checked (event-readers.ts): a manager's, in the sandbox.
    await vi.waitFor(() =>
      expect(standIn.windows[0]!.webContents.sent.find((m) => m.name === 'event:open-item')?.payload).toMatchObject({
        queue: 'deposits',
        tid: expect.any(Number),
      }),
    );
  }, 60_000);
});
