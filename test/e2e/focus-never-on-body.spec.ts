import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { deskHostForThisFile } from './support/desk-host';
import { openQueueFor, payoutsSim, queueRow } from './support/payouts-sim';

// A control that leaves the page (a pane closed, a result dismissed, a row paid) took the keyboard with it: focus fell
// to the page body, where a screen reader loses its place. It goes to the screen instead.
const desk = deskHostForThisFile();
const sim = payoutsSim(desk);
const run = randomBytes(3).toString('hex');

const focusOnBody = (page: Page) =>
  page.evaluate(async () => {
    // Two frames: what the desk does once the control is gone has had its turn.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return document.activeElement === document.body || document.activeElement === null;
  });

test('Esc closing the detail pane, and Done on a bulk result, leave the keyboard on the screen, not the page body', async ({
  page,
}) => {
  const cid = `e2e-focus-body-${run}`;
  const first = await sim.createRequest(cid, 'EUR', 1_100);
  const second = await sim.createRequest(cid, 'EUR', 1_200);
  await openQueueFor(page, desk(), cid);
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: /^Request / });
  await expect(pane).toBeVisible();
  await pane.getByRole('region', { name: 'Risk' }).click();
  await page.keyboard.press('Escape');
  await expect(pane).toHaveCount(0);
  expect(await focusOnBody(page), 'after Esc closed the pane').toBe(false);

  await page.getByRole('button', { name: 'select all 2 shown' }).click();
  await page.keyboard.press('Shift+A');
  const dialog = page.getByRole('dialog', { name: 'Bulk approve' });
  await dialog.getByRole('button', { name: 'Approve 2' }).click();
  await expect(dialog.getByLabel('Bulk result')).toContainText('2 succeeded, 0 failed', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  for (const tid of [first, second]) await expect(queueRow(page, tid)).toHaveCount(0);
  expect(await focusOnBody(page), 'after Done on the bulk result').toBe(false);
  // And the keys still work from there: / goes to the search.
  await page.keyboard.press('/');
  await expect(page.getByLabel(/^Search/)).toBeFocused();
});
