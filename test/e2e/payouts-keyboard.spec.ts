import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { auditRows, openAudit } from './support/audit-page';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { lastAction, openQueueFor, openRejectByKeys, payoutsSim, queueRow, searchBox } from './support/payouts-sim';
import { command } from './support/terminal-page';

// Issue 9, keyboard flow: every key goes where the operator's focus is, and no dialog is a dead end.
const desk = deskHostForThisFile();
const sim = payoutsSim(desk);
const run = randomBytes(3).toString('hex');

/** Presses Tab (or Shift+Tab) n times and says whether focus ever left `inside`. */
async function tabStaysIn(page: Page, inside: Locator, n: number, key = 'Tab'): Promise<boolean> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(key);
    if (!(await inside.evaluate((el) => el.contains(document.activeElement)))) return false;
  }
  return true;
}

test('A: focus lands on "Approve and pay" once it can be pressed, Enter pays, the next request opens with its risk card', async ({
  page,
}) => {
  const cid = `e2e-keys-approve-${run}`;
  const first = await sim.createRequest(cid, 'EUR', 4_100);
  const second = await sim.createRequest(cid, 'EUR', 4_200);
  await openQueueFor(page, desk(), cid);
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: `Request ${first}` }).getByRole('region', { name: 'Risk' }),
  ).toBeVisible();

  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve withdrawal' });
  const pay = dialog.getByRole('button', { name: 'Approve and pay' });
  await expect(pay).toBeFocused();
  await expect(dialog.getByLabel('Risk flags')).toContainText('Risk: ');
  await page.screenshot({ path: screenshotPath('32-approve-dialog') });
  await page.keyboard.press('Enter');

  await expect(lastAction(page)).toContainText(/Paid EUR 41\.00 to .*Money moved\./);
  const next = page.getByRole('complementary', { name: `Request ${second}` });
  await expect(next.getByRole('region', { name: 'Risk' })).toBeVisible();
  await expect(next.getByRole('region', { name: 'Customer history' })).toBeVisible();
  expect((await sim.record(first)).payoutsMade).toBe(1);
  expect((await sim.record(second)).payoutsMade).toBe(0);
});

test('Esc cancels a dialog and gives focus back to the button that opened it; Tab and Shift+Tab stay inside', async ({
  page,
}) => {
  const cid = `e2e-keys-trap-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 5_100);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Request ${tid}` });
  const approveButton = pane.getByRole('button', { name: /^Approve/ });
  await approveButton.focus();
  // Enter belongs to the focused button: it opens the approval.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(dialog.getByRole('button', { name: 'Approve and pay' })).toBeFocused();
  expect(await tabStaysIn(page, dialog, 8)).toBe(true);
  expect(await tabStaysIn(page, dialog, 8, 'Shift+Tab')).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(approveButton).toBeFocused();

  await pane.getByRole('button', { name: /^Split/ }).click();
  const split = page.getByRole('dialog', { name: 'Split withdrawal' });
  expect(await tabStaysIn(page, split, 10)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(pane.getByRole('button', { name: /^Split/ })).toBeFocused();
  expect((await sim.record(tid)).payoutsMade).toBe(0);
});

test('Reject: Enter on Cancel cancels (nothing is sent); single keys never fire from a button or inside a dialog', async ({
  page,
}) => {
  const cid = `e2e-keys-reject-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 6_100);
  await openQueueFor(page, desk(), cid);
  const dialog = await openRejectByKeys(page, tid, '2');
  await expect(dialog.getByRole('radio', { name: /Bonus or promotion abuse/ })).toBeChecked();
  // A and S belong to the queue behind the dialog: nothing opens over it.
  await page.keyboard.press('a');
  await expect(page.getByRole('dialog', { name: 'Approve withdrawal' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect((await sim.record(tid)).cancelsMade).toBe(0);
  await expect(queueRow(page, tid)).toBeVisible();

  // Enter on the navigation's Captures goes to Captures, not to the payout detail.
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Captures/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Captures', level: 1 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: `Request ${tid}` })).toHaveCount(0);

  // Back by the navigation: the screen takes focus, so its keys work at once (no dead end on the nav button).
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Payouts/ })
    .click();
  await page.keyboard.press('j');
  await expect(queueRow(page, tid)).toHaveAttribute('aria-selected', 'true');
});

test('the command palette input shows its focus ring; the current filter survives a reload', async ({ page }) => {
  const cid = `e2e-keys-filter-${run}`;
  await openQueueFor(page, desk(), cid);
  await page.getByLabel('Age').selectOption('late');
  await page.reload();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  await expect(searchBox(page)).toHaveValue(cid);
  await expect(page.getByLabel('Age')).toHaveValue('late');

  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox', { name: 'Command' });
  await expect(input).toBeFocused();
  const outline = await input.evaluate(
    (el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth,
  );
  expect(outline).toBe('solid 2px');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toHaveCount(0);
});

test('after / and a search, Esc hands the keys back to the queue: J selects the first row found, and the filter stays', async ({
  page,
}) => {
  const cid = `e2e-keys-esc-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 1_900);
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, tid)).toBeVisible();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).not.toBeFocused();
  await expect(searchBox(page)).toHaveValue(cid);
  await page.keyboard.press('j');
  await expect(queueRow(page, tid)).toHaveAttribute('aria-selected', 'true');
});

test('Enter in the search hands the focus to the screen, not the page body; a dialog opened by a key gives it back there', async ({
  page,
}) => {
  const cid = `e2e-keys-enter-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 2_300);
  await openQueueFor(page, desk(), cid);
  const screen = page.getByRole('main');
  await expect(screen).toBeFocused();
  await page.keyboard.press('j');
  await expect(queueRow(page, tid)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(dialog.getByRole('button', { name: 'Approve and pay' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(screen).toBeFocused();
  expect((await sim.record(tid)).payoutsMade).toBe(0);

  // Esc in the search does the same.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await expect(screen).toBeFocused();
});

test('Refresh keeps the focus while the queue reloads, so the keyboard does not fall to the page body', async ({
  page,
}) => {
  const cid = `e2e-keys-refresh-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 2_400);
  await openQueueFor(page, desk(), cid);
  const refresh = page.getByRole('button', { name: /^Refresh/ });
  await refresh.click();
  await expect(refresh).toBeFocused();
  await expect(refresh).toHaveText('Refresh');
  await expect(refresh).toBeFocused();
  await expect(queueRow(page, tid)).toBeVisible();
  // Enter on it refreshes again, still without losing the focus.
  await page.keyboard.press('Enter');
  await expect(refresh).toHaveText('Refresh');
  await expect(refresh).toBeFocused();
});

test('X selects the row the cursor is on and leaves the cursor there: J X J X selects the first two rows, not every other', async ({
  page,
}) => {
  const cid = `e2e-keys-select-${run}`;
  const tids = [];
  for (const minor of [6_100, 6_200, 6_300, 6_400]) tids.push(await sim.createRequest(cid, 'EUR', minor));
  await openQueueFor(page, desk(), cid);
  for (const key of ['j', 'x', 'j', 'x']) await page.keyboard.press(key);
  const checked = [];
  for (const tid of tids)
    if (await page.getByRole('checkbox', { name: `Select ${tid}` }).isChecked()) checked.push(tid);
  expect(checked).toEqual(tids.slice(0, 2));
  // X again on the same row takes it out of the selection.
  await page.keyboard.press('x');
  await expect(page.getByRole('checkbox', { name: `Select ${tids[1]}` })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: `Select ${tids[0]}` })).toBeChecked();
});

test('bulk reject from the keyboard: Shift+R opens it, a number picks the reason, Enter rejects them all', async ({
  page,
}) => {
  const cid = `e2e-keys-bulk-reject-${run}`;
  const tids = [await sim.createRequest(cid, 'EUR', 7_100), await sim.createRequest(cid, 'EUR', 7_200)];
  await openQueueFor(page, desk(), cid);
  for (const key of ['j', 'x', 'j', 'x']) await page.keyboard.press(key);
  await page.keyboard.press('Shift+R');
  const dialog = page.getByRole('dialog', { name: 'Bulk reject' });
  await expect(dialog.getByRole('table', { name: 'Selected requests' }).getByRole('row')).toHaveCount(3);
  // Enter before a reason is picked sends nothing: the dialog says what is missing.
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Reject 2' })).toBeDisabled();
  await expect(dialog).toContainText('Pick a reason first.');
  await page.keyboard.press('2');
  await expect(dialog.getByLabel('Reason for all (press its number)')).not.toHaveValue('');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Bulk result')).toContainText('2 succeeded, 0 failed.');
  for (const tid of tids) expect((await sim.record(tid)).cancelsMade).toBe(1);

  // The audit names the run and its reason in words, as it does for one rejection.
  await page.keyboard.press('Escape');
  await openAudit(page);
  await page.getByLabel('Action').selectOption({ label: 'Bulk reject payouts' });
  const bulkRow = auditRows(page).filter({ hasText: 'EUR 143.00' });
  await expect(bulkRow).toHaveCount(1);
  await expect(bulkRow).toContainText('Bulk reject payouts');
  await expect(bulkRow).toContainText('Bonus or promotion abuse');
});

test('a request decided from another window while its dialog is open here: the dialog says so and that nothing was sent from here', async ({
  page,
}) => {
  const cid = `e2e-keys-elsewhere-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 7_100);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('a');
  const approve = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(approve.getByRole('button', { name: 'Approve and pay' })).toBeVisible();

  // A colleague rejects it at their own desk window.
  await command(desk(), 'payouts:reject', { tid, reasonCode: 'customer_asked' });
  const notice = page.getByRole('dialog', { name: 'Request left the queue' });
  await expect(notice).toContainText(`Request ${tid} left the queue`);
  await expect(notice).toContainText('Nothing was sent from this window');
  await expect(approve).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('33-payouts-left-queue-notice') });
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);
  expect((await sim.record(tid)).payoutsMade).toBe(0);
});

test('after a bulk approve the cursor is on the next request still in the queue: X selects it, and the bar counts what Shift+A sends', async ({
  page,
}) => {
  const cid = `e2e-keys-bulk-next-${run}`;
  const tids = [];
  for (const minor of [8_100, 8_200, 8_300]) tids.push(await sim.createRequest(cid, 'EUR', minor));
  const [paid, next, last] = tids as [number, number, number];
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, last)).toBeVisible();
  for (const key of ['j', 'x', 'Shift+A']) await page.keyboard.press(key);
  const bulk = page.getByRole('dialog', { name: 'Bulk approve' });
  await expect(bulk.getByRole('button', { name: 'Approve 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bulk.getByLabel('Bulk result')).toContainText('1 succeeded, 0 failed');
  await bulk.getByRole('button', { name: 'Done' }).click();
  await expect(queueRow(page, paid)).toHaveCount(0);

  // The paid row left the queue: the cursor moved on to the row after it, as after a single approve.
  await expect(queueRow(page, next)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('x');
  const bar = page.getByRole('region', { name: 'Selection' });
  await expect(page.getByRole('checkbox', { name: `Select ${next}` })).toBeChecked();
  await expect(bar).toContainText('1 selected');
  await expect(bar).toContainText('EUR 82.00');
  await page.keyboard.press('Shift+A');
  await expect(bulk.getByRole('button', { name: 'Approve 1' })).toBeVisible();
  await expect(bulk.getByRole('table', { name: 'Selected requests' })).toContainText(String(next));
  await page.keyboard.press('Escape');
  await expect(bulk).toHaveCount(0);
  expect((await sim.record(paid)).payoutsMade).toBe(1);
  expect((await sim.record(next)).payoutsMade).toBe(0);
});

test('a selected request under the cursor decided from another window: the selection drops it and the cursor moves to the next row', async ({
  page,
}) => {
  const cid = `e2e-keys-live-next-${run}`;
  const tids = [];
  for (const minor of [9_100, 9_200, 9_300]) tids.push(await sim.createRequest(cid, 'EUR', minor));
  const [gone, next, last] = tids as [number, number, number];
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, last)).toBeVisible();
  for (const key of ['j', 'j', 'j', 'x', 'k', 'k', 'x']) await page.keyboard.press(key);
  await expect(queueRow(page, gone)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('2 selected');

  await command(desk(), 'payouts:reject', { tid: gone, reasonCode: 'customer_asked' });
  await expect(queueRow(page, gone)).toHaveCount(0);
  await expect(queueRow(page, next)).toHaveAttribute('aria-selected', 'true');
  const bar = page.getByRole('region', { name: 'Selection' });
  await expect(bar).toContainText('1 selected');
  await expect(bar).toContainText('EUR 93.00');
  // X acts on the row shown under the cursor: two rows ticked, two counted, two in the dialog.
  await page.keyboard.press('x');
  await expect(page.getByRole('checkbox', { name: `Select ${next}` })).toBeChecked();
  await expect(bar).toContainText('2 selected');
  await page.keyboard.press('Shift+R');
  const bulk = page.getByRole('dialog', { name: 'Bulk reject' });
  await expect(bulk.getByRole('table', { name: 'Selected requests' }).getByRole('row')).toHaveCount(3);
  await page.keyboard.press('Escape');
  expect((await sim.record(next)).cancelsMade).toBe(0);
});

test('Split: Enter in a part’s amount sends nothing (the parts are still being typed); Ctrl+Enter sends them', async ({
  page,
}) => {
  const cid = `e2e-keys-split-enter-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 27_400);
  await openQueueFor(page, desk(), cid);
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  const split = page.getByRole('dialog', { name: 'Split withdrawal' });
  await expect(split.getByLabel('Part 1 amount')).toBeFocused();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(split).toBeVisible();
  await expect(split.getByText('Ctrl Enter sends the parts')).toBeVisible();
  await page.screenshot({ path: screenshotPath('33c-split-enter-sends-nothing') });
  expect((await sim.record(tid)).parts).toEqual([]);

  await page.keyboard.press('Control+Enter');
  await expect(split).toHaveCount(0);
  await expect(lastAction(page)).toContainText('EUR 100.00');
  expect((await sim.record(tid)).parts).toHaveLength(1);
});
