import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { openQueueFor, payoutsSim, queueRow } from './support/payouts-sim';
import { capturesSim, holdRow, openCapturesFor } from './support/captures-sim';

const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');
const payouts = payoutsSim(desk);
const holds = capturesSim(desk);

test('Shift+A and Shift+R with nothing selected say to select with X, until the next key', async ({ page }) => {
  const cid = `e2e-bulk-none-${run}`;
  const tid = await payouts.createRequest(cid, 'EUR', 2_000);
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, tid)).toBeVisible();

  await page.keyboard.press('Shift+A');
  const said = page.getByRole('status').filter({ hasText: 'Shift+A approves the selected requests' });
  await expect(said).toHaveText('Shift+A approves the selected requests: select some with X first.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('bulk-keys-nothing-selected-payouts') });

  await page.keyboard.press('Shift+R');
  await expect(page.getByRole('status').filter({ hasText: 'Shift+R rejects the selected requests' })).toHaveText(
    'Shift+R rejects the selected requests: select some with X first.',
  );

  await page.keyboard.press('j');
  await expect(page.getByText('select some with X first')).toHaveCount(0);
});

test('Shift+C and Shift+V with nothing selected say to select with X, until the next click', async ({ page }) => {
  const cid = `e2e-bulk-none-holds-${run}`;
  const tid = await holds.authorize(cid, 'EUR', 1_250);
  await openCapturesFor(page, desk(), cid);
  await expect(holdRow(page, tid)).toBeVisible();

  await page.keyboard.press('Shift+C');
  await expect(page.getByRole('status').filter({ hasText: 'Shift+C captures' })).toHaveText(
    'Shift+C captures the selected holds: select some with X first.',
  );
  await page.keyboard.press('Shift+V');
  await expect(page.getByRole('status').filter({ hasText: 'Shift+V voids' })).toHaveText(
    'Shift+V voids the selected holds: select some with X first.',
  );
  await page.screenshot({ path: screenshotPath('bulk-keys-nothing-selected-captures') });

  await holdRow(page, tid).click();
  await expect(page.getByText('select some with X first')).toHaveCount(0);
});
