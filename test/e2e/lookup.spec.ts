import { expect, test, type Page } from '@playwright/test';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { cellsBrokenOverLines } from './support/text-lines';

const desk = deskHostForThisFile();

/** Puts an item in the embedded simulator's book through its loopback admin API, as Praxis would hold it. */
async function simulatorItem(
  kind: 'withdrawal-requests' | 'authorizations',
  currency: string,
  amountMinor: number,
): Promise<number> {
  const base = (await desk().core.info()).simulatorUrl;
  if (!base)
    throw new Error('The desk core did not start its embedded sandbox simulator (AppInfo.simulatorUrl is null).');
  const res = await fetch(`${base}/_sim/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cid: `e2e-${kind}`, currency, amount: amountMinor, notification_url: null }),
  });
  if (res.status !== 201) throw new Error(`Simulator refused to create the item: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { tid: number }).tid;
}

const results = (page: Page) => page.getByRole('table', { name: 'Lookup results' });
const rowOf = (page: Page, id: string | number) =>
  results(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: String(id), exact: true }) });

test('pasted ids are looked up: found items show type, status, amount and queue; unknown ids say why', async ({
  page,
}) => {
  const payout = await simulatorItem('withdrawal-requests', 'EUR', 125050);
  const hold = await simulatorItem('authorizations', 'KWD', 1250);
  const unknown = 2_000_000_001;

  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await page.getByLabel(/Transaction ids/).fill(`${payout}\n${hold}, ${unknown}\n${payout}`);
  await page.getByRole('button', { name: 'Look up 3 ids' }).click();

  await expect(page.getByLabel('Lookup progress')).toContainText('3 / 3');
  await expect(rowOf(page, payout)).toContainText('EUR 1,250.50');
  await expect(rowOf(page, payout)).toContainText('Payouts');
  await expect(rowOf(page, hold)).toContainText('KWD 1.250');
  await expect(rowOf(page, hold)).toContainText('Captures');
  // The id's own cell, then why it was not found.
  await expect(rowOf(page, unknown).getByRole('cell').nth(1)).not.toBeEmpty();
  await expect(page.getByText('2 found, 1 not found or failed')).toBeVisible();
  // An amount or a moment folded over two lines reads as two values.
  expect(await cellsBrokenOverLines(results(page), ['Amount', 'Created'])).toEqual([]);
  await page.screenshot({ path: screenshotPath('07-lookup-results') });
});

test('Ctrl+Enter in the id box looks the ids up, as the dialogs send from a note', async ({ page }) => {
  const payout = await simulatorItem('withdrawal-requests', 'EUR', 4_250);
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  const ids = page.getByLabel(/Transaction ids/);
  await ids.fill(String(payout));
  await expect(page.getByText('Ctrl Enter looks them up')).toBeVisible();
  await ids.press('Control+Enter');
  await expect(rowOf(page, payout)).toContainText('EUR 42.50');
  await expect(ids).toBeFocused();
});

/** "Import CSV…" as a person presses it, the file given to the chooser it opens. */
async function importCsv(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await (await chooser).setFiles(file);
}

test('a CSV export is read in the page and its tid column is looked up', async ({ page }) => {
  const payout = await simulatorItem('withdrawal-requests', 'EUR', 9900);
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await importCsv(page, {
    name: 'crm-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`customer,amount,tid\nann,99.00,${payout}\n`),
  });
  await expect(rowOf(page, payout)).toContainText('EUR 99.00');
  await expect(page.getByText('crm-export.csv (tid)')).toBeVisible();
});

test('an empty paste is refused with what to do, and nothing is sent', async ({ page }) => {
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await page.getByRole('button', { name: /^Look up/ }).click();
  await expect(page.getByRole('alert')).toContainText('No ids found: paste tids or order_ids');
  await expect(results(page)).toHaveCount(0);
});

test('an unusable id is listed with its reason and the rest are still looked up', async ({ page }) => {
  const payout = await simulatorItem('withdrawal-requests', 'EUR', 4200);
  const tooLong = 'z'.repeat(300);
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await page.getByLabel(/Transaction ids/).fill(`${payout}\n${tooLong}\norder with space`);
  await page.getByRole('button', { name: 'Look up 3 ids' }).click();

  await expect(rowOf(page, payout)).toContainText('EUR 42.00');
  // The long id is quoted shortened, with why it was not sent.
  await expect(rowOf(page, `${'z'.repeat(20)}…`)).toContainText('300 characters; an order_id is at most 50');
  // Only lines and commas separate ids: a space belongs to the order_id.
  await expect(rowOf(page, 'order with space')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('07b-lookup-unusable-ids') });
});

test('a binary file imported as CSV lists its unusable ids instead of failing the lookup', async ({ page }) => {
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await importCsv(page, {
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
  });
  await expect(rowOf(page, '\ufffdPNG')).toContainText('control characters or bytes that are not text');
  await page.screenshot({ path: screenshotPath('07c-lookup-binary-file') });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("a found item's Praxis objects open under its row, as Praxis sent them, and close again from the keyboard", async ({
  page,
}) => {
  const payout = await simulatorItem('withdrawal-requests', 'EUR', 31415);
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await page.getByLabel(/Transaction ids/).fill(String(payout));
  await page.getByRole('button', { name: 'Look up 1 id' }).click();

  const show = rowOf(page, payout).getByRole('button', { name: `Praxis objects of ${payout}` });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(show).toHaveAttribute('aria-expanded', 'true');

  const objects = page.getByRole('region', { name: `Praxis objects of ${payout}` });
  const transaction = objects.getByRole('group', { name: 'transaction' });
  await expect(transaction).toContainText(`"tid": ${payout}`);
  await expect(transaction).toContainText('"amount": 31415');
  await expect(transaction).toContainText('"transaction_status": "requested"');
  await expect(objects.getByRole('group', { name: 'customer' })).toContainText('"customer_token"');
  await expect(objects.getByRole('group', { name: 'session' })).toContainText('"auth_token": "[hidden by the desk]"');
  await expect(objects).toContainText('As the desk stored them from a lookup');
  await page.screenshot({ path: screenshotPath('07b-lookup-praxis-objects') });

  await page.keyboard.press('Enter');
  await expect(objects).toBeHidden();
  await expect(show).toBeFocused();
});

test('Look up keeps the keyboard: the focus stays on the button through the run, the next Tab stops only on what is seen, and the progress is named', async ({
  page,
}) => {
  const payout = await simulatorItem('withdrawal-requests', 'EUR', 2718);
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await page.getByLabel(/Transaction ids/).fill(`${payout}\n${payout + 1}`);
  const lookUp = page.getByRole('button', { name: 'Look up 2 ids' });
  await lookUp.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('progressbar', { name: 'Lookup progress' })).toHaveAttribute('aria-valuenow', '2');
  await expect(rowOf(page, payout)).toContainText('EUR 27.18');
  // A second id can follow from the keyboard: the press did not drop the focus on the page.
  await expect(lookUp).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Import CSV…' })).toBeFocused();
  // The file field behind "Import CSV…" is not drawn, so the keyboard does not stop on it.
  await page.keyboard.press('Tab');
  await expect(page.locator('input[type=file]')).not.toBeFocused();
});
