/**
 * npm run bench:first-rows — page open → first payout rows painted (and, beside it, in the DOM), for one or more built renderers side by side: each round
 * opens every renderer once in a new Chromium window (in turn, so machine load falls on all alike), on one core
 * with a small queue (the screen asks for its first page only), plus the browser's floor: a static copy of the
 * screen at its first rows, no script. Nothing of Playwright's touches a page before its first rows (first-rows-signal.ts).
 * Env: BENCH_RENDERER_DIRS (comma-separated built renderers, default out/renderer), BENCH_RUNS (rounds, default 8),
 * BENCH_TRACE (a path: Chromium's trace, with the page's CPU profile, of one more open of the first renderer, for
 * DevTools; the profiler slows the page, so that open is left out of the figures; BENCH_TRACE_PROFILER=0 leaves the
 * profile out), BENCH_REOPENS (default 8: then each renderer opened that many times in one browser profile, as a
 * reload or a second tab is, its cache kept between opens).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { defaultStoreLocation, openStore } from '../src/core/store/work-store';
import { createBrowserHost, type BrowserHost } from '../src/server/browser-host';
import { fillSyntheticQueue } from '../test/support/synthetic-payouts';
import { chromiumWindowSettled } from './support/chromium-window-settled';
import { openQuietWindowCore, quietLog as log } from './support/quiet-window-core';
import { firstRowsSignal, type FirstRows } from './support/first-rows-signal';
import { staticCopyOf, staticScreenPaints } from './support/static-screen-floor';
import { median } from './support/median';

const GOAL_MS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const DIRS = (process.env.BENCH_RENDERER_DIRS ?? 'out/renderer').split(',').filter(Boolean);
const TRACE = process.env.BENCH_TRACE;
/** Opens of the page in one browser profile, for a reload's figure. */
const REOPENS = Number(process.env.BENCH_REOPENS ?? 8);

/** Chromium's timeline with the page's CPU profile, for DevTools' Performance panel. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'loading',
  'blink.user_timing',
  // BENCH_TRACE_PROFILER=0: the timeline alone, at the page's own speed.
  ...(process.env.BENCH_TRACE_PROFILER === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

/**
 * Opens the host's page in a new window once the window's own UI is idle; answers ms to its first queue row. With
 * `trace` (a path), records the open up to 500 ms after the first rows (so their first paint is in it).
 */
async function firstRows(
  browser: Browser,
  host: BrowserHost,
  trace?: string,
): Promise<{ ms: FirstRows; staticCopy: string }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await chromiumWindowSettled();
    const { shown } = await firstRowsSignal(page);
    if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
    await page.goto(host.url, { waitUntil: 'commit' });
    const ms = await shown;
    if (trace) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await browser.stopTracing();
    }
    return { ms, staticCopy: await staticCopyOf(page) };
  } finally {
    await page.close();
  }
}

/**
 * Opens the page `opens` times in one browser profile (a context: its HTTP cache and compiled-code cache kept between
 * opens), each in a new window once the window's own UI is idle; answers ms to first rows painted, in order.
 */
async function reopened(browser: Browser, host: BrowserHost, opens: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const painted: number[] = [];
    for (let i = 0; i < opens; i++) {
      const page = await context.newPage();
      await chromiumWindowSettled();
      const { shown } = await firstRowsSignal(page);
      await page.goto(host.url, { waitUntil: 'commit' });
      painted.push((await shown).painted);
      await page.close();
    }
    return painted;
  } finally {
    await context.close();
  }
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-first-rows-'));
  const store = await openStore(defaultStoreLocation(dataDir));
  await fillSyntheticQueue(store, { requests: 2_000, customers: 500 });
  await store.close();
  const core = await openQuietWindowCore(dataDir);
  const hosts = await Promise.all(
    DIRS.map((rendererDir) => createBrowserHost({ core, port: 0, rendererDir, logger: log })),
  );
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const samples = DIRS.map(() => [] as number[]);
    const inDom = DIRS.map(() => [] as number[]);
    const floor: number[] = [];
    for (let round = 0; round < RUNS; round++) {
      let staticCopy = '';
      for (const [i, host] of hosts.entries()) {
        const opened = await firstRows(browser, host);
        samples[i]!.push(opened.ms.painted);
        inDom[i]!.push(opened.ms.inDom);
        if (i === 0) staticCopy = opened.staticCopy;
      }
      floor.push(...(await staticScreenPaints(browser, staticCopy, DIRS[0]!, 1)));
    }
    // One more open of the first renderer, traced: the profiler slows the page, so its figure is left out.
    if (TRACE)
      console.log(
        `trace of one more open of ${DIRS[0]}: ${TRACE} (${Math.round((await firstRows(browser, hosts[0]!, TRACE)).ms.painted)} ms to rows painted under the profiler)`,
      );
    const base = median(samples[0]!);
    console.log(`page open → first rows painted, ${RUNS} rounds, each round opening every renderer once in turn (ms):`);
    console.table([
      ...DIRS.map((dir, i) => ({
        renderer: dir,
        median: Math.round(median(samples[i]!)),
        min: Math.round(Math.min(...samples[i]!)),
        max: Math.round(Math.max(...samples[i]!)),
        'median − floor': Math.round(median(samples[i]!) - median(floor)),
        'in the DOM, median': Math.round(median(inDom[i]!)),
        [`/ ${DIRS[0]}`]: (median(samples[i]!) / base).toFixed(2),
        [`goal < ${GOAL_MS}`]: median(samples[i]!) < GOAL_MS ? 'met' : 'not met',
      })),
      {
        renderer: "browser's floor: static copy of the screen, no script (first paint)",
        median: Math.round(median(floor)),
        min: Math.round(Math.min(...floor)),
        max: Math.round(Math.max(...floor)),
      },
    ]);
    for (const [i, dir] of DIRS.entries()) console.log(`${dir}, painted: ${samples[i]!.map(Math.round).join(', ')}`);
    console.log(`floor: ${floor.map(Math.round).join(', ')}`);

    // A reload or a new tab of the same browser: its cache kept. Chromium keeps a script's compiled code from its
    // second run on, so the third open is the first to skip compiling it.
    const again = [];
    for (const [i, dir] of DIRS.entries()) again.push({ dir, painted: await reopened(browser, hosts[i]!, REOPENS) });
    console.log(
      `the page opened ${REOPENS} times in one browser profile, each in a new window (ms to first rows painted):`,
    );
    console.table(
      again.map(({ dir, painted }) => ({
        renderer: dir,
        'first open': Math.round(painted[0]!),
        second: Math.round(painted[1]!),
        [`3rd–${REOPENS}th, median`]: Math.round(median(painted.slice(2))),
        [`goal < ${GOAL_MS}`]: median(painted.slice(2)) < GOAL_MS ? 'met' : 'not met',
      })),
    );
  } finally {
    await browser.close();
    for (const host of hosts) await host.close();
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
