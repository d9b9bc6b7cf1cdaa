import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { captureQueue, capturesSim, holdRow, openCapturesFor } from './support/captures-sim';
import { clippedCells, fitsItsScroller } from './support/queue-rows';
import { expectWidestAmountsFit } from './support/widest-amounts';
import { expectEveryControlNamed } from './support/named-controls';
import { openSettings } from './support/settings-page';

const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');
const sim = capturesSim(desk);

const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test('axe (WCAG 2.1 AA) finds nothing serious on the Captures screen and its dialogs; every control is named', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const cid = `e2e-axe-${run}`;
  const tid = await sim.authorize(cid, 'EUR', 12_000);
  await sim.authorize(cid, 'JPY', 3_000);
  await openCapturesFor(page, desk(), cid);
  await expect(holdRow(page, tid)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the capture queue');
  await expectEveryControlNamed(page);

  await holdRow(page, tid).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Hold ${tid}` });
  await expect(pane.getByRole('region', { name: 'Customer history' })).toBeVisible();
  await pane.getByText('Raw transaction').click();
  await expect(pane.getByRole('region', { name: 'Raw transaction JSON' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the capture queue with the detail pane');
  await expectEveryControlNamed(page);

  for (const [key, name] of [
    ['c', 'Capture authorization'],
    ['v', 'Void authorization'],
  ] as const) {
    await blur(page);
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the ${name} dialog`);
    await expectEveryControlNamed(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }

  await page.getByRole('button', { name: 'select all 2 shown' }).click();
  // Shift+V voids the selection, as Shift+C captures it (the button is captures.spec's).
  await blur(page);
  await page.keyboard.press('Shift+V');
  const bulkVoid = page.getByRole('dialog', { name: 'Bulk void' });
  await expect(bulkVoid.getByRole('button', { name: 'Void 2' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'the bulk void confirmation');
  await expectEveryControlNamed(page);
  await bulkVoid.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: /Capture selected/ }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulk capture' });
  await expectNoSeriousA11yViolations(page, 'the bulk capture confirmation');
  await bulk.getByRole('button', { name: 'Capture 2' }).click();
  await expect(bulk.getByLabel('Bulk result')).toContainText('2 succeeded');
  await expectNoSeriousA11yViolations(page, 'the bulk result');
  await bulk.getByRole('button', { name: 'Done' }).click();
});

test('Settings › Captures: a hold window over 60 days is refused beside its row; a valid table saves and the queue says which window it uses', async ({
  page,
}) => {
  const cid = `e2e-windows-${run}`;
  const tid = await sim.authorize(cid, 'EUR', 2_000);
  await openDesk(page, desk());
  await openSettings(page);
  const panel = page.getByRole('region', { name: 'Capture settings' });
  const table = panel.getByRole('table', { name: 'Hold windows' });
  await expect(table).toBeVisible();
  await expectEveryControlNamed(page);

  // The default row (no brand, no method) is the last one of the documented defaults.
  const rows = await table.getByRole('row').count();
  const last = rows - 1;
  await panel.getByLabel(`Hold window ${last} days`).fill('61');
  await panel.getByRole('button', { name: 'Save capture settings' }).click();
  await expect(panel.getByText('A hold window is at most 60 days')).toBeVisible();
  await expect(panel.getByLabel(`Hold window ${last} days`)).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByLabel(`Hold window ${last} days`)).toHaveAccessibleDescription(
    'A hold window is at most 60 days',
  );
  await panel.getByLabel(`Hold window ${last} days`).fill('x');
  await panel.getByRole('button', { name: 'Save capture settings' }).click();
  await expect(panel.getByLabel(`Hold window ${last} days`)).toHaveAccessibleDescription(
    'Days, hours and minutes are whole numbers (0 or more).',
  );
  await page.screenshot({ path: screenshotPath('46-captures-settings-error'), fullPage: true });

  await panel.getByLabel(`Hold window ${last} days`).fill('3');
  await panel.getByLabel(`Hold window ${last} hours`).fill('0');
  await panel.getByLabel(`Hold window ${last} label`).fill('Everything else (3 d)');
  // From the keyboard: the focus stays on Save through the save, and the saved notice is a status.
  const save = panel.getByRole('button', { name: 'Save capture settings' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText('Capture settings saved.');
  await expect(save).toBeFocused();
  await panel.getByRole('heading', { name: 'Hold windows' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('47-captures-settings-hold-windows') });
  await expectNoSeriousA11yViolations(page, 'Settings with the hold windows');

  await openCapturesFor(page, desk(), cid);
  await expect(holdRow(page, tid)).toContainText(/2 d 2[23] h/);
  await holdRow(page, tid)
    .getByRole('timer', { name: /^Time left before the hold lapses/ })
    .focus();
  await expect(holdRow(page, tid).getByRole('tooltip')).toContainText('window: Everything else (3 d)');
  // The row says which window its countdown uses, under the label Settings gave it: on hover (the cell's title,
  // never cut by the cell) and as the timer's description, beside the detail pane at 1024 pixels too.
  const timer = holdRow(page, tid).getByRole('timer', { name: /^Time left before the hold lapses/ });
  await expect(timer).toHaveAttribute('title', /^Lapses .* · window: Everything else \(3 d\)$/);
  await expect(timer).toHaveAccessibleDescription(/window: Everything else \(3 d\)$/);
  await page.setViewportSize({ width: 1024, height: 768 });
  await holdRow(page, tid).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Hold ${tid}` })).toBeVisible();
  // Beside the pane the tid gives way: the row at the cursor is the pane's hold.
  const besidePane = captureQueue(page).getByRole('row', { selected: true }).getByRole('timer');
  await expect(besidePane).toBeVisible();
  await expect(besidePane).toHaveAttribute('title', /window: Everything else \(3 d\)$/);
  expect(await fitsItsScroller(captureQueue(page)), 'the queue fits beside the pane').toBe(true);
});

test("at the window's smallest size (1024 pixels) the capture queue fits: card, gateway and order id give way, time left and status stay in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const cid = `e2e-narrow-${run}`;
  const tid = await sim.authorize(cid, 'EUR', 7_500);
  await openCapturesFor(page, desk(), cid);
  await expect(holdRow(page, tid)).toBeVisible();
  const table = captureQueue(page);
  for (const name of ['Card · wallet', 'Gateway', 'Order id'])
    await expect(table.getByRole('columnheader', { name })).toHaveCount(0);
  for (const name of ['Time left', 'Customer', 'Amount', 'Status'])
    await expect(table.getByRole('columnheader', { name })).toBeVisible();
  expect(await fitsItsScroller(table)).toBe(true);
  expect((await clippedCells(table)).clipped).toEqual([]);
  await page.screenshot({ path: screenshotPath('36-captures-narrow-window') });
});

test("a 1280-pixel window shows every brand's whole masked card number in the Card · wallet column", async ({
  page,
}) => {
  const cid = `e2e-brands-${run}`;
  const brands = ['VISA', 'MasterCard', 'AMEX', 'Discover', 'Maestro'] as const;
  const tids = await Promise.all(brands.map((brand, i) => sim.authorize(cid, 'EUR', 1_000 + i, brand)));
  await openCapturesFor(page, desk(), cid);
  const table = captureQueue(page);
  for (const tid of tids) await expect(holdRow(page, tid)).toBeVisible();
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  const cardAt = headers.indexOf('Card · wallet');
  expect(cardAt, 'the Card · wallet column is shown at 1280 pixels').toBeGreaterThanOrEqual(0);
  for (const [i, tid] of tids.entries()) {
    const card = (await sim.record(tid)).transaction.card!;
    expect(card.card_type).toBe(brands[i]);
    const cell = holdRow(page, tid).getByRole('cell').nth(cardAt);
    await expect(cell).toHaveText(`${card.card_type} ${card.card_number}`);
    const fit = await cell.evaluate((c) => ({ scroll: c.scrollWidth, client: c.clientWidth }));
    expect(fit.scroll, `${card.card_type} ${card.card_number} is not clipped`).toBeLessThanOrEqual(fit.client);
  }
  await page.screenshot({ path: screenshotPath('48-captures-card-brands') });
  // The Age column's widest text, a hold almost a day old: written into a shown age cell, it must not be clipped.
  const ageCell = holdRow(page, tids[0]!).getByRole('cell').nth(headers.indexOf('Age'));
  const oldest = await ageCell.evaluate((c) => {
    const text = c.querySelector('span') ?? c;
    text.textContent = '23 h 59 m';
    return { scroll: c.scrollWidth, client: c.clientWidth };
  });
  expect(oldest.scroll, '"23 h 59 m" fits the Age column').toBeLessThanOrEqual(oldest.client);
  expect(await fitsItsScroller(table), 'the full table still fits a 1280-pixel window').toBe(true);
});

test('order ids stay readable: at 1280 pixels each is shown whole or with its whole text on hover; at 1024 the detail pane shows it whole', async ({
  page,
}) => {
  const cid = `e2e-orders-${run}`;
  // The longest a merchant's order id can be at Praxis (50 characters), one as the terminal writes them, the sandbox's.
  const longest = `e2e-order-${run}-${randomBytes(16).toString('hex')}`.slice(0, 50);
  const terminalLike = `vt-${run}ab-${randomBytes(6).toString('hex')}`;
  const orders = [longest, terminalLike, undefined];
  const tids: number[] = [];
  for (const orderId of orders) tids.push(await sim.authorize(cid, 'EUR', 4_200, undefined, orderId));
  const orderIds = await Promise.all(tids.map(async (tid) => (await sim.record(tid)).order_id));
  expect(orderIds.slice(0, 2)).toEqual([longest, terminalLike]);

  await openCapturesFor(page, desk(), cid);
  const table = captureQueue(page);
  for (const tid of tids) await expect(holdRow(page, tid)).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Order id' })).toBeVisible();
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  for (const [i, tid] of tids.entries()) {
    const cell = holdRow(page, tid).getByRole('cell').nth(headers.indexOf('Order id'));
    await expect(cell).toHaveText(orderIds[i]!);
    const whole = await cell.evaluate((c) => c.scrollWidth <= c.clientWidth);
    if (!whole) await expect(cell.getByTitle(orderIds[i]!, { exact: true })).toHaveCount(1);
  }
  expect((await clippedCells(table)).clipped).toEqual([]);
  expect(await fitsItsScroller(table), 'the table fits a 1280-pixel window').toBe(true);
  await page.screenshot({ path: screenshotPath('49-captures-order-ids-1280') });
  // The whole queue, taller than the window: beside its scrollbar the order id still has its place.
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect
    .poll(() => table.evaluate((t) => t.parentElement!.scrollHeight > t.parentElement!.clientHeight))
    .toBe(true);
  await expect(table.getByRole('columnheader', { name: 'Order id' })).toBeVisible();
  expect(await fitsItsScroller(table)).toBe(true);

  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(table.getByRole('columnheader', { name: 'Order id' })).toHaveCount(0);
  await holdRow(page, tids[0]!).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Hold ${tids[0]}` });
  await expect(pane.getByText(longest, { exact: true })).toBeVisible();
  // Every line of it inside the pane's padding edge, none cut or scrolled sideways.
  const outside = await pane.evaluate((p, text) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && walker.currentNode.textContent !== text);
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    const box = p.getBoundingClientRect();
    const style = getComputedStyle(p);
    const [left, right] = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
    return [...range.getClientRects()].filter((r) => r.left < left - 0.5 || r.right > right + 0.5).length;
  }, longest);
  expect(outside, 'no line of the order id reaches past the pane').toBe(0);
  await page.screenshot({ path: screenshotPath('49b-captures-order-id-pane-1024') });
});

test('the widest amount (a seven-figure whole part, KWD 9,999,999.999) fits its Amount cell at 1280 and 1024 pixels, with the detail pane open or not', async ({
  page,
}) => {
  const cid = `e2e-widest-${run}`;
  const tids = [
    await sim.authorize(cid, 'KWD', 9_999_999_999),
    await sim.authorize(cid, 'EUR', 999_999_999),
    await sim.authorize(cid, 'JPY', 9_999_999),
    await sim.authorize(cid, 'KWD', 99_999_999),
  ];
  const captures = {
    table: captureQueue(page),
    open: () => openCapturesFor(page, desk(), cid),
    row: (tid: number) => holdRow(page, tid),
    pane: (tid: number) => page.getByRole('complementary', { name: `Hold ${tid}` }),
  };
  await expectWidestAmountsFit(page, captures, tids, 'KWD 9,999,999.999', '49c-captures-widest-amounts');
});
