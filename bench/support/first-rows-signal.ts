/**
 * The page's first queue rows, told to the bench by the page itself: an init script watches for the first queue row
 * and calls a function exposed before the page opens, so nothing of Playwright's (a locator's wait evaluates
 * Playwright's injected script, ~40 ms of the page's main thread) runs on the page on the way to its first rows. No
 * desk in Electron has it.
 */
import type { Page } from '@playwright/test';

const WAIT_MS = 120_000;

/**
 * Call before the page opens: `shown` answers the ms from navigation start at which the first queue row was in the
 * DOM, or fails after 120 s. (An object, since a promise answered by an async function would be awaited with it.)
 */
export async function firstRowsSignal(page: Page): Promise<{ shown: Promise<number> }> {
  let seen!: (ms: number) => void;
  const shown = new Promise<number>((resolve) => (seen = resolve));
  await page.exposeFunction('__benchFirstRows', (ms: number) => seen(ms));
  await page.addInitScript(() => {
    const rows = new MutationObserver(() => {
      if (!document.querySelector('tr.queue-row')) return;
      rows.disconnect();
      (window as unknown as { __benchFirstRows(ms: number): void }).__benchFirstRows(performance.now());
    });
    document.addEventListener('DOMContentLoaded', () =>
      rows.observe(document.body, { childList: true, subtree: true }),
    );
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no queue rows within ${WAIT_MS / 1000} s`)), WAIT_MS);
  });
  return { shown: Promise.race([shown, late]).finally(() => clearTimeout(timer)) };
}
