import { expect, type Locator, type Page } from '@playwright/test';
import { screenshotPath } from './desk-host';
import { fitsItsScroller, spillingCells } from './queue-rows';

/** One queue screen as the widest-amount check drives it: its table, how it opens, a row and its detail pane. */
export interface QueueUnderTest {
  table: Locator;
  open(): Promise<void>;
  row(tid: number): Locator;
  pane(tid: number): Locator;
}

/**
 * At 1280 and 1024 pixels, with the detail pane of the first item open or not, every amount of `tids` is drawn
 * inside its cell's padding edge and the table fits its scroller. The first item's amount reads `widest`.
 */
export async function expectWidestAmountsFit(
  page: Page,
  q: QueueUnderTest,
  tids: number[],
  widest: string,
  screenshot: string,
): Promise<void> {
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await q.open();
    for (const tid of tids) await expect(q.row(tid)).toBeVisible();
    await expect(q.row(tids[0]!)).toContainText(widest);
    const shown = await spillingCells(q.table, 'Amount');
    expect(shown.rowsChecked).toBe(tids.length);
    expect(shown.spilling, `every amount inside its cell at ${width} pixels`).toEqual([]);

    await q.row(tids[0]!).click();
    await page.keyboard.press('Enter');
    await expect(q.pane(tids[0]!)).toBeVisible();
    const besideThePane = await spillingCells(q.table, 'Amount');
    expect(besideThePane.spilling, `every amount inside its cell beside the pane at ${width} pixels`).toEqual([]);
    expect(await fitsItsScroller(q.table)).toBe(true);
    await page.screenshot({ path: screenshotPath(`${screenshot}-${width}`) });
    // Closed again, so the next width starts without the pane (beside it at 1024 the tid, which finds a row, gives way).
    await page.keyboard.press('Escape');
    await expect(q.pane(tids[0]!)).toHaveCount(0);
  }
}
