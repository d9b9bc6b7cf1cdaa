import { expect, test } from '@playwright/test';
import { WebSocket } from 'ws';
import { hostSocketUrl } from '../support/host-page';
import { MAX_SOCKETS } from '../../src/server/browser-host';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';

// With the browser host's sockets all taken, a new page's upgrade is refused (503), and a browser cannot read why: the
// page said only "Could not connect", where the person needs to hear to close some desk tabs.
const desk = deskHostForThisFile({ seededSandbox: false });

/** Opens sockets as a page holding the token would, until the host refuses one: every one it admits stays open. */
async function takeEverySocket(): Promise<WebSocket[]> {
  const { url, origin } = hostSocketUrl(desk().host);
  const held: WebSocket[] = [];
  for (;;) {
    const ws = new WebSocket(url, { origin });
    const status = await new Promise<number>((resolve) => {
      ws.once('open', () => resolve(101));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(0));
    });
    if (status !== 101) {
      expect(status).toBe(503);
      return held;
    }
    held.push(ws);
  }
}

test('a page opened with every socket taken says too many desk pages are open, and comes in once some close', async ({
  page,
}) => {
  const held = await takeEverySocket();
  expect(held.length).toBeGreaterThan(0);

  await page.goto(desk().host.url);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The desk could not start');
  await expect(alert).toContainText(`Too many desk pages are open (${MAX_SOCKETS})`);
  await expect(alert).toContainText('close some desk tabs, then try again');
  await expect(alert).not.toContainText('Could not connect');
  await page.screenshot({ path: screenshotPath('host-socket-cap-refused') });

  for (const ws of held) ws.terminate();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'could not start' })).toHaveCount(0);
});
