import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { approveRow, lastAction, openQueueFor, payoutsSim } from './support/payouts-sim';
import { capturesSim, holdRow, openCapturesFor } from './support/captures-sim';

const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');
const payouts = payoutsSim(desk);
const holds = capturesSim(desk);

test('a paid request says the other tid is its payout, created by Praxis', async ({ page }) => {
  const cid = `e2e-paid-ids-${run}`;
  const request = await payouts.createRequest(cid, 'EUR', 47_050);
  await openQueueFor(page, desk(), cid);
  await approveRow(page, request);

  await expect(lastAction(page)).toContainText(`(tid ${request})`);
  const [payout] = (await payouts.record(request)).parts;
  await expect(lastAction(page)).toContainText(`Praxis confirmed: payout ${payout} is approved.`);
  await page.screenshot({ path: screenshotPath('outcome-paid-names-payout') });
});

test('a captured hold says its capture is approved, not that the hold is', async ({ page }) => {
  const cid = `e2e-captured-ids-${run}`;
  const hold = await holds.authorize(cid, 'JPY', 36_000);
  await openCapturesFor(page, desk(), cid);
  await holdRow(page, hold).click();
  await page.keyboard.press('c');
  await page
    .getByRole('dialog', { name: 'Capture authorization' })
    .getByRole('button', { name: /^Capture / })
    .click();

  await expect(lastAction(page)).toContainText(`Praxis confirmed: the capture of hold ${hold} is approved.`);
  await page.screenshot({ path: screenshotPath('outcome-captured-names-capture') });
});
