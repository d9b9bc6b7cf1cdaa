import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { lastAction, openQueueFor, payoutsSim, queueRow } from './support/payouts-sim';
import { capturesSim } from './support/captures-sim';

// The detail pane fits its width at every window size: nothing scrolls sideways, an amount is never folded between
// its code and its number, and a value cut to its column keeps its whole text on hover.
const desk = deskHostForThisFile();
const payouts = payoutsSim(desk);
const captures = capturesSim(desk);
const run = randomBytes(3).toString('hex');

/** What in the pane does not fit it: its own overflow, amounts over two lines, cells cut without their text on hover. */
const paneMisfits = (pane: Locator) =>
  pane.evaluate((p) => {
    const misfits: string[] = [];
    if (p.scrollWidth > p.clientWidth + 1) misfits.push(`pane content ${p.scrollWidth} px in ${p.clientWidth} px`);
    const texts = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      if (text.parentElement!.closest('.visually-hidden, pre, details:not([open]) > :not(summary)')) continue;
      for (const m of text.textContent!.matchAll(/\b[A-Z]{3} [\d,]+(\.\d+)?/g)) {
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) misfits.push(`amount over ${tops.size} lines: ${m[0]}`);
      }
    }
    for (const cell of p.querySelectorAll('td, th')) {
      if (cell.scrollWidth <= cell.clientWidth + 1) continue;
      const title = cell.getAttribute('title') ?? cell.querySelector('[title]')?.getAttribute('title');
      if (title !== cell.textContent) misfits.push(`cut without its text on hover: ${cell.textContent}`);
    }
    return misfits;
  });

async function expectPaneFits(page: Page, pane: Locator, size: { width: number; height: number }, shot: string) {
  await page.setViewportSize(size);
  await expect.poll(() => paneMisfits(pane), { message: `the pane fits at ${size.width} px` }).toEqual([]);
  await pane.getByRole('region', { name: 'Customer history' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath(`${shot}-${size.width}`) });
}

test('the payout detail pane of a split request with a customer history fits its width at 1440 and 1024', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const cid = `e2e-pane-fit-${run}`;
  // A card deposit first: the history lists it with its masked card, the longest value in the pane's tables.
  await captures.authorize(cid, 'GBP', 50_000, 'MasterCard');
  const tid = await payouts.createRequest(cid, 'GBP', 60_000, { first_name: 'Henrietta', last_name: 'Abernathy' });
  await openQueueFor(page, desk(), cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Request ${tid}` });
  await expect(pane.getByRole('region', { name: 'Risk' })).toBeVisible();
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'Split withdrawal' });
  await dialog.getByLabel('Part 1 amount').fill('200');
  await dialog.getByRole('button', { name: 'Add part' }).click();
  await dialog.getByLabel('Part 2 amount').fill('150');
  await dialog.getByRole('button', { name: 'Send 2 parts' }).click();
  await expect(lastAction(page)).toContainText('Money moved.');
  await expect(pane.getByRole('region', { name: 'Split parts' })).toContainText('GBP 250.00');
  // The audit trail lists the split's parts with their details: a long line of its own.
  await expect(pane.getByRole('region', { name: 'Journal and audit' })).toContainText('"parts":2');
  await pane.getByText('1 deposit, 1 withdrawal').click();
  await expect(pane.getByRole('region', { name: 'Customer history' })).toContainText('authorized');

  await expectPaneFits(page, pane, { width: 1440, height: 900 }, '62-payouts-pane-fit');
  await expectPaneFits(page, pane, { width: 1024, height: 768 }, '62-payouts-pane-fit');
});
