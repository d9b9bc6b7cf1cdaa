import { expect, test } from '@playwright/test';
import { electronBinary, launchDesk, NO_ELECTRON_MESSAGE, type LaunchedDesk } from './electron-app';
import { fileContains, filesUnder } from '../support/files';

test.skip(!electronBinary(), NO_ELECTRON_MESSAGE);

let desk: LaunchedDesk;
test.beforeEach(async () => {
  desk = await launchDesk();
});
test.afterEach(async () => {
  await desk?.close();
});

interface DeskWindow {
  desk: Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>>>;
}

test('the window opens on the embedded sandbox with nothing to configure', async () => {
  const info = await desk.page.evaluate(() => (window as unknown as DeskWindow).desk.app!.info!());
  expect(info).toMatchObject({ ok: true, data: { host: 'electron', environment: 'embedded-sandbox' } });
  await expect(desk.page.getByText('Embedded sandbox').first()).toBeVisible();
});

test('window.desk has named per-domain methods and no generic invoke', async () => {
  const shape = await desk.page.evaluate(() => {
    const api = (window as unknown as DeskWindow).desk as unknown as Record<string, Record<string, unknown>>;
    return Object.fromEntries(Object.entries(api).map(([domain, methods]) => [domain, Object.keys(methods).sort()]));
  });
  expect(shape.credentials).toEqual(['clear', 'set', 'status', 'test']);
  expect(shape.profiles).toEqual(expect.arrayContaining(['activate', 'list', 'remove', 'save']));
  expect(Object.keys(shape)).not.toContain('invoke');
  const leaks = await desk.page.evaluate(() => ({
    invoke: typeof (window as unknown as { desk: { invoke?: unknown } }).desk.invoke,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
  }));
  expect(leaks).toEqual({
    invoke: 'undefined',
    ipcRenderer: 'undefined',
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });
});

test('navigation to an external site and new windows are blocked', async () => {
  const before = desk.page.url();
  expect(before).toMatch(/^file:\/\//);
  await desk.page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await desk.page.waitForTimeout(500);
  expect(desk.page.url()).toBe(before);
  const opened = await desk.page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(desk.app.windows()).toHaveLength(1);
});

test('a merchant secret set through window.desk is never returned and never written under user data', async () => {
  const secret = `electron-secret-${Date.now()}`;
  const result = await desk.page.evaluate(async (s) => {
    const api = (window as unknown as DeskWindow).desk;
    const saved = (await api.profiles!.save!({
      name: 'Praxis sandbox',
      environment: 'praxis-sandbox',
      merchantId: 'Test-Integration-Merchant',
      applicationKey: 'Sandbox',
    })) as { data: { id: string } };
    const set = await api.credentials!.set!({ profileId: saved.data.id, secret: s });
    const status = await api.credentials!.status!({ profileId: saved.data.id });
    const list = await api.profiles!.list!();
    return JSON.stringify({ set, status, list });
  }, secret);
  expect(result).toContain('"hasSecret":true');
  expect(result).not.toContain(secret);
  for (const f of await filesUnder(desk.userDataDir)) expect(await fileContains(f, secret), f).toBe(false);
});
