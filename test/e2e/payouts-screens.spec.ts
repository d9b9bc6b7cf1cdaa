import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectEveryControlNamed } from './support/named-controls';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { approveRow, openQueueFor, payoutsSim, queue, queueRow, searchBox } from './support/payouts-sim';
import { clippedCells, fitsItsScroller } from './support/queue-rows';

// Issue 9, what the operator sees: nothing clipped, amounts easy to scan, every screen and dialog accessible.
const desk = deskHostForThisFile();
const sim = payoutsSim(desk);
const run = randomBytes(3).toString('hex');

test('queue with the detail pane: tid column, aligned amounts in one notation, nothing clipped without its full text', async ({
  page,
}) => {
  const cid = `e2e-look-${run}`;
  const eur = await sim.createRequest(cid, 'EUR', 29_400);
  const jpy = await sim.createRequest(cid, 'JPY', 4_200);
  const kwd = await sim.createRequest(cid, 'KWD', 146_750);
  await openQueueFor(page, desk(), cid);
  await expect(queue(page).getByRole('columnheader', { name: 'tid' })).toBeVisible();
  await expect(queueRow(page, eur).getByRole('cell').nth(1)).toHaveText(String(eur));
  await expect(queueRow(page, eur)).toContainText('EUR 294.00');
  await expect(queueRow(page, jpy)).toContainText('JPY 4,200');
  await expect(queueRow(page, kwd)).toContainText('KWD 146.750');

  await queueRow(page, eur).click();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: `Request ${eur}` }).getByRole('region', { name: 'Risk' }),
  ).toBeVisible();

  // Decimal points line up: each number (padded to the widest fraction) ends at the same x. A geometry check, so it
  // reads the number as shown.
  const shown = [
    [eur, '294.00'],
    [jpy, '4,200'],
    [kwd, '146.750'],
  ] as const;
  const points = await Promise.all(
    shown.map(([tid, number]) =>
      queueRow(page, tid)
        .getByText(number, { exact: true })
        .evaluate((el) => {
          const r = el.getBoundingClientRect();
          return Math.round(r.right);
        }),
    ),
  );
  expect(new Set(points).size).toBe(1);

  // The same over the whole queue (the seeded book: long names, ages in days, several flags), pane still open.
  await searchBox(page).fill('');
  // The whole queue is on screen (its count no longer says "3 of …"), not the narrowed one still drawn.
  await expect(page.getByRole('status', { name: 'Queue count' })).toHaveText(/^[\d,]+ waiting/);
  await expect(queueRow(page, eur)).toBeVisible();
  const { clipped, rowsChecked } = await clippedCells(queue(page));
  // Rows were looked at (the check cannot pass on an empty selection), and none clips its text.
  expect(rowsChecked).toBeGreaterThan(10);
  expect(clipped).toEqual([]);
  const tableFits = await fitsItsScroller(queue(page));
  expect(tableFits, 'the queue table fits beside the pane').toBe(true);
  // The toolbar stays one row.
  const tools = page.getByRole('search', { name: 'Filter the queue' });
  const heights = await tools.evaluate((el) => {
    const kids = [...el.parentElement!.children] as HTMLElement[];
    return new Set(kids.map((k) => Math.round(k.getBoundingClientRect().top))).size;
  });
  expect(heights).toBe(1);
  await page.screenshot({ path: screenshotPath('33-queue-with-detail') });
});

test('at 1280 pixels with the detail pane open, a typical customer name shows in full; tid, amount and risk whole', async ({
  page,
}) => {
  // A cid as short as the seeded ones (cust-9012) and a name of 23 characters, a long but ordinary one.
  const cid = `cu-${run}`;
  const named = await sim.createRequest(cid, 'EUR', 1_250_000, { first_name: 'Margarethe', last_name: 'Vandenberghe' });
  const other = await sim.createRequest(cid, 'KWD', 146_750);
  await openQueueFor(page, desk(), cid);
  for (const tid of [named, other]) await expect(queueRow(page, tid)).toBeVisible();
  await queueRow(page, named).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Request ${named}` })).toBeVisible();
  await expect(queue(page).getByRole('columnheader', { name: 'Customer' })).toBeVisible();

  // The name's letters lie inside the cell's padding edge: drawn whole, not cut to "Margarethe Vand…".
  const nameLacks = await queueRow(page, named)
    .getByText('Margarethe Vandenberghe', { exact: true })
    .evaluate((el) => {
      const cell = el.closest('td')!;
      const range = document.createRange();
      range.selectNodeContents(el);
      const edge = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
      return Math.max(0, Math.ceil(range.getBoundingClientRect().right - edge));
    });
  expect(nameLacks, 'pixels the name lacks beside the pane').toBe(0);
  // Nothing else gave its room: every other cell whole, the table inside its scroller.
  const { clipped, rowsChecked } = await clippedCells(queue(page));
  expect(rowsChecked).toBe(2);
  expect(clipped.filter((c) => !/ Customer: /.test(c))).toEqual([]);
  expect(await fitsItsScroller(queue(page)), 'the queue table fits beside the pane').toBe(true);
  await page.screenshot({ path: screenshotPath('33b-queue-with-detail-full-name') });
});

/**
 * Four requests of a new customer in a day, all one burst (velocity). The third, above the four-eyes threshold,
 * carries more flags than two (ratio, velocity, four-eyes); the others two (ratio, velocity).
 */
async function flaggedRequests(cid: string): Promise<{ few: number; many: number; all: number[] }> {
  const first = await sim.createRequest(cid, 'EUR', 3_500);
  const second = await sim.createRequest(cid, 'EUR', 4_500);
  const many = await sim.createRequest(cid, 'EUR', 600_000);
  const few = await sim.createRequest(cid, 'EUR', 2_500);
  return { few, many, all: [first, second, many, few] };
}

test('the full queue at 1280 pixels: every column fits, no risk badge is cut, and flags beyond two are counted and named', async ({
  page,
}) => {
  const cid = `e2e-flags-${run}`;
  const { few, many, all } = await flaggedRequests(cid);
  // A first request above the threshold: first withdrawal (info), ratio (high) and four-eyes (info), in that order.
  const solo = await sim.createRequest(`${cid}-solo`, 'EUR', 600_000);
  await openQueueFor(page, desk(), cid);
  // Every row of this test is in (one visible says nothing of the others still on their way).
  for (const tid of [...all, solo]) await expect(queueRow(page, tid)).toBeVisible();
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(queue(page).getByRole('columnheader', { name: 'Method · destination' })).toBeVisible();
  expect(await fitsItsScroller(queue(page)), 'the full table fits a 1280-pixel window').toBe(true);

  // The row's flags, each with its reason, on hover: the four-eyes one is among them.
  const every = (await queueRow(page, many)
    .getByTitle(/four-eyes/)
    .getAttribute('title'))!.split('\n');
  expect(every.length, 'the request carries more flags than two').toBeGreaterThan(2);
  const { clipped, rowsChecked } = await clippedCells(queue(page));
  expect(rowsChecked).toBe(5);
  expect(clipped).toEqual([]);
  // What is not drawn is counted, and the count is named by the flags it stands for.
  const more = queueRow(page, many).getByText(`+${every.length - 1}`, { exact: true });
  await expect(more).toBeVisible();
  const countName = (await more.getAttribute('aria-label'))!;
  expect(countName).toMatch(new RegExp(`^${every.length - 1} more flags: `));
  expect(countName.replace(/^.*?: /, '').split(', ')).toHaveLength(every.length - 1);
  // The badge drawn beside a count is the most severe flag (ratio), not the first found (first withdrawal), and it
  // is named with the severity the risk card gives it (no deposits at all: high).
  await expect(queueRow(page, solo).getByRole('img', { name: 'withdrawals high vs deposits (high)' })).toHaveText(
    'ratio',
  );
  await expect(queueRow(page, solo).getByText('1st', { exact: true })).toHaveCount(0);
  // The count's name says what it is on its own, not "and …" after a badge a reader may not have heard.
  await expect(queueRow(page, solo).getByRole('img', { name: /more flags/ })).toHaveText('+2');
  await expect(queueRow(page, solo).getByRole('img', { name: /more flags/ })).toHaveAccessibleName(
    '2 more flags: first withdrawal (info), four-eyes (info)',
  );
  await queueRow(page, solo).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Risk' }).getByRole('listitem').first()).toContainText(
    /^info First withdrawal/,
  );
  await expect(page.getByRole('region', { name: 'Risk' })).toContainText('high No approved EUR deposits');
  await page.screenshot({ path: screenshotPath('34b-queue-risk-badges-with-card') });
  await page.keyboard.press('Escape');
  // Two flags fit: both shown, nothing counted.
  await expect(queueRow(page, few).getByText('ratio', { exact: true })).toBeVisible();
  await expect(queueRow(page, few).getByText('velocity', { exact: true })).toBeVisible();
  await expect(queueRow(page, few).getByText(/^\+\d$/)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('34-queue-risk-badges') });
});

test("a request's risk flags follow its customer's later requests, live: the first of a burst carries velocity", async ({
  page,
}) => {
  const cid = `e2e-burst-${run}`;
  const first = await sim.createRequest(cid, 'EUR', 3_500);
  await openQueueFor(page, desk(), cid);
  const row = queueRow(page, first);
  await expect(row.getByText('1st', { exact: true })).toBeVisible();
  await expect(row.getByText('velocity', { exact: true })).toHaveCount(0);
  // Two more from the same customer within the hour, while the queue is open: no reload.
  const later = [await sim.createRequest(cid, 'EUR', 4_500), await sim.createRequest(cid, 'EUR', 2_500)];
  for (const tid of later) await expect(queueRow(page, tid)).toBeVisible();
  await expect(row.getByText('velocity', { exact: true })).toBeVisible();
  await expect(row.getByText('1st', { exact: true })).toHaveCount(0);
  await row.click();
  await page.keyboard.press('Enter');
  const risk = page.getByRole('region', { name: 'Risk' });
  await expect(risk).toContainText('3 withdrawal requests within 24 h.');
  await expect(risk).not.toContainText('First withdrawal');
  await page.screenshot({ path: screenshotPath('34c-queue-burst-flags-live') });
});

test("at the window's smallest size (1024 pixels) the queue fits, with and without the pane: risk stays in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const cid = `e2e-narrow-${run}`;
  const { many, all } = await flaggedRequests(cid);
  await openQueueFor(page, desk(), cid);
  for (const tid of all) await expect(queueRow(page, tid)).toBeVisible();
  await expect(queue(page).getByRole('columnheader', { name: 'Method · destination' })).toHaveCount(0);
  for (const name of ['Risk', 'Status', 'Amount', 'Customer'])
    await expect(queue(page).getByRole('columnheader', { name })).toBeVisible();
  expect(await fitsItsScroller(queue(page)), 'the table fits without scrolling sideways').toBe(true);
  expect((await clippedCells(queue(page))).clipped).toEqual([]);
  // The risk count lies left of the pinned status, not under it.
  const [riskRight, statusLeft] = await Promise.all([
    queueRow(page, many)
      .getByText(/^\+\d$/)
      .evaluate((el) => el.getBoundingClientRect().right),
    queueRow(page, many)
      .getByText('requested', { exact: true })
      .evaluate((el) => el.closest('td')!.getBoundingClientRect().left),
  ]);
  expect(riskRight).toBeLessThanOrEqual(statusLeft);
  // The toolbar may take two rows here, but no control lies over another (the saved views sat under Clear).
  const overlaps = await page.getByRole('search', { name: 'Filter the queue' }).evaluate((bar) => {
    const controls = [...bar.parentElement!.querySelectorAll('input, select, button')].map((el) => ({
      name: el.getAttribute('aria-label') ?? el.textContent,
      box: el.getBoundingClientRect(),
    }));
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    return controls.flatMap((c, i) =>
      controls.slice(i + 1).flatMap((d) => (meet(c.box, d.box) ? [`${c.name} / ${d.name}`] : [])),
    );
  });
  expect(overlaps).toEqual([]);
  // Every part of the status bar is inside the window, none cut off at its right edge.
  const beyond = await page
    .getByRole('contentinfo', { name: 'Status' })
    .evaluate((bar) =>
      [...bar.children]
        .filter((item) => item.getBoundingClientRect().right > window.innerWidth + 1)
        .map((item) => item.textContent),
    );
  expect(beyond).toEqual([]);

  await page.screenshot({ path: screenshotPath('35-queue-narrow-window') });

  // With the detail pane open the queue still fits beside it: the tid and age give way (the pane's heading names
  // both); the customer stays, it says who each row is about.
  await queueRow(page, many).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Request ${many}` })).toBeVisible();
  for (const name of ['tid', 'Age', 'Status'])
    await expect(queue(page).getByRole('columnheader', { name })).toHaveCount(0);
  for (const name of ['Customer', 'Amount', 'Risk'])
    await expect(queue(page).getByRole('columnheader', { name })).toBeVisible();
  expect(await fitsItsScroller(queue(page)), 'the table fits beside the pane').toBe(true);
  expect((await clippedCells(queue(page))).clipped).toEqual([]);
  await page.screenshot({ path: screenshotPath('37-queue-narrow-window-with-detail') });
});

test('axe (WCAG 2.1 AA) finds nothing serious on any screen or dialog', async ({ page }) => {
  test.setTimeout(120_000);
  const cid = `e2e-axe-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 12_000);
  await sim.createRequest(cid, 'EUR', 3_000);
  await openQueueFor(page, desk(), cid);
  await expectNoSeriousA11yViolations(page, 'the payout queue');

  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Request ${tid}` });
  await expect(pane.getByRole('region', { name: 'Risk' })).toBeVisible();
  await pane.getByText('Raw transaction').click();
  await expect(pane.getByRole('region', { name: 'Raw transaction JSON' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the queue with the detail pane');

  for (const [key, name] of [
    ['a', 'Approve withdrawal'],
    ['r', 'Reject withdrawal'],
    ['s', 'Split withdrawal'],
  ] as const) {
    // Single keys act only when no control has focus (the Raw summary had it).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    if (key === 's') await dialog.getByLabel('Part 1 amount').fill('12,5');
    await expectNoSeriousA11yViolations(page, `the ${name} dialog`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }

  await queueRow(page, tid).getByRole('checkbox').check();
  await page.getByRole('button', { name: /Approve selected/ }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulk approve' });
  await expectNoSeriousA11yViolations(page, 'the bulk confirmation');
  await bulk.getByRole('button', { name: 'Approve 1' }).click();
  await expect(bulk.getByLabel('Bulk result')).toContainText('1 succeeded');
  await expectNoSeriousA11yViolations(page, 'the bulk result');
  await bulk.getByRole('button', { name: 'Done' }).click();

  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the command palette');
  await page.keyboard.press('Escape');

  const nav = page.getByRole('navigation', { name: 'Screens' });
  for (const screen of ['Captures', 'Virtual terminal', 'Lookup', 'Audit', 'Settings']) {
    await nav.getByRole('button', { name: new RegExp(`^${screen}`) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the ${screen} screen`);
  }
});

test('every control on the Payouts screen has an accessible name', async ({ page }) => {
  const cid = `e2e-names-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 8_800);
  await openDesk(page, desk());
  await page.getByLabel('Search customer id, name or tid').fill(cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: `Request ${tid}` }).getByRole('region', { name: 'Risk' }),
  ).toBeVisible();
  await expectEveryControlNamed(page);
});

test('lookup of a request already handled shows what became of it: payout tid, amount, customer, date', async ({
  page,
}) => {
  const cid = `e2e-handled-${run}`;
  const tid = await sim.createRequest(cid, 'EUR', 4_150);
  await openQueueFor(page, desk(), cid);
  await approveRow(page, tid);
  await expect(queueRow(page, tid)).toHaveCount(0);
  const [payoutTid] = (await sim.record(tid)).parts;

  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Lookup/ })
    .click();
  await page.getByLabel(/Transaction ids/).fill(String(tid));
  await page.getByRole('button', { name: 'Look up 1 id' }).click();
  const row = page.getByRole('table', { name: 'Lookup results' }).getByRole('row', { name: new RegExp(`^${tid}`) });
  await expect(row).toContainText(`paid by payout ${payoutTid} EUR 41.50`);
  // Praxis calls a request its payouts carry "split", approved whole or not: the desk says what it means.
  await expect(row.getByRole('cell').nth(2)).toHaveText('paid out (Praxis: split)');
  await page.screenshot({ path: screenshotPath('07d-lookup-handled-request') });
  // Customer (name, else cid) and the date it was created.
  await expect(row.getByRole('cell').nth(4)).not.toHaveText(/^(unknown)?$/);
  await expect(row.getByRole('cell').nth(5)).toHaveText(/\d{4}/);
  await expectNoSeriousA11yViolations(page, 'the lookup results');
});
