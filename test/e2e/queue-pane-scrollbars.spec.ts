import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { dispatch } from '../../src/core/commands/dispatch';
import { createMemoryLogger } from '../../src/core/log';
import type { Channel } from '../../src/shared/ipc/contract';
import { deskHostForThisFile, screenshotPath, statusItem } from './support/desk-host';
import { openQueueFor, payoutsSim, queue, queueRow } from './support/payouts-sim';
import { captureQueue, capturesSim, holdRow, openCapturesFor } from './support/captures-sim';
import { clippedCells, fitsItsScroller } from './support/queue-rows';

// At 1024 × 768 with the detail pane open, a queue taller than the window still says who each row is about — drawn
// with the scrollbars a person sees (Playwright's headless Chromium hides them, and 15 px decide the fit there).
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    ignoreDefaultArgs: ['--hide-scrollbars'],
  },
});
const desk = deskHostForThisFile();
const payouts = payoutsSim(desk);
const captures = capturesSim(desk);
const run = randomBytes(3).toString('hex');
// Long names, as a team has them: the status bar names the operator signed in.
const BACK_OFFICE = { name: 'Bartholomew Fitzwilliam-Montag', pin: '48213' };
const MANAGER = { name: 'Maximiliane Oberhauser-Wittgen', pin: '91827' };
/** More rows than the queue shows at 768 pixels: it scrolls. */
const ROWS = 24;

async function asSetup(channel: Channel, input: unknown): Promise<void> {
  const ctx = { transport: 'test' as const, connection: 'queue-pane-scrollbars-setup' };
  const r = await dispatch(desk().core.handlers, channel, input, ctx, createMemoryLogger());
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
}

test.beforeAll(async () => {
  // The back-office operator first: the first manager turns sign-in on.
  await asSetup('operators:add', { ...BACK_OFFICE, role: 'backoffice' });
  await asSetup('operators:add', { ...MANAGER, role: 'manager' });
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
});

async function signIn(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.goto(desk().host.url);
  const form = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await form.getByLabel('Operator name').fill(who.name);
  await form.getByLabel('PIN').fill(who.pin);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(page, 'Operator')).toContainText(who.name);
}

/** The text of the row at the cursor under `header`; the header must be shown. */
async function atCursorUnder(table: Locator, header: string): Promise<string> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  expect(headers, `the ${header} column is shown beside the pane`).toContain(header);
  return table.getByRole('row', { selected: true }).getByRole('cell').nth(headers.indexOf(header)).innerText();
}

/** The queue scrolls inside itself (its own scrollbar), the page does not, and the table fits beside the pane. */
async function expectQueueFitsWithItsScrollbar(page: Page, table: Locator) {
  await expect
    .poll(() => table.evaluate((t) => t.parentElement!.scrollHeight > t.parentElement!.clientHeight))
    .toBe(true);
  const page_ = await page.evaluate(() => ({
    scrolls: document.documentElement.scrollHeight > window.innerHeight,
    width: document.documentElement.clientWidth,
  }));
  expect(page_, 'the page itself does not scroll').toEqual({ scrolls: false, width: 1024 });
  expect(await fitsItsScroller(table), 'the table fits beside the pane').toBe(true);
  expect((await clippedCells(table)).clipped).toEqual([]);
}

test('payouts: a back-office operator at 1024 × 768 with the pane open keeps the customer beside its scrollbar', async ({
  page,
}) => {
  const cid = `e2e-bars-${run}`;
  const name = { first_name: 'Henrietta', last_name: 'Abernathy' };
  const tids: number[] = [];
  for (let i = 0; i < ROWS; i++) tids.push(await payouts.createRequest(cid, 'EUR', 10_000 + i, name));
  await signIn(page, BACK_OFFICE);
  await openQueueFor(page, desk(), cid);
  await expect(page.getByRole('status', { name: 'Queue count' })).toContainText(new RegExp(`^${ROWS} of `));
  await queueRow(page, tids[0]!).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Request ${tids[0]}` })).toBeVisible();
  await expectQueueFitsWithItsScrollbar(page, queue(page));
  expect(await atCursorUnder(queue(page), 'Customer')).toContain('Henrietta');
  for (const header of ['Amount', 'Risk'])
    await expect(queue(page).getByRole('columnheader', { name: header })).toBeVisible();
  await page.screenshot({ path: screenshotPath('37c-payouts-pane-1024-scrollbars') });
});

test('captures: a manager at 1024 × 768 with the pane open keeps the customer and the time left beside its scrollbar', async ({
  page,
}) => {
  const cid = `e2e-bars-hold-${run}`;
  const tids: number[] = [];
  for (let i = 0; i < ROWS; i++) tids.push(await captures.authorize(cid, 'EUR', 5_000 + i));
  await signIn(page, MANAGER);
  await openCapturesFor(page, desk(), cid);
  await expect(page.getByRole('status', { name: 'Queue count' })).toContainText(new RegExp(`^${ROWS} of `));
  await holdRow(page, tids[0]!).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Hold ${tids[0]}` })).toBeVisible();
  await expectQueueFitsWithItsScrollbar(page, captureQueue(page));
  expect(await atCursorUnder(captureQueue(page), 'Customer')).toContain(cid.slice(0, 8));
  for (const header of ['Time left', 'Amount'])
    await expect(captureQueue(page).getByRole('columnheader', { name: header })).toBeVisible();
  await page.screenshot({ path: screenshotPath('49e-captures-pane-1024-scrollbars') });
});
