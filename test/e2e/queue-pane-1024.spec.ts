import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { openQueueFor, payoutsSim, queue, queueRow } from './support/payouts-sim';
import { captureQueue, capturesSim, holdRow, openCapturesFor } from './support/captures-sim';
import { clippedCells, fitsItsScroller } from './support/queue-rows';

// At the window's smallest size with the detail pane open, a queue still says who each row is about.
const desk = deskHostForThisFile();
const payouts = payoutsSim(desk);
const captures = capturesSim(desk);
const run = randomBytes(3).toString('hex');
const NAME = { first_name: 'Henrietta', last_name: 'Abernathy-Castellanos' };

/** The text of a row's cell under `header`, as the row shows it. */
async function cellUnder(table: Locator, row: Locator, header: string): Promise<string> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  expect(headers, `the ${header} column is shown`).toContain(header);
  return row.getByRole('cell').nth(headers.indexOf(header)).innerText();
}

/**
 * Beside the pane the row at the cursor (the pane's item) names its customer, and the table fits, nothing clipped
 * without its whole text on hover; also over the whole queue, taller than the window (a scrollbar takes its room).
 */
async function expectCustomerBesidePane(page: Page, table: Locator, customer: string, keptToo: string, shot: string) {
  const atCursor = table.getByRole('row', { selected: true });
  for (const header of ['Customer', 'Amount', keptToo])
    await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
  expect(await cellUnder(table, atCursor, 'Customer')).toContain(customer);
  expect(await fitsItsScroller(table), 'the table fits beside the pane').toBe(true);
  expect((await clippedCells(table)).clipped).toEqual([]);

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect
    .poll(() => table.evaluate((t) => t.parentElement!.scrollHeight > t.parentElement!.clientHeight))
    .toBe(true);
  await expect(table.getByRole('columnheader', { name: 'Customer' })).toBeVisible();
  expect(await fitsItsScroller(table), 'the whole queue fits beside the pane').toBe(true);
  expect((await clippedCells(table)).clipped).toEqual([]);
  await page.screenshot({ path: screenshotPath(`${shot}-whole-queue`) });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
});

test('payouts at 1024 pixels with the detail pane open keep the customer and the risk in view', async ({ page }) => {
  const cid = `e2e-pane-${run}`;
  const tid = await payouts.createRequest(cid, 'EUR', 12_345, NAME);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Request ${tid}` })).toBeVisible();
  await page.screenshot({ path: screenshotPath('37b-payouts-pane-1024') });
  await expectCustomerBesidePane(page, queue(page), NAME.first_name, 'Risk', '37b-payouts-pane-1024');
});

test('captures at 1024 pixels with the detail pane open keep the customer and the time left in view', async ({
  page,
}) => {
  // A customer of its own, with no name: the cid stands for them.
  const cid = `e2e-hold-${run}`;
  const tid = await captures.authorize(cid, 'EUR', 6_789);
  await openCapturesFor(page, desk(), cid);
  await holdRow(page, tid).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Hold ${tid}` })).toBeVisible();
  await page.screenshot({ path: screenshotPath('49d-captures-pane-1024') });
  await expectCustomerBesidePane(page, captureQueue(page), cid, 'Time left', '49d-captures-pane-1024');
});
