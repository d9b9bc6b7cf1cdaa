/**
 * The page's first queue rows, told to the bench by the page itself: a function exposed before the page opens,
 * which the page's init script calls, so nothing of Playwright's (a locator's wait evaluates Playwright's injected
 * script, ~40 ms of the page's main thread) runs on the page on the way to its first rows. No desk in Electron has it.
 */
import type { Page } from '@playwright/test';

const WAIT_MS = 120_000;

/**
 * Exposes `window.__benchFirstRows(ms)`; `shown` answers the ms the page passes once it calls it, or fails after 120 s.
 * (An object, since a promise answered by an async function would be awaited with it.)
 */
export async function firstRowsSignal(page: Page): Promise<{ shown: Promise<number> }> {
  let seen!: (ms: number) => void;
  const shown = new Promise<number>((resolve) => (seen = resolve));
  await page.exposeFunction('__benchFirstRows', (ms: number) => seen(ms));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no queue rows within ${WAIT_MS / 1000} s`)), WAIT_MS);
  });
  return { shown: Promise.race([shown, late]).finally(() => clearTimeout(timer)) };
}
