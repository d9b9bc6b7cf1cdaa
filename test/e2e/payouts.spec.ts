import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import {
  lastAction,
  openQueueFor as openQueueForCid,
  openRejectByKeys,
  payoutsSim,
  queueRow,
} from './support/payouts-sim';
import { openSettings } from './support/settings-page';

const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');

const sim = payoutsSim(desk);
const simulator = sim.base;
const createRequest = sim.createRequest;
const simRecord = sim.record;

async function setFaults(faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${await simulator()}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`Simulator refused the faults: ${await res.text()}`);
}

const openQueueFor = (page: Page, cid: string) => openQueueForCid(page, desk(), cid);

test('approve: the amount is echoed in words, Praxis pays once, the row leaves the queue and the cursor moves on', async ({
  page,
}) => {
  const cid = `e2e-approve-${run}`;
  const first = await createRequest(cid, 'EUR', 12_550);
  const second = await createRequest(cid, 'EUR', 3_000);
  await openQueueFor(page, cid);

  await expect(queueRow(page, first)).toContainText('EUR 125.50');
  await expect(queueRow(page, first)).toContainText(cid);
  await page.screenshot({ path: screenshotPath('20-payouts-queue') });

  // J puts the cursor on the first (oldest) row; A opens the approval.
  await page.keyboard.press('j');
  await expect(queueRow(page, first)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(dialog.getByLabel('Amount in words')).toHaveText('one hundred twenty-five euros and fifty cents');
  await expect(dialog.getByLabel('Gateway')).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Approve and pay' }).click();

  await expect(lastAction(page)).toContainText('Money moved.');
  await expect(queueRow(page, first)).toHaveCount(0);
  // "Approve and next": the cursor is on the following request.
  await expect(queueRow(page, second)).toHaveAttribute('aria-selected', 'true');
  const rec = await simRecord(first);
  expect(rec.payoutsMade).toBe(1);
  expect(rec.transaction.transaction_status).not.toBe('requested');
});

test('reject with a reason picked by its number key: Praxis cancels, no money moves', async ({ page }) => {
  const cid = `e2e-reject-${run}`;
  const tid = await createRequest(cid, 'JPY', 4_200);
  await openQueueFor(page, cid);
  await expect(queueRow(page, tid)).toContainText('JPY 4,200');

  const dialog = await openRejectByKeys(page, tid, '2');
  await expect(dialog.getByRole('radio', { name: /Bonus or promotion abuse/ })).toBeChecked();
  await dialog.getByLabel(/Note/).fill('Promo code used from 14 accounts');
  await dialog.getByRole('button', { name: 'Reject request' }).click();

  await expect(lastAction(page)).toContainText('No money moved.');
  await expect(queueRow(page, tid)).toHaveCount(0);
  const rec = await simRecord(tid);
  expect(rec.payoutsMade).toBe(0);
  expect(rec.transaction.transaction_status).toMatch(/cancel/);
});

test('"Other (see note)" is not sent without a note: the button says why, and the typing goes to the note at once', async ({
  page,
}) => {
  const cid = `e2e-other-${run}`;
  const tid = await createRequest(cid, 'EUR', 1_700);
  await openQueueFor(page, cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Reject withdrawal' });
  await page.keyboard.press('6');
  await expect(dialog.getByRole('radio', { name: /Other \(see note\)/ })).toBeChecked();
  const send = dialog.getByRole('button', { name: 'Reject request' });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/needs a note saying why/);
  // Picked by its key, a reason that needs a note takes the operator to the note: no click or Tab first.
  const note = dialog.getByLabel(/Note \(needed for this reason/);
  await expect(note).toBeFocused();
  await page.keyboard.type('Customer moved the payout to another brand');
  await expect(note).toHaveValue('Customer moved the payout to another brand');
  await send.click();
  await expect(lastAction(page)).toContainText('No money moved.');
  expect((await simRecord(tid)).transaction.transaction_status).toMatch(/cancel/);
});

test('detail pane and split: parts with exact amounts, live remainder, parts and remaining request shown together', async ({
  page,
}) => {
  const cid = `e2e-split-${run}`;
  const tid = await createRequest(cid, 'EUR', 100_000);
  await openQueueFor(page, cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Request ${tid}` });
  await expect(pane.getByRole('region', { name: 'Risk' })).toContainText('First withdrawal');
  await expect(pane.getByRole('region', { name: 'Customer history' })).toBeVisible();
  // Praxis sends no created_at and no processed amount yet: the pane says where the age comes from, and labels the amount.
  await expect(pane.getByLabel('Waiting since')).toContainText("(Praxis's first notification)");
  // Every screen writes a moment the same way, the month by name: 7 Dec never reads as 12 Jul.
  await expect(pane.getByLabel('Waiting since')).toContainText(/ \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} \S+/);
  await expect(pane.getByLabel('Processed amount')).toHaveText(
    'EUR 1,000.00 requested — Praxis has not processed an amount yet',
  );
  await pane.getByText('Raw transaction').click();
  await expect(pane.getByRole('region', { name: 'Raw transaction JSON' })).toContainText(String(tid));
  await page.screenshot({ path: screenshotPath('21-payouts-detail') });

  await pane.getByRole('button', { name: /Split/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Split withdrawal' });
  await dialog.getByLabel('Part 1 amount').fill('300.005');
  await expect(dialog).toContainText('EUR has 2 decimal places');
  await dialog.getByLabel('Part 1 amount').fill('300');
  await dialog.getByRole('button', { name: 'Add part' }).click();
  await dialog.getByLabel('Part 2 amount').fill('450.50');
  await expect(dialog.getByLabel('Remaining request')).toContainText('EUR 249.50');
  // Each part read out as the approval reads its amount, and what stays as the request.
  const words = dialog.getByRole('list', { name: 'Amounts in words' }).getByRole('listitem');
  await expect(words).toHaveText([
    /^Part 1: three hundred euros/,
    /^Part 2: four hundred fifty euros and fifty cents/,
    /^Left as the request: two hundred forty-nine euros and fifty cents/,
  ]);
  await page.screenshot({ path: screenshotPath('22-payouts-split') });
  await dialog.getByRole('button', { name: 'Send 2 parts' }).click();

  await expect(lastAction(page)).toContainText('Money moved.');
  const rec = await simRecord(tid);
  expect(rec.parts).toHaveLength(2);
  expect(rec.remainingMinor).toBe(24_950);
  const parts = pane.getByRole('region', { name: 'Split parts' });
  await expect(parts).toContainText('EUR 300.00');
  await expect(parts).toContainText('EUR 450.50');
  await expect(parts).toContainText('remaining request');
  // The request itself has no processed amount at Praxis: the pane points at the parts, not at "nothing processed".
  await expect(pane.getByLabel('Processed amount')).toHaveText(
    'EUR 1,000.00 requested — paid so far in split parts (below)',
  );
});

test('a split that pays the whole request moves on to the next request, as approve and reject do', async ({ page }) => {
  const cid = `e2e-split-whole-${run}`;
  const tid = await createRequest(cid, 'EUR', 20_000);
  const next = await createRequest(cid, 'EUR', 20_100);
  await openQueueFor(page, cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Request ${tid}` })).toBeVisible();
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Split withdrawal' });
  await dialog.getByLabel('Part 1 amount').fill('120');
  await dialog.getByRole('button', { name: 'Add part' }).click();
  await dialog.getByLabel('Part 2 amount').fill('80');
  await expect(dialog.getByLabel('Remaining request')).toContainText('EUR 0.00');
  // Every column says what it holds, the one of remove buttons too.
  await expect(dialog.getByRole('table', { name: 'Split parts' }).getByRole('columnheader')).toHaveText([
    'Part',
    'Amount (EUR)',
    'Gateway',
    'Remove',
  ]);
  await dialog.getByRole('button', { name: 'Send 2 parts' }).click();
  await expect(lastAction(page)).toContainText('Money moved.');
  await expect(page.getByRole('complementary', { name: `Request ${next}` })).toBeVisible();
  await expect(queueRow(page, next)).toHaveAttribute('aria-selected', 'true');
  expect((await simRecord(tid)).parts).toHaveLength(2);
  expect((await simRecord(next)).parts).toHaveLength(0);
});

test('bulk approve of 200: the confirmation states count and total, progress runs, every item is paid once', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const cid = `e2e-bulk-${run}`;
  const tids = await Promise.all(Array.from({ length: 200 }, (_, i) => createRequest(cid, 'EUR', 1_000 + i)));
  await openQueueFor(page, cid);
  await expect(page.getByRole('status', { name: 'Queue count' })).toContainText(/^200 of /, { timeout: 30_000 });

  await page.getByRole('button', { name: 'select all 200 shown' }).click();
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('200 selected');
  await page.keyboard.press('Shift+A');
  const dialog = page.getByRole('dialog', { name: 'Bulk approve' });
  // 200 × €10.00 + (0 + … + 199) cents = €2,000.00 + €199.00.
  await expect(dialog).toContainText('200 in EUR: EUR 2,199.00');
  await dialog.getByRole('button', { name: 'Approve 200' }).click();

  await expect(dialog.getByLabel('Bulk progress')).toBeVisible();
  await expect(dialog.getByLabel('Bulk result')).toContainText('200 succeeded, 0 failed', { timeout: 120_000 });
  await page.screenshot({ path: screenshotPath('23-payouts-bulk-result') });
  const made = await Promise.all(tids.map(async (t) => (await simRecord(t)).payoutsMade));
  expect(made.filter((n) => n === 1)).toHaveLength(200);
  await dialog.getByRole('button', { name: 'Done' }).click();
  for (const tid of [tids[0]!, tids[199]!]) await expect(queueRow(page, tid)).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Queue count' })).toContainText(/^0 of /);
});

/**
 * Opens the desk on Settings and adds a back-office colleague who can confirm four-eyes approvals: adding a manager
 * would turn sign-in on (operators-sign-in.spec.ts covers that desk).
 */
async function addColleague(page: Page, name: string, pin: string) {
  await openDesk(page, desk());
  await openSettings(page);
  const operators = page.getByRole('region', { name: 'Operators' });
  await operators.getByLabel('Operator name').fill(name);
  await operators.getByLabel('Operator PIN').fill(pin);
  await operators.getByLabel('Operator role').selectOption('backoffice');
  await operators.getByRole('button', { name: 'Add operator' }).click();
  await expect(operators.getByRole('listitem').filter({ hasText: name })).toBeVisible();
}

test('four-eyes: a wrong PIN is refused and nothing is sent; a colleague with the right PIN approves', async ({
  page,
}) => {
  await addColleague(page, 'Second Checker', '4321');
  await expect(page.getByRole('region', { name: 'Payout settings' }).getByLabel('Threshold 1 currency')).toHaveValue(
    /[A-Z]{3}/,
  );
  await page.getByRole('region', { name: 'Payout settings' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('24-payouts-settings'), fullPage: true });

  const cid = `e2e-4eyes-${run}`;
  const tid = await createRequest(cid, 'EUR', 600_000);
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Payouts/ })
    .click();
  await page.getByLabel('Search customer id, name or tid').fill(cid);
  await queueRow(page, tid).click();
  // Four-eyes is among the row's flags: drawn, or counted with the others and named.
  await expect(
    queueRow(page, tid)
      .getByText('4-eyes')
      .or(queueRow(page, tid).getByLabel(/four-eyes/)),
  ).toBeVisible();
  await page.keyboard.press('a');
  await page
    .getByRole('dialog', { name: 'Approve withdrawal' })
    .getByRole('button', { name: 'Approve and pay' })
    .click();

  const fourEyes = page.getByRole('dialog', { name: 'Four-eyes confirmation' });
  await expect(fourEyes).toContainText('needs a second operator');
  await expectNoSeriousA11yViolations(page, 'the four-eyes dialog');
  await fourEyes.getByLabel('Their PIN').fill('9999');
  await fourEyes.getByRole('button', { name: 'Confirm and approve' }).click();
  // The refusal is announced under the explanation, which stays: what is approved and why a second person is needed.
  await expect(fourEyes.getByRole('alert')).toHaveText(
    'The operator name or PIN is not right. Nothing was done; ask your colleague to check their name and enter their PIN again.',
  );
  await expect(fourEyes).toContainText('needs a second operator');
  expect((await simRecord(tid)).payoutsMade).toBe(0);

  await fourEyes.getByLabel('Their PIN').fill('4321');
  await fourEyes.getByRole('button', { name: 'Confirm and approve' }).press('Enter');
  await expect(lastAction(page)).toContainText('Money moved.');
  expect((await simRecord(tid)).payoutsMade).toBe(1);
  // The keyboard stays in the queue once both dialogs close and the paid row leaves, not on the page body.
  await expect(fourEyes).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});

test('bulk approve with requests above the four-eyes threshold asks for the second operator first, then pays all once', async ({
  page,
}) => {
  await addColleague(page, 'Bulk Checker', '8642');

  const cid = `e2e-bulk-4eyes-${run}`;
  const tids = [
    await createRequest(cid, 'EUR', 600_000),
    await createRequest(cid, 'EUR', 700_000),
    await createRequest(cid, 'EUR', 1_500),
  ];
  await openQueueFor(page, cid);
  await expect(page.getByRole('status', { name: 'Queue count' })).toContainText(/^3 of /, { timeout: 30_000 });
  await page.getByRole('button', { name: 'select all 3 shown' }).click();
  await page.keyboard.press('Shift+A');
  const dialog = page.getByRole('dialog', { name: 'Bulk approve' });
  // Said before anything is sent, not found out from two failures after.
  await expect(dialog).toContainText('2 of them are above the four-eyes threshold');
  await page.screenshot({ path: screenshotPath('24b-bulk-approve-four-eyes-said') });
  await dialog.getByRole('button', { name: 'Approve 3' }).click();

  const fourEyes = page.getByRole('dialog', { name: 'Four-eyes confirmation' });
  await expect(fourEyes).toContainText(`${tids[0]}`);
  await expect(fourEyes).toContainText(`${tids[1]}`);
  for (const tid of tids) expect((await simRecord(tid)).payoutsMade).toBe(0);
  await page.screenshot({ path: screenshotPath('24c-bulk-approve-four-eyes-first') });
  await fourEyes.getByLabel('Second operator').selectOption('Bulk Checker');
  await fourEyes.getByLabel('Their PIN').fill('8642');
  await fourEyes.getByRole('button', { name: 'Confirm and approve' }).click();
  await expect(page.getByRole('dialog', { name: 'Bulk approve' }).getByLabel('Bulk result')).toContainText(
    '3 succeeded, 0 failed',
    { timeout: 60_000 },
  );
  for (const tid of tids) expect((await simRecord(tid)).payoutsMade).toBe(1);
});

test('a timeout after Praxis applied the approval ends reconciled, with exactly one payout at the simulator', async ({
  page,
}) => {
  const cid = `e2e-timeout-${run}`;
  const tid = await createRequest(cid, 'EUR', 7_700);
  await openQueueFor(page, cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(dialog.getByLabel('Gateway')).not.toHaveValue('');

  await setFaults({ timeoutAfterApply: 1, timeoutMode: 'drop' });
  await dialog.getByRole('button', { name: 'Approve and pay' }).click();
  await expect(lastAction(page)).toBeVisible({ timeout: 30_000 });
  // The desk may reconcile on its own; if it could not, the only thing offered is "Reconcile now".
  const reconcile = lastAction(page).getByRole('button', { name: 'Reconcile now' });
  if (await reconcile.isVisible()) await reconcile.click();

  await expect(lastAction(page)).toContainText('Money moved.');
  await expect(queueRow(page, tid)).toHaveCount(0);
  // The fault did fire on this approval (the answer was withheld after Praxis applied it)…
  const faults = (await (await fetch(`${await simulator()}/_sim/faults`)).json()) as { timeoutAfterApply?: number };
  expect(faults.timeoutAfterApply).toBe(0);
  // …and the desk settled it by looking the request up, not by sending again: one payout.
  expect((await simRecord(tid)).payoutsMade).toBe(1);
});

test('a timeout while Praxis keeps the payout processing: outcome unknown, never "safe to retry"; reconciled as paid once it finishes', async ({
  page,
}) => {
  const cid = `e2e-processing-${run}`;
  const tid = await createRequest(cid, 'EUR', 6_600);
  await openQueueFor(page, cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(dialog.getByLabel('Gateway')).not.toHaveValue('');

  // Praxis applies the approval but its payout stays processing (the request still shows `requested`), and the answer is lost.
  await setFaults({ holdPayouts: true, timeoutAfterApply: 1, timeoutMode: 'drop' });
  try {
    await dialog.getByRole('button', { name: 'Approve and pay' }).click();
    await expect(lastAction(page)).toContainText('Outcome unknown — reconcile later', { timeout: 30_000 });
    await expect(lastAction(page)).toContainText('Whether money moved is not known yet.');
    await expect(page.getByText(/safe to (approve|retry)/i)).toHaveCount(0);
    await expect(queueRow(page, tid)).toHaveClass(/outcome-unknown/);
    // While it is processing, "Reconcile now" still cannot call it either way. A slow Praxis: while the look-up runs
    // the button says so (a press then would be dropped), and its own report (not the approval's, which reads the
    // same) is in before Praxis settles: a look-up still running would answer from before.
    await setFaults({ latencyMs: 3_000 });
    await lastAction(page).getByRole('button', { name: 'Reconcile now' }).click();
    await expect(lastAction(page).getByRole('button', { name: 'Reconciling…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(lastAction(page)).toContainText(`Reconcile ${tid}`);
    await setFaults({ latencyMs: 0 });
    await expect(lastAction(page).getByRole('button', { name: 'Reconcile now' })).toBeEnabled();
    // Its answer: the look-up found the payout pending.
    await expect(lastAction(page)).toContainText(new RegExp(`Praxis shows payout \\d+ of request ${tid} as pending`));
    await expect(lastAction(page)).toContainText('Outcome unknown — reconcile later');
    await expect(page.getByText(/safe to (approve|retry)/i)).toHaveCount(0);
    expect((await simRecord(tid)).payoutsMade).toBe(1);

    // The payout finishes at Praxis; now the lookup settles it as paid.
    const settled = await fetch(`${await simulator()}/_sim/settle-payouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(settled.ok).toBe(true);
    await lastAction(page).getByRole('button', { name: 'Reconcile now' }).click();
    await expect(lastAction(page)).toContainText('Money moved.');
    await expect(lastAction(page)).toContainText('the payout was made once');
    await expect(queueRow(page, tid)).toHaveCount(0);
    expect((await simRecord(tid)).payoutsMade).toBe(1);
  } finally {
    await fetch(`${await simulator()}/_sim/faults`, { method: 'DELETE' });
  }
});

test('a request created while the page is open arrives live, without a refresh', async ({ page }) => {
  const cid = `e2e-live-${run}`;
  await openQueueFor(page, cid);
  await expect(page.getByText('No request matches the filter')).toBeVisible();
  const tid = await createRequest(cid, 'KWD', 1_250);
  await expect(queueRow(page, tid)).toContainText('KWD 1.250', { timeout: 15_000 });
  await expect(page.getByRole('status', { name: 'Queue count' })).toContainText('arrived live');
});

test('opening the desk: the queue count says the queue is loading until its rows are there, never "0 waiting"', async ({
  page,
}) => {
  await createRequest(`e2e-open-${run}`, 'EUR', 1_000);
  // Every text the count showed, from the page's first render on: a flash of "0 waiting" is gone before a locator sees it.
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { queueCountsShown: string[] }).queueCountsShown = shown;
    new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Queue count"]')?.textContent;
      if (text !== undefined && text !== shown.at(-1)) shown.push(text);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await openDesk(page, desk());
  const count = page.getByRole('status', { name: 'Queue count' });
  await expect(count).toHaveText(/^[1-9][\d,]* waiting$/, { timeout: 15_000 });
  const shown = await page.evaluate(() => (window as unknown as { queueCountsShown: string[] }).queueCountsShown);
  expect(shown.filter((text) => /^0 waiting/.test(text))).toEqual([]);
  expect(shown[0]).toMatch(/^(loading…|[1-9][\d,]* waiting)/);
});

test('a saved view survives a reload of the page', async ({ page }) => {
  await openDesk(page, desk());
  await page
    .getByLabel('Currency')
    .selectOption({ label: 'EUR' })
    .catch(() => undefined);
  await page.getByLabel('Age').selectOption('late');
  await page.getByLabel('Search customer id, name or tid').fill('e2e');
  await page.getByRole('button', { name: 'Save view…' }).click();
  await page.getByLabel('View name').fill(`Late e2e ${run}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await page.reload();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  // The current filter survives the reload too; clear it, then the saved view brings it back.
  await expect(page.getByLabel('Search customer id, name or tid')).toHaveValue('e2e');
  await page.getByLabel('Search customer id, name or tid').fill('');
  await page.getByLabel('Age').selectOption('any');
  await page.getByLabel('Saved view').selectOption({ label: `Late e2e ${run}` });
  await expect(page.getByLabel('Search customer id, name or tid')).toHaveValue('e2e');
  await expect(page.getByLabel('Age')).toHaveValue('late');
});

test('after a reload the saved-view picker shows the view whose filter the queue still has', async ({ page }) => {
  const cid = `e2e-view-reload-${run}`;
  await createRequest(cid, 'EUR', 25_000);
  await openQueueFor(page, cid);
  const filters = page.getByRole('search', { name: 'Filter the queue' });
  const views = page.getByRole('group', { name: 'Views of this queue' });
  const picker = views.getByLabel('Saved view');
  const name = `EUR over 100 ${run}`;
  await filters.getByLabel('Currency').selectOption({ label: 'EUR' });
  await filters.getByLabel('Minimum amount').fill('100');
  await views.getByRole('button', { name: 'Save view…' }).click();
  await views.getByLabel('View name').fill(name);
  await views.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(picker.locator('option:checked')).toHaveText(name);

  await page.reload();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  await expect(filters.getByLabel('Minimum amount')).toHaveValue('100');
  await expect(picker.getByRole('option', { name })).toHaveCount(1);
  await expect(picker.locator('option:checked')).toHaveText(name);
  await expect(views.getByRole('button', { name: 'Delete view' })).toBeVisible();
  // Changed away from the view, the picker lets go of it, as before the reload.
  await filters.getByLabel('Minimum amount').fill('101');
  await expect(picker).toHaveValue('');
});

test('the saved-view picker shows no view once the filter is cleared or changed away from it', async ({ page }) => {
  await openDesk(page, desk());
  const filters = page.getByRole('search', { name: 'Filter the queue' });
  const views = page.getByRole('group', { name: 'Views of this queue' });
  const picker = views.getByLabel('Saved view');
  const name = `Late only ${run}`;
  await filters.getByLabel('Age').selectOption('late');
  await views.getByRole('button', { name: 'Save view…' }).click();
  await views.getByLabel('View name').fill(name);
  await views.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(picker).not.toHaveValue('');
  await expect(views.getByRole('button', { name: 'Delete view' })).toBeVisible();

  // Clear: the view's filter is gone from the screen, so is the view from the picker (and its Delete button).
  await filters.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(filters.getByLabel('Age')).toHaveValue('any');
  await expect(picker).toHaveValue('');
  await expect(views.getByRole('button', { name: 'Delete view' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('25-saved-view-cleared') });

  // Picked again it is selected; a filter changed away from it deselects it the same way.
  await picker.selectOption({ label: name });
  await expect(filters.getByLabel('Age')).toHaveValue('late');
  await expect(picker).not.toHaveValue('');
  await filters.getByLabel('Age').selectOption('warn');
  await expect(picker).toHaveValue('');
  await filters.getByLabel('Age').selectOption('late');
  await expect(picker).not.toHaveValue('');
  await views.getByRole('button', { name: 'Delete view' }).click();
  await expect(picker.getByRole('option', { name })).toHaveCount(0);
});

test('payout settings: a late threshold before the warning is refused with the reason, and nothing is saved', async ({
  page,
}) => {
  await openDesk(page, desk());
  await openSettings(page);
  const panel = page.getByRole('region', { name: 'Payout settings' });
  await panel.getByLabel('SLA late after (minutes)').fill('10');
  await panel.getByRole('button', { name: 'Save payout settings' }).click();
  await expect(panel.getByLabel('SLA late after (minutes)')).toHaveAccessibleDescription(
    'Must be more than the SLA warning (30 minutes)',
  );
  await page.reload();
  await openSettings(page);
  await expect(
    page.getByRole('region', { name: 'Payout settings' }).getByLabel('SLA late after (minutes)'),
  ).toHaveValue('120');
});
