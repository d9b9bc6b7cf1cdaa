import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { lastAction, openQueueFor, payoutsSim, queue, queueRow } from './support/payouts-sim';
import { expectWidestAmountsFit } from './support/widest-amounts';

// Issue 9, amounts: after a split every figure is the remainder, and amount entry never guesses.
const desk = deskHostForThisFile();
const sim = payoutsSim(desk);
const run = randomBytes(3).toString('hex');
const eur = (minor: number) =>
  `EUR ${(minor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('split then bulk approve: row, header, confirmation and result show the remainder the simulator paid', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const cid = `e2e-rest-${run}`;
  const split = await sim.createRequest(cid, 'EUR', 33_500);
  const plain = await sim.createRequest(cid, 'EUR', 7_700);
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, split)).toContainText('EUR 335.00');

  await queueRow(page, split).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Request ${split}` });
  await expect(pane.getByRole('region', { name: 'Risk' })).toBeVisible();
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Split withdrawal' });
  // Splitting pays money out as approving does: the same risk line is in front of the person deciding.
  await expect(dialog.getByLabel('Risk flags')).toHaveText(/^Risk: /);
  await dialog.getByLabel('Part 1 amount').fill('83.75');
  await dialog.getByRole('button', { name: 'Add part' }).click();
  await dialog.getByLabel('Part 2 amount').fill('67.00');
  await expect(dialog.getByLabel('Remaining request')).toContainText('EUR 184.25');
  await dialog.getByRole('button', { name: 'Send 2 parts' }).click();
  await expect(lastAction(page)).toContainText('Money moved.');

  const left = 'EUR 184.25 left of EUR 335.00';
  await expect(queueRow(page, split)).toContainText(left);
  await expect(pane.getByRole('heading', { level: 2 })).toContainText(left);
  await expect(
    pane.getByRole('region', { name: 'Split parts' }).getByRole('row', { name: /remaining request/ }),
  ).toContainText('EUR 184.25');
  // The customer's history counts the request once: parts paid plus what is left, EUR 335.00 + EUR 77.00.
  await expect(pane.getByRole('region', { name: 'Customer history' }).getByRole('row', { name: /^EUR/ })).toContainText(
    'EUR 412.00',
  );
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(queueRow(page, split)).toContainText(left);

  await page.keyboard.press('Escape');
  await queueRow(page, split).getByRole('checkbox').check();
  await queueRow(page, plain).getByRole('checkbox').check();
  await page.getByRole('button', { name: /Approve selected/ }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulk approve' });
  const items = bulk.getByRole('table', { name: 'Selected requests' });
  await expect(items.getByRole('row', { name: new RegExp(String(split)) })).toContainText('EUR 184.25');
  await expect(items.getByRole('row', { name: new RegExp(String(plain)) })).toContainText('EUR 77.00');
  // The sentence about risk ends before the totals, which say what they are: read together they meant "flagged".
  await expect(bulk).toContainText('You are about to approve 2 withdrawal requests, 2 with risk flags.');
  await expect(bulk).toContainText('Totals to pay:');
  await expect(bulk.getByLabel('Totals to pay')).toHaveText('2 in EUR: EUR 261.25');
  await page.screenshot({ path: screenshotPath('30-bulk-confirmation') });
  await bulk.getByRole('button', { name: 'Approve 2' }).click();
  await expect(bulk.getByLabel('Bulk result')).toContainText('2 succeeded, 0 failed');

  // What the simulator paid in the bulk: every part except the two split parts sent before.
  const paid = [...(await sim.partsPaid(split)).values(), ...(await sim.partsPaid(plain)).values()];
  const inBulk = paid.reduce((s, a) => s + a, 0) - 8_375 - 6_700;
  expect(inBulk).toBe(26_125);
  await expect(bulk.getByLabel('Paid')).toHaveText(`2 in EUR: ${eur(inBulk)}`);
  const results = bulk.getByRole('table', { name: 'Per-item results' });
  await expect(results.getByRole('row', { name: new RegExp(String(split)) })).toContainText('Paid EUR 184.25 to');
  await expect(results).not.toContainText(/[0-9a-f]{32}/);
});

test('amount entry never guesses: a comma is refused with what to type, an excess is shown as "over"', async ({
  page,
}) => {
  const cid = `e2e-entry-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 29_400);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('a');
  const approve = page.getByRole('dialog', { name: 'Approve withdrawal' });
  await expect(approve.getByLabel('Amount in words')).toHaveText('two hundred ninety-four euros');
  await page.keyboard.press('Escape');

  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Split withdrawal' });
  await dialog.getByLabel('Part 1 amount').fill('12,5');
  await expect(dialog).toContainText('use a point for decimals and no thousands separators, e.g. 12.50');
  const send = dialog.getByRole('button', { name: 'Send 1 part' });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/Part 1: .*use a point for decimals/);
  await dialog.getByLabel('Part 1 amount').fill('306.00');
  await expect(dialog.getByLabel('Remaining request')).toContainText('EUR 12.00 over');
  await expect(send).toHaveAccessibleDescription(/EUR 12.00 over/);
  // Said once in a sentence (the alert), which the button points to, not again beside it.
  await expect(dialog.getByText(/EUR 12.00 over the EUR 294.00 left to pay/)).toHaveCount(1);
  await dialog.getByLabel('Part 1 amount').fill('12.50');
  await expect(send).toBeEnabled();
  await page.screenshot({ path: screenshotPath('31-split-dialog') });
  await page.keyboard.press('Escape');
  expect((await sim.record(tid)).payoutsMade).toBe(0);
});

test('the amount filter says what is wrong on a line of its own, under the filters, and tied to the fields', async ({
  page,
}) => {
  const cid = `e2e-filter-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 29_400);
  await openQueueFor(page, desk(), cid);
  await expect(queueRow(page, tid)).toBeVisible();
  const minimum = page.getByLabel('Minimum amount');
  const problem = page.getByRole('alert').filter({ hasText: 'Amount filter' });
  const hint = page.getByText('approve selected');

  await minimum.fill('abc');
  await expect(problem).toContainText('Amount filter ignored where it does not fit');
  await expect(minimum).toHaveAccessibleDescription(/Amount filter ignored/);
  // Both readable: the message does not lie over the keys' hint.
  const [said, keys] = [await problem.boundingBox(), await hint.boundingBox()];
  expect(said!.y + said!.height).toBeLessThanOrEqual(keys!.y);

  await minimum.fill('500');
  await page.getByLabel('Maximum amount').fill('100');
  await expect(problem).toHaveText(/Amount filter: the minimum is above the maximum, so no row can match/);
  await page.screenshot({ path: screenshotPath('32-amount-filter-problem') });
});

test('the widest amount (a seven-figure whole part, KWD 9,999,999.999) fits its Amount cell at 1280 and 1024 pixels, with the detail pane open or not', async ({
  page,
}) => {
  const cid = `e2e-widest-${run}`;
  const tids = [
    await sim.createRequest(cid, 'KWD', 9_999_999_999),
    await sim.createRequest(cid, 'EUR', 999_999_999),
    await sim.createRequest(cid, 'JPY', 9_999_999),
    await sim.createRequest(cid, 'KWD', 99_999_999),
  ];
  const payouts = {
    table: queue(page),
    open: () => openQueueFor(page, desk(), cid),
    row: (tid: number) => queueRow(page, tid),
    pane: (tid: number) => page.getByRole('complementary', { name: `Request ${tid}` }),
  };
  await expectWidestAmountsFit(page, payouts, tids, 'KWD 9,999,999.999', '36c-payouts-widest-amounts');
});

test("a refused part's reason sits beside the split dialog's buttons without folding their labels onto two lines", async ({
  page,
}) => {
  const cid = `e2e-fold-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 47_050);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Split withdrawal' });
  await dialog.getByLabel('Part 1 amount').fill('100');
  await dialog.getByRole('button', { name: 'Add part' }).click();
  await dialog.getByLabel('Part 2 amount').fill('12,5');
  await expect(dialog.getByRole('button', { name: 'Send 2 parts' })).toHaveAccessibleDescription(/has a separator/);
  // Each button's label is one line of text (a folded label draws two line boxes).
  const folded = await dialog.evaluate((d) =>
    [...d.querySelectorAll('button')].flatMap((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return lines.size > 1 ? [b.textContent] : [];
    }),
  );
  expect(folded).toEqual([]);
  await dialog.screenshot({ path: screenshotPath('62-split-refused-part') });
});
