import { expect, test, type Page } from '@playwright/test';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { capturesSim, holdRow, openCapturesFor } from './support/captures-sim';
import { randomBytes } from 'node:crypto';

// The desk is a window, not a page: only a screen's own area scrolls. A tester's mouse wheel carried the whole app
// out of the window (Settings at 1440, Captures at 1024), leaving it blank.
const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');
const sim = capturesSim(desk);

/** How far the window itself could scroll, and where it is after a long wheel over the screen. */
async function windowScroll(page: Page) {
  await page.getByRole('main').hover();
  await page.mouse.wheel(0, 5_000);
  await page.mouse.wheel(5_000, 0);
  return page.evaluate(() => ({
    extraHeight: document.scrollingElement!.scrollHeight - window.innerHeight,
    extraWidth: document.scrollingElement!.scrollWidth - window.innerWidth,
    scrolledTo: [window.scrollX, window.scrollY],
  }));
}

const SCREENS = [
  ['S', 'Settings'],
  ['T', 'Virtual terminal'],
  ['L', 'Lookup'],
  ['U', 'Audit'],
  ['P', 'Payouts'],
] as const;

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
])
  test(`no screen scrolls the window at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDesk(page, desk());
    for (const [key, name] of SCREENS) {
      await page.getByRole('main').focus();
      await page.keyboard.press('g');
      await page.keyboard.press(key);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(
        name === 'Virtual terminal' ? 'terminal' : name,
      );
      const scroll = await windowScroll(page);
      if (scroll.extraHeight > 0)
        await page.screenshot({ path: screenshotPath(`95-window-scrolled-${name}-${size.width}`) });
      expect(scroll, name).toEqual({ extraHeight: 0, extraWidth: 0, scrolledTo: [0, 0] });
    }
    const cid = `e2e-shell-${run}-${size.width}`;
    const tid = await sim.authorize(cid, 'EUR', 4_200);
    await openCapturesFor(page, desk(), cid);
    await expect(holdRow(page, tid)).toBeVisible();
    await holdRow(page, tid).click();
    expect(await windowScroll(page), 'Captures').toEqual({ extraHeight: 0, extraWidth: 0, scrolledTo: [0, 0] });
  });
