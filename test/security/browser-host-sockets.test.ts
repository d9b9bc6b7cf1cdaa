import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_SOCKETS } from '../../src/server/browser-host';
import { WS_ADMISSION_PATH } from '../../src/shared/ipc/ws-protocol';
import { browserHostForThisFile } from '../support/browser-host-rig';
import { hostSocketUrl, openHostPage } from '../support/host-page';

// A page that holds the run's token (or a second program the operator runs) opens hundreds of sockets at once: each
// one holds the core's event listeners and a sign-in slot, so their number is capped.
const world = browserHostForThisFile('browser-host-sockets');
const openPage = () => openHostPage(world.host);

describe('many sockets from a page holding the token', () => {
  it('hundreds of sockets with the token: those over the cap are refused with a reason, and pages are let in again once they close', async () => {
    const { url, origin } = hostSocketUrl(world.host);
    const attempts = await Promise.all(
      Array.from(
        { length: 500 },
        () =>
          new Promise<{ ws: WebSocket; status: number; body: string }>((resolve) => {
            const ws = new WebSocket(url, { origin });
            ws.once('open', () => resolve({ ws, status: 101, body: '' }));
            ws.once('unexpected-response', (_req, res) => {
              let body = '';
              res.on('data', (c: Buffer) => (body += String(c)));
              res.on('end', () => resolve({ ws, status: res.statusCode ?? 0, body }));
            });
            ws.once('error', () => resolve({ ws, status: 0, body: '' }));
          }),
      ),
    );
    const opened = attempts.filter((a) => a.status === 101);
    const refused = attempts.filter((a) => a.status === 503);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBeLessThanOrEqual(32);
    expect(refused.length).toBe(500 - opened.length);
    expect(refused[0]!.body).toMatch(/too many desk pages.*close/i);
    for (const a of opened) a.ws.terminate();
    // Once they have closed, a page is let in again.
    await expect
      .poll(
        async () => {
          try {
            const page = await openPage();
            page.close();
            return true;
          } catch {
            return false;
          }
        },
        { timeout: 5_000 },
      )
      .toBe(true);
  });

  it('the page may ask why its socket was refused, and is told only what its own upgrade would be told', async () => {
    const { url, origin } = hostSocketUrl(world.host);
    const token = new URL(url).searchParams.get('token')!;
    const ask = async (headers: Record<string, string>) => {
      const res = await fetch(`${world.host.origin}${WS_ADMISSION_PATH}`, { method: 'POST', headers });
      return { status: res.status, reason: await res.text() };
    };
    const asPage = { origin, authorization: `Bearer ${token}` };

    expect(await ask(asPage)).toEqual({ status: 204, reason: '' });
    // Whoever lacks the token, or comes from another page, hears the same refusal as their upgrade would.
    expect((await ask({ origin })).status).toBe(401);
    expect((await ask({ origin, authorization: 'Bearer not-the-token' })).status).toBe(401);
    expect((await ask({ authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await ask({ origin: 'http://evil.example', authorization: `Bearer ${token}` })).status).toBe(403);
    // A plain GET (which a browser sends without its Origin) is not answered.
    expect((await fetch(`${world.host.origin}${WS_ADMISSION_PATH}`, { headers: asPage })).status).toBe(404);

    const held = await Promise.all(Array.from({ length: MAX_SOCKETS }, () => openPage()));
    const full = await ask(asPage);
    expect(full.status).toBe(503);
    expect(full.reason).toMatch(/too many desk pages are open \(32\): close some desk tabs, then try again/i);
    // The cap is told only to whoever holds the token.
    expect(await ask({ origin })).toMatchObject({ status: 401, reason: expect.not.stringMatching(/too many/i) });
    for (const page of held) page.close();
    await expect.poll(async () => (await ask(asPage)).status, { timeout: 5_000 }).toBe(204);
  });
});
