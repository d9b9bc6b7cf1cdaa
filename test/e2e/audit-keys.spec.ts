import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { auditRows } from './support/audit-page';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { openQueueFor, payoutsSim, rejectRow } from './support/payouts-sim';

// A keyboard walk: arriving on Audit with G U, J/K/Enter did nothing until Tab reached the log, and no line said so.
const desk = deskHostForThisFile();
const sim = payoutsSim(desk);
const run = randomBytes(3).toString('hex');

test('arriving on Audit with G U, J/K move through the log and Enter opens the row; a line says which keys work', async ({
  page,
}) => {
  const cid = `e2e-audit-keys-${run}`;
  const older = await sim.createRequest(cid, 'EUR', 2_100);
  const newer = await sim.createRequest(cid, 'EUR', 2_200);
  await openQueueFor(page, desk(), cid);
  await rejectRow(page, older, '2', `${cid} older`);
  await rejectRow(page, newer, '2', `${cid} newer`);

  await page.getByRole('main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('u');
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
  const hint = page.getByText(/J\s*\/\s*K move · Enter open · Esc close/);
  await expect(hint).toBeVisible();

  // Newest first: the two rejections are the log's newest rows.
  const newerRow = auditRows(page).filter({ hasText: String(newer) });
  const olderRow = auditRows(page).filter({ hasText: String(older) });
  await page.keyboard.press('j');
  await expect(newerRow).toHaveAttribute('aria-selected', 'true');
  await expect(newerRow).toBeFocused();
  await page.keyboard.press('j');
  await expect(olderRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(newerRow).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: screenshotPath('66-audit-keys-on-arrival') });

  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: /^Audit row \d+$/ });
  await expect(detail).toBeFocused();
  await expect(detail.getByLabel('Note', { exact: true })).toHaveText(`${cid} newer`);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(newerRow).toBeFocused();
});
