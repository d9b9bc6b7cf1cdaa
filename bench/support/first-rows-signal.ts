/**
 * The page's first queue rows, told to the bench by the page itself: an init script watches for the first queue row
 * and calls a function exposed before the page opens, so nothing of Playwright's (a locator's wait evaluates
 * Playwright's injected script, ~40 ms of the page's main thread) runs on the page on the way to its first rows. No
 * desk in Electron has it.
 */
import type { Page } from '@playwright/test';

const WAIT_MS = 120_000;

/**
 * Ms from navigation start: the first queue row in the DOM, and on screen — the presentation time Chromium reports
 * for the first frame that shows its text (Element Timing), the same clock as the floor's first contentful paint.
 */
export interface FirstRows {
  inDom: number;
  painted: number;
}

/**
 * Call before the page opens: `shown` answers when the first queue row was in the DOM and when it was on screen, or
 * fails after 120 s. The row's cells are marked for Element Timing as they enter the DOM, before their first paint.
 * (An object, since a promise answered by an async function would be awaited with it.)
 */
export async function firstRowsSignal(page: Page): Promise<{ shown: Promise<FirstRows> }> {
  let seen!: (ms: FirstRows) => void;
  const shown = new Promise<FirstRows>((resolve) => (seen = resolve));
  await page.exposeFunction('__benchFirstRows', (ms: FirstRows) => seen(ms));
  await page.addInitScript(() => {
    const rows = new MutationObserver(() => {
      const row = document.querySelector('tr.queue-row');
      if (!row) return;
      rows.disconnect();
      const inDom = performance.now();
      for (const cell of row.querySelectorAll('td, td *')) cell.setAttribute('elementtiming', 'first-rows');
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntries()[0] as PerformanceEntry & { renderTime: number };
        observer.disconnect();
        (window as unknown as { __benchFirstRows(ms: FirstRows): void }).__benchFirstRows({
          inDom,
          painted: entry.renderTime,
        });
      }).observe({ type: 'element', buffered: true });
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
