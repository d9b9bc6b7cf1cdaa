import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import { auditRows, auditTable, openAudit } from './support/audit-page';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { approveRow, lastAction, openQueueFor, payoutsSim, rejectRow } from './support/payouts-sim';

// An audit row's cells cut long text; its detail shows the whole row, and a keyboard alone opens and closes it.
const desk = deskHostForThisFile();
const sim = payoutsSim(desk);
const run = randomBytes(3).toString('hex');
const NOTE =
  'The customer called back twice and asked us to hold the payout until the bank confirms the new account; ' +
  `see ticket 4411 and the call of Tuesday. Run ${run}, end of note.`;

/** A request made for `cid` and rejected by its keys; its one row in the audit log, filtered to its tid. */
async function rejectedAuditRow(page: Page, cid: string, currency: string, amountMinor: number): Promise<Locator> {
  const tid = await sim.createRequest(cid, currency, amountMinor);
  await openQueueFor(page, desk(), cid);
  await rejectRow(page, tid, '2', `${cid} rejected`);
  await openAudit(page);
  await page.getByLabel('Item id (tid or order id)').fill(String(tid));
  const row = auditRows(page).filter({ hasText: String(tid) });
  await expect(row).toHaveCount(1);
  return row;
}

// First in the file: the file's desk is fresh, so nobody has acted yet.
test('an empty audit log says why: nothing done yet in this profile, or a filter that matches nothing (Clear filters)', async ({
  page,
}) => {
  await page.goto(desk().host.url);
  await openAudit(page);
  await expect(page.getByRole('status', { name: 'Audit rows' })).toHaveText('0 rows');
  const empty = page.getByRole('status', { name: 'Empty audit log' });
  await expect(empty).toContainText('Nothing has been recorded in this profile yet');
  await expect(empty).not.toContainText('filter');
  await page.screenshot({ path: screenshotPath('60-audit-empty') });

  await page.getByLabel('Item id (tid or order id)').fill('424242');
  await expect(empty).toContainText('No audit entry matches this filter');
  await empty.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Item id (tid or order id)')).toHaveValue('');
  await expect(empty).toContainText('Nothing has been recorded in this profile yet');
});

test('dates the wrong way round are named as such, in words, not as an empty log; one day in both is that day', async ({
  page,
}) => {
  await page.goto(desk().host.url);
  await openAudit(page);
  await page.getByLabel('From date').fill('2026-12-07');
  await page.getByLabel('To date').fill('2026-12-06');
  const problem = page.getByRole('alert');
  await expect(problem).toHaveText(
    'The From date (2026-12-07) is after the To date (2026-12-06): pick a From date on or before the To date.',
  );
  await expect(page.getByRole('status', { name: 'Empty audit log' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('62-audit-dates-backwards') });
  await page.getByLabel('From date').fill('2026-12-06');
  await expect(problem).toHaveCount(0);
});

test('Enter on an audit row opens its whole detail (time, operator, action, item, outcome, reason, note, stored fields); Esc closes it', async ({
  page,
}) => {
  const cid = `e2e-audit-detail-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 4_200);
  await openQueueFor(page, desk(), cid);
  await rejectRow(page, tid, '2', NOTE);

  await openAudit(page);
  await page.getByLabel('Action').selectOption('payouts:reject');
  await page.getByLabel('Item id (tid or order id)').fill(String(tid));
  await expect(page.getByRole('status', { name: 'Audit rows' })).toHaveText('1 row');
  const row = auditRows(page).filter({ hasText: String(tid) });
  await expect(row).toHaveCount(1);

  // From the filters, Tab reaches the log; the arrow key puts the focus on the row itself.
  await page.getByRole('button', { name: 'Clear filters' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: /^Audit row \d+$/ });
  await expect(detail).toBeVisible();
  await expect(detail).toBeFocused();
  for (const [term, value] of [
    ['Operator', 'Sandbox operator'],
    ['Action', 'Reject payout (payouts:reject)'],
    ['Item', `transaction ${tid}`],
    ['Amount', 'EUR 42.00'],
    ['Reason', 'Bonus or promotion abuse'],
    ['Note', NOTE],
    ['Praxis ids', `tid ${tid}`],
  ] as const)
    await expect(detail.getByLabel(term, { exact: true }), term).toHaveText(value);
  await expect(detail.getByLabel('Time', { exact: true })).toContainText(/\d{4}/);
  await expect(detail.getByLabel('Outcome', { exact: true })).toContainText('done');
  const stored = detail.getByRole('region', { name: 'Stored details' });
  await expect(stored).toContainText(`"note": ${JSON.stringify(NOTE)}`);
  await expect(stored).toContainText('"journalId"');
  await expect(detail).not.toContainText(SANDBOX_SAMPLE.secret);

  // Nothing of it is cut off: every value is wholly visible, and the detail needs no scrolling at 1280 × 800.
  const cut = await detail.evaluate((el) => ({
    overflows: el.scrollHeight > el.clientHeight + 1,
    clipped: [...el.querySelectorAll('dd, pre')]
      .filter((v) => v.scrollWidth > v.clientWidth + 1 || v.scrollHeight > v.clientHeight + 1)
      .map((v) => v.textContent),
  }));
  expect(cut).toEqual({ overflows: false, clipped: [] });
  await expectNoSeriousA11yViolations(page, 'the Audit screen with a row detail');
  await page.screenshot({ path: screenshotPath('64-audit-row-detail') });

  // Esc closes it and gives the focus back to the row; Enter opens it again.
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detail).toBeFocused();
  await detail.getByRole('button', { name: 'Close detail' }).click();
  await expect(detail).toHaveCount(0);
  await expect(row).toBeFocused();
});

test("at the window's smallest size (1024 pixels) the audit log shows each row's outcome without scrolling sideways: row, reason, note and Praxis ids give way to the detail", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const row = await rejectedAuditRow(page, `e2e-audit-narrow-${run}`, 'EUR', 5_100);

  for (const name of ['Operator', 'Action', 'Item', 'Amount', 'Outcome'])
    await expect(auditTable(page).getByRole('columnheader', { name, exact: true }), name).toBeVisible();
  // The times are the operator's own clock: the header names its zone (the cells stay short and sortable by eye).
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(auditTable(page).getByRole('columnheader', { name: `Time (${zone})`, exact: true })).toBeVisible();
  const sideways = await auditTable(page).evaluate((t) => t.scrollWidth > t.parentElement!.clientWidth + 1);
  expect(sideways, 'the log does not scroll sideways').toBe(false);
  const outcome = await row.getByRole('cell').last().boundingBox();
  expect(outcome!.width, 'Outcome keeps room for its brief').toBeGreaterThanOrEqual(170);
  await expect(row.getByRole('cell').last()).toHaveText('done · no money moved');
  await page.screenshot({ path: screenshotPath('65-audit-narrow-window') });
});

test('an amount in the audit log is never cut: the widest KWD amount reads whole, at 1440 and at 1024 pixels', async ({
  page,
}) => {
  const row = await rejectedAuditRow(page, `e2e-audit-amount-${run}`, 'KWD', 1_353_750_750);
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    const amount = row.getByRole('cell', { name: 'KWD 1,353,750.750' });
    await expect(amount, `at ${width}`).toBeVisible();
    expect(await amount.evaluate((c) => c.scrollWidth <= c.clientWidth), `whole at ${width}`).toBe(true);
    await page.screenshot({ path: screenshotPath(`65b-audit-widest-amount-${width}`) });
  }
});

test('at 1440 pixels, columns empty in every row shown give their room to the cut ones: an approval’s outcome reads further', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 800 });
  const cid = `e2e-audit-room-${run}`;
  const approved = await sim.createRequest(cid, 'EUR', 3_300);
  await openQueueFor(page, desk(), cid);
  await approveRow(page, approved);
  await expect(lastAction(page)).toContainText('Money moved.');
  const rejectedRow = await rejectedAuditRow(page, cid, 'EUR', 3_400);
  const outcomeWidth = async (row: Locator) => (await row.getByRole('cell').last().boundingBox())!.width;
  const withReasonAndNote = await outcomeWidth(rejectedRow);

  // Filtered to the approval: it has no reason and no note, so those columns keep only their headers' width.
  await page.getByLabel('Item id (tid or order id)').fill(String(approved));
  const approvalRow = auditRows(page).filter({ hasText: 'Approve payout' });
  await expect(approvalRow).toHaveCount(1);
  const header = (name: string) => auditTable(page).getByRole('columnheader', { name, exact: true });
  expect((await header('Note').boundingBox())!.width).toBeLessThan(70);
  expect((await header('Reason').boundingBox())!.width).toBeLessThan(90);
  expect(await outcomeWidth(approvalRow)).toBeGreaterThan(withReasonAndNote + 60);
  await page.screenshot({ path: screenshotPath('65c-audit-empty-columns-give-way-1440') });
});

test('inside a row’s detail J and K go on through the log, the detail following, as in the queues', async ({
  page,
}) => {
  const cid = `e2e-audit-jk-${run}`;
  const first = await sim.createRequest(cid, 'EUR', 5_100);
  const second = await sim.createRequest(cid, 'EUR', 5_200);
  await openQueueFor(page, desk(), cid);
  await rejectRow(page, first, '2', `${cid} first`);
  await rejectRow(page, second, '2', `${cid} second`);

  await openAudit(page);
  await page.getByLabel('Action').selectOption('payouts:reject');
  const newest = auditRows(page).filter({ hasText: String(second) });
  await newest.click();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: /^Audit row \d+$/ });
  await expect(detail).toBeFocused();
  await expect(detail.getByLabel('Note', { exact: true })).toHaveText(`${cid} second`);

  await page.keyboard.press('j');
  await expect(detail.getByLabel('Note', { exact: true })).toHaveText(`${cid} first`);
  await expect(auditRows(page).filter({ hasText: String(first) })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(detail.getByLabel('Note', { exact: true })).toHaveText(`${cid} second`);
});
