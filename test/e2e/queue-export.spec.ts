import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { capturesSim, openCapturesFor } from './support/captures-sim';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { openQueueFor, payoutsSim, queueRow } from './support/payouts-sim';

// product.md's complaint 7, "no export of the payout list": each queue exports the rows it shows, as shown.
const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');

/** Clicks the export button named `name` and answers the downloaded file's name and its rows (header first). */
async function exportShown(page: Page, name: string): Promise<{ fileName: string; rows: string[][] }> {
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const download = await downloaded;
  const text = await readFile((await download.path())!, 'utf8');
  return { fileName: download.suggestedFilename(), rows: Papa.parse<string[]>(text.trim()).data };
}

test('the payout queue exports the requests it shows, in its order, amounts in each currency’s own decimals', async ({
  page,
}) => {
  const sim = payoutsSim(desk);
  const cid = `e2e-export-${run}`;
  const yen = await sim.createRequest(cid, 'JPY', 125_000);
  const dinar = await sim.createRequest(cid, 'KWD', 1_250);
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, dinar)).toBeVisible();
  await expect(queueRow(page, yen)).toBeVisible();

  const { fileName, rows } = await exportShown(page, 'Export the 2 requests shown as CSV');
  expect(fileName).toMatch(/^payouts-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const [header, ...lines] = rows;
  const col = (name: string) => header!.indexOf(name);
  expect(lines.map((l) => Number(l[col('tid')]))).toEqual(
    // The screen's order: oldest first by default, so the first request made leads.
    [yen, dinar],
  );
  const byTid = new Map(lines.map((l) => [Number(l[col('tid')]), l]));
  expect(byTid.get(yen)![col('amount')]).toBe('125000');
  expect(byTid.get(yen)![col('currency')]).toBe('JPY');
  expect(byTid.get(dinar)![col('amount')]).toBe('1.250');
  expect(byTid.get(dinar)![col('cid')]).toBe(cid);
  expect(byTid.get(dinar)![col('status')]).toBe('requested');
  await expect(page.getByRole('status', { name: 'Export' })).toHaveText(
    `Exported 2 requests as ${fileName}, in the order shown.`,
  );
  await page.screenshot({ path: screenshotPath('36-payouts-exported') });
});

test('the capture queue exports its holds with when each lapses and the window that says so', async ({ page }) => {
  const holds = capturesSim(desk);
  const cid = `e2e-export-holds-${run}`;
  const hold = await holds.authorize(cid, 'EUR', 4_990);
  await openCapturesFor(page, desk(), cid);
  const { fileName, rows } = await exportShown(page, 'Export the 1 hold shown as CSV');
  expect(fileName).toMatch(/^captures-.*\.csv$/);
  const [header, line] = rows;
  const cell = (name: string) => line![header!.indexOf(name)];
  expect(Number(cell('tid'))).toBe(hold);
  expect(cell('amount')).toBe('49.90');
  expect(Date.parse(cell('lapses_at_utc')!)).toBeGreaterThan(Date.now());
  expect(cell('hold_window')).not.toBe('');
});
