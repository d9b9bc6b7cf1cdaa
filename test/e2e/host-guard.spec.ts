import { expect, test } from '@playwright/test';
import { WebSocket } from 'ws';
import { WS_PATH } from '../../src/shared/ipc/ws-protocol';
import { deskHostForThisFile } from './support/desk-host';

const desk = deskHostForThisFile();

/** Opens a socket like a browser would and reports the HTTP status of a refused upgrade (or 101). */
function tryConnect(url: string, origin: string): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => resolve({ status: 101, socket: ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: 0 }));
  });
}

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');
const socketUrl = (origin: string, token: string) =>
  `${origin.replace('http', 'ws')}${WS_PATH}?token=${encodeURIComponent(token)}`;

test('a wrong token is refused, and the page says how to get in', async ({ page }) => {
  const { origin } = desk().host;
  expect((await tryConnect(socketUrl(origin, 'not-the-token'), origin)).status).toBe(401);
  expect((await tryConnect(`${origin.replace('http', 'ws')}${WS_PATH}`, origin)).status).toBe(401);

  await page.goto(`${origin}/#token=not-the-token`);
  await expect(page.getByRole('alert')).toContainText('The desk could not start');
  await expect(page.getByRole('alert')).toContainText('NETWORK');
  await expect(page.getByRole('alert')).toContainText('The desk token is missing or wrong');
});

test('a page from another origin is refused even with the right token', async () => {
  const { origin, url } = desk().host;
  expect((await tryConnect(socketUrl(origin, tokenOf(url)), 'http://evil.example')).status).toBe(403);
  expect((await tryConnect(socketUrl(origin, tokenOf(url)), 'http://127.0.0.1:1')).status).toBe(403);
});

test('the right token from the desk page connects; malformed messages get VALIDATION and are logged without their content', async () => {
  const { origin, url } = desk().host;
  const { status, socket } = await tryConnect(socketUrl(origin, tokenOf(url)), origin);
  expect(status).toBe(101);
  const ws = socket!;
  const replies: unknown[] = [];
  // Only answers: pushed events (the sandbox still filling its queues at start) are not replies to anything.
  ws.on('message', (d) => {
    const msg = JSON.parse(String(d)) as Record<string, unknown>;
    if ('result' in msg) replies.push(msg);
  });
  const next = async () => {
    const n = replies.length;
    await expect.poll(() => replies.length).toBeGreaterThan(n);
    return replies[n] as { id: number | null; result: { ok: boolean; error?: { code: string; message: string } } };
  };

  ws.send('not json {secret-ish-payload}');
  expect(await next()).toMatchObject({ id: null, result: { ok: false, error: { code: 'VALIDATION' } } });
  ws.send(JSON.stringify({ id: 7, chanel: 'app:info' }));
  expect(await next()).toMatchObject({ id: 7, result: { ok: false, error: { code: 'VALIDATION' } } });
  ws.send(JSON.stringify({ id: 8, channel: 'app:delete-everything', input: {} }));
  expect(await next()).toMatchObject({
    id: 8,
    result: { ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Unknown command') } },
  });
  ws.send(JSON.stringify({ id: 9, channel: 'app:info', input: {} }));
  expect(await next()).toMatchObject({ id: 9, result: { ok: true, data: { host: 'browser-host' } } });

  for (let i = 0; i < 50; i++) ws.send('garbage {secret-ish-payload}');
  await expect.poll(() => replies.length).toBe(54);
  ws.close();

  // Logged once while it lasted, then once with the count when it went: not once per frame.
  await expect.poll(() => desk().logLines.filter((l) => l.includes('after malformed socket messages')).length).toBe(1);
  const logged = desk().logLines.filter((l) => l.includes('malformed socket message'));
  expect(logged).toHaveLength(2);
  expect(logged[1]).toContain('"count":52');
  expect(logged.join('\n')).not.toContain('secret-ish-payload');
});

test('the token leaves the address bar and the history once read, and a reload still connects', async ({ page }) => {
  const { url } = desk().host;
  await page.goto(url);
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect.poll(() => page.url()).not.toContain('token');
  expect(await page.evaluate(() => window.location.hash)).toBe('');
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'could not start' })).toHaveCount(0);
});

test('the page is served with the strict CSP and only on its own Host', async ({ request }) => {
  const { origin } = desk().host;
  const res = await request.get(`${origin}/`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
  const rebound = await request.get(`${origin}/`, { headers: { Host: 'attacker.example:80' } });
  expect(rebound.status()).toBe(421);
});

test('a reload takes the scripts and stylesheet from the browser cache; the page itself is always asked for again', async ({
  page,
  request,
}) => {
  const { url, origin } = desk().host;
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  const loaded = await page.evaluate(() => ({
    page: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).transferSize,
    assets: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => new URL(r.name).pathname.startsWith('/assets/'))
      .map((r) => ({ file: new URL(r.name).pathname, fetchedBytes: r.transferSize })),
  }));
  expect(loaded.page).toBeGreaterThan(0);
  expect(loaded.assets.some((a) => a.file.endsWith('.js'))).toBe(true);
  expect(loaded.assets.some((a) => a.file.endsWith('.css'))).toBe(true);
  // transferSize 0: taken from the cache, not fetched.
  expect(loaded.assets.filter((a) => a.fetchedBytes > 0)).toEqual([]);

  const script = loaded.assets.find((a) => a.file.endsWith('.js'))!.file;
  expect((await request.get(`${origin}${script}`)).headers()['cache-control']).toBe(
    'public, max-age=31536000, immutable',
  );
  expect((await request.get(`${origin}/`)).headers()['cache-control']).toBe('no-store');
  const missing = await request.get(`${origin}/assets/no-such-file-0000.js`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control']).toBe('no-store');
});
