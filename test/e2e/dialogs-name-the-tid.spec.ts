import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { openQueueFor, payoutsSim, queueRow } from './support/payouts-sim';
import { capturesSim, holdRow, openCapturesFor } from './support/captures-sim';

const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');
const payouts = payoutsSim(desk);
const holds = capturesSim(desk);
const davidDeVries = { first_name: 'David', last_name: 'de Vries' };

test('Reject names the tid: of two USD 40.00 requests of one customer, the dialog says which one it cancels', async ({
  page,
}) => {
  const cid = `e2e-reject-tid-${run}`;
  await payouts.createRequest(cid, 'USD', 4_000, davidDeVries);
  const second = await payouts.createRequest(cid, 'USD', 4_000, davidDeVries);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, second).click();
  await page.keyboard.press('r');

  const dialog = page.getByRole('dialog', { name: 'Reject withdrawal' });
  await expect(dialog.getByLabel('Request', { exact: true })).toContainText(`tid ${second} to David de Vries`);
  await page.screenshot({ path: screenshotPath('dialog-reject-names-tid') });
});

test('Split names the tid too: of two USD 40.00 requests of one customer, the dialog says which one it splits', async ({
  page,
}) => {
  const cid = `e2e-split-tid-${run}`;
  await payouts.createRequest(cid, 'USD', 4_000, davidDeVries);
  const second = await payouts.createRequest(cid, 'USD', 4_000, davidDeVries);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, second).click();
  await page.keyboard.press('s');

  const dialog = page.getByRole('dialog', { name: 'Split withdrawal' });
  await expect(dialog.getByLabel('Request', { exact: true })).toContainText(`tid ${second} to David de Vries`);
  await page.screenshot({ path: screenshotPath('dialog-split-names-tid') });
});

test('Void names the tid: of two EUR 12.50 holds of one customer, the dialog says which one it releases', async ({
  page,
}) => {
  const cid = `e2e-void-tid-${run}`;
  await holds.authorize(cid, 'EUR', 1_250);
  const second = await holds.authorize(cid, 'EUR', 1_250);
  await openCapturesFor(page, desk(), cid);
  await holdRow(page, second).click();
  await page.keyboard.press('v');

  const dialog = page.getByRole('dialog', { name: 'Void authorization' });
  await expect(dialog.getByLabel('Hold', { exact: true })).toContainText(`tid ${second} from ${cid}`);
  await page.screenshot({ path: screenshotPath('dialog-void-names-tid') });
});
