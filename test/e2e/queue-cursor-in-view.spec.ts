import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { openQueueFor, payoutsSim, queue } from './support/payouts-sim';
import { captureQueue, capturesSim, openCapturesFor } from './support/captures-sim';

// A keyboard walk: past the fold J left the cursor row under the scroller's bottom edge, so A/R/S acted on a row unseen.
const desk = deskHostForThisFile();
const payouts = payoutsSim(desk);
const captures = capturesSim(desk);
const run = randomBytes(3).toString('hex');
const ROWS = 45;

/** The cursor row's place in the list and whether its whole box lies in the scroller's view, below the sticky header. */
const cursorInView = (table: Locator) =>
  table.evaluate((t: HTMLTableElement) => {
    const row = t.querySelector<HTMLTableRowElement>('tbody tr[aria-selected="true"]');
    if (!row) return { rowIndex: null, whole: false };
    const scroller = t.parentElement!;
    const port = scroller.getBoundingClientRect();
    const top = port.top + scroller.clientTop + t.tHead!.getBoundingClientRect().height;
    const bottom = port.top + scroller.clientTop + scroller.clientHeight;
    const box = row.getBoundingClientRect();
    return { rowIndex: row.getAttribute('aria-rowindex'), whole: box.top >= top - 0.5 && box.bottom <= bottom + 0.5 };
  });

/** Presses `key` `times` times; after each press the cursor is on the next row and that row is wholly in view. */
async function walk(page: Page, table: Locator, key: string, times: number, firstIndex: number, step: number) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    const rowIndex = String(firstIndex + step * i + 1);
    await expect
      .poll(() => cursorInView(table), { message: `${key} press ${i + 1}`, timeout: 2_000 })
      .toEqual({ rowIndex, whole: true });
  }
}

const QUEUES = [
  {
    name: 'payouts',
    table: queue,
    create: (cid: string, n: number) => payouts.createRequest(cid, 'EUR', 1_000 + n),
    open: openQueueFor,
  },
  {
    name: 'captures',
    table: captureQueue,
    create: (cid: string, n: number) => captures.authorize(cid, 'EUR', 1_000 + n),
    open: openCapturesFor,
  },
] as const;

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
])
  for (const q of QUEUES)
    test(`${q.name} at ${size.width}×${size.height}: J and K keep the cursor row wholly in view past the fold`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      const cid = `e2e-cursor-view-${q.name}-${size.width}-${run}`;
      const tids: number[] = [];
      for (let n = 0; n < ROWS; n++) tids.push(await q.create(cid, n));
      await q.open(page, desk(), cid);
      const table = q.table(page);
      await expect(table).toHaveAttribute('aria-rowcount', String(ROWS));
      // J from no cursor lands on the first row (aria-rowindex 2: the header is row 1).
      await walk(page, table, 'j', ROWS, 1, 1);
      const atCursor = table.getByRole('row', { selected: true });
      const cells = await atCursor.getByRole('cell').allInnerTexts();
      expect(
        tids.filter((tid) => cells.includes(String(tid))),
        'the cursor is on a row this test created',
      ).toHaveLength(1);
      await page.screenshot({ path: screenshotPath(`96-cursor-in-view-${q.name}-${size.width}`) });
      await walk(page, table, 'k', ROWS - 1, ROWS - 1, -1);
      await walk(page, table, 'ArrowDown', 3, 2, 1);
    });
