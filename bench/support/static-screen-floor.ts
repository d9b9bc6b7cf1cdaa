/**
 * The browser's floor for a screen: the same page's HTML and stylesheet, copied from the live page with its rows in
 * it and every script left out, opened in a new window of the same browser. What it takes to show is what no
 * change to the desk's script can win back.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { chromiumWindowSettled } from './chromium-window-settled';

/**
 * The live page as static HTML, without its scripts and module preloads. Its policy goes too: the page's script sets
 * column widths through the style object, which the policy allows, but in a copy they are style attributes, which
 * it refuses; with no script left, the copy needs no policy.
 */
export async function staticCopyOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true) as HTMLElement;
    const dropped = 'script, link[rel="modulepreload"], meta[http-equiv="Content-Security-Policy"]';
    for (const el of doc.querySelectorAll(dropped)) el.remove();
    return `<!doctype html>\n${doc.outerHTML}`;
  });
}

/** Serves `html` at / and the built renderer's stylesheets at /assets/ on loopback, until `close`. */
export async function serveStaticScreen(
  html: string,
  rendererDir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(req.url ?? '/');
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(html);
    }
    if (!path.startsWith('/assets/') || !path.endsWith('.css')) return res.writeHead(404).end();
    readFile(join(rendererDir, path)).then(
      (css) => res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'no-store' }).end(css),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Opens the static copy `html` `runs` times in new windows of `browser` (each once the window's own UI is idle) and
 * answers each open's first contentful paint (ms). With `screenshot` (a PNG path), the last open is saved there, to
 * see that the copy shows the same screen.
 */
export async function staticScreenPaints(
  browser: Browser,
  html: string,
  rendererDir: string,
  runs: number,
  screenshot?: string,
): Promise<number[]> {
  const served = await serveStaticScreen(html, rendererDir);
  try {
    const paints: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await chromiumWindowSettled();
      await page.goto(served.url, { waitUntil: 'load' });
      paints.push(await firstContentfulPaint(page));
      if (screenshot && i === runs - 1) await page.screenshot({ path: screenshot });
      await page.close();
    }
    return paints;
  } finally {
    await served.close();
  }
}

/** The page's first contentful paint (ms from navigation start), once Chromium has reported it. */
export function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (!fcp) return;
          observer.disconnect();
          resolve(fcp.startTime);
        }).observe({ type: 'paint', buffered: true }),
      ),
  );
}
