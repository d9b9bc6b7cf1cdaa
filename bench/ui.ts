/**
 * npm run bench:ui — the Payouts screen on 100,000 withdrawal requests in Chromium through the browser host.
 * The work store is seeded directly (SQL, the fastest way to 100k rows), then the page is opened and measured:
 * payouts:list in the core (old per-row path vs the JSON path vs the first page), time to the first rendered rows and
 * to the whole queue, keystrokes while the rest of the queue arrives and after (keydown to the painted list), the
 * core's answer time per page, the renderer's long tasks (> 50 ms) while loading, and its JS heap after load.
 * Also the split of page open → first rows: HTML, entry script fetched, script run, socket open, each request's send
 * and answer until the first queue page, first rows in the DOM. And the browser's floor: a static copy of the screen at
 * its first rows (its HTML and stylesheet, no script), opened in new windows of the same browser, to its first paint.
 * Needs a built renderer (npm run build). Env: BENCH_ROWS (default 100000), BENCH_RENDERER_DIR (default out/renderer,
 * e.g. another branch's build for a back-to-back comparison), BENCH_SCREENSHOT (a PNG path: the screen at its first rows;
 * its static copy is saved beside it as …-static-copy.png),
 * BENCH_PROFILE (a path: CPU profile and timeline trace of the keystrokes after load, and where their time went;
 * BENCH_PROFILE_JS=0 leaves the CPU profiler off, which slows the page's script).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { defaultStoreLocation, openStore } from '../src/core/store/work-store';
import { DEFAULT_RISK_SETTINGS } from '../src/core/payouts/risk';
import { FIRST_PAGE_ROWS } from '../src/shared/payouts';
import { createBrowserHost } from '../src/server/browser-host';
import { queueRowsPerRow } from '../test/support/queue-rows-per-row';
import { chromiumWindowSettled } from './support/chromium-window-settled';
import { openQuietWindowCore, quietLog as log } from './support/quiet-window-core';
import { firstRowsSignal, type FirstRows } from './support/first-rows-signal';
import { firstContentfulPaint, staticCopyOf, staticScreenPaints } from './support/static-screen-floor';
import { median } from './support/median';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CUSTOMERS = 20_000;
const KEYSTROKES = 20;
const KEYSTROKES_WHILE_LOADING = 12;
/** Opens of the static copy of the screen, for the browser's floor. */
const FLOOR_RUNS = 3;
const rendererDir = process.env.BENCH_RENDERER_DIR ?? 'out/renderer';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Customers, one approved deposit each, and ROWS pending withdrawal requests spread over the last two days; answers the
 * old per-row payouts:list time on this store (the core holds the store once it opens, so it is measured here).
 */
async function seed(dataDir: string): Promise<number> {
  const store = await openStore(defaultStoreLocation(dataDir));
  try {
    await store.db
      .query(`INSERT INTO customers (customer_token, cid, first_name, last_name, country, avs_alert, verification_alert, raw_customer)
      SELECT 'tok' || g, 'cust-' || g, (ARRAY['Ann','Ben','Chloe','Dara','Emil','Fay','Gus','Hana'])[1 + g % 8], (ARRAY['Lee','Ng','Sato','Berg','Diaz','Okafor'])[1 + g % 6],
             (ARRAY['DE','AT','ES','GB','JP','KW'])[1 + g % 6], CASE WHEN g % 97 = 0 THEN 1 ELSE 0 END, CASE WHEN g % 131 = 0 THEN 1 ELSE NULL END, '{}'::jsonb
      FROM generate_series(1, ${CUSTOMERS}) g`);
    await store.db
      .query(`INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, cid, customer_token, amount_minor, currency, payment_method, masked_destination, created_at, last_source, raw_transaction)
      SELECT 30000000 + g, 'sale', 'approved', 4, now(), 'cust-' || g, 'tok' || g, 50000, (ARRAY['EUR','EUR','GBP','USD','JPY','KWD'])[1 + g % 6], 'Credit Card', '411111******' || lpad((g % 10000)::text, 4, '0'),
             now() - interval '30 days', 'lookup', '{}'::jsonb
      FROM generate_series(1, ${CUSTOMERS}) g`);
    await store.db
      .query(`INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, cid, customer_token, amount_minor, currency, payment_method, masked_destination, created_at, last_source, raw_transaction)
      SELECT 40000000 + g, 'payout', CASE WHEN g % 50 = 0 THEN 'verification' ELSE 'requested' END, 1, now(), 'cust-' || (1 + g % ${CUSTOMERS}), 'tok' || (1 + g % ${CUSTOMERS}),
             100 + (g * 7919) % 900000, (ARRAY['EUR','EUR','GBP','USD','JPY','KWD'])[1 + (1 + g % ${CUSTOMERS}) % 6], 'Credit Card',
             '411111******' || lpad(((1 + g % ${CUSTOMERS} + g % 3) % 10000)::text, 4, '0'), now() - ((g % 2880) || ' minutes')::interval, 'lookup', '{}'::jsonb
      FROM generate_series(1, ${ROWS}) g`);
    await store.db.query('ANALYZE');
    const t0 = performance.now();
    await queueRowsPerRow(store.db, DEFAULT_RISK_SETTINGS);
    return Math.round(performance.now() - t0);
  } finally {
    await store.close();
  }
}

interface SocketRequestMark {
  id: number;
  channel: string;
  input: string;
  sent: number;
  answered?: number;
}

interface StartMarks {
  socketCreated?: number;
  socketOpen?: number;
  requests: SocketRequestMark[];
}

/** Where page open → first rows went, each step from navigation start, as the page's own clocks saw it. */
async function printStartSplit(page: Page, marks: StartMarks, firstRows: FirstRows): Promise<void> {
  const timing = await page.evaluate(() => {
    const nav = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (window.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.initiatorType === 'script' || r.name.endsWith('.js'),
    );
    return {
      htmlResponseEnd: nav.responseEnd,
      htmlParsed: nav.domInteractive,
      // Module scripts run before DOMContentLoaded: its start is the entry script evaluated.
      scriptEvaluated: nav.domContentLoadedEventStart,
      scripts: scripts.map((r) => ({ name: r.name.replace(/^.*\//, ''), start: r.requestStart, end: r.responseEnd })),
    };
  });
  const firstList = marks.requests.find((r) => r.channel === 'payouts:list');
  const rows: { step: string; 'at (ms)': number | string }[] = [
    { step: 'HTML received', 'at (ms)': Math.round(timing.htmlResponseEnd) },
    { step: 'HTML parsed (domInteractive)', 'at (ms)': Math.round(timing.htmlParsed) },
    ...timing.scripts.flatMap((s) => [
      { step: `script ${s.name} requested`, 'at (ms)': Math.round(s.start) },
      { step: `script ${s.name} received`, 'at (ms)': Math.round(s.end) },
    ]),
    { step: 'entry script evaluated (DOMContentLoaded)', 'at (ms)': Math.round(timing.scriptEvaluated) },
    { step: 'socket created', 'at (ms)': marks.socketCreated === undefined ? '—' : Math.round(marks.socketCreated) },
    { step: 'socket open', 'at (ms)': marks.socketOpen === undefined ? '—' : Math.round(marks.socketOpen) },
  ];
  for (const r of marks.requests) {
    if (firstList && r.sent > firstList.sent) break;
    rows.push({ step: `${r.channel} ${r.input.slice(0, 30)} sent`, 'at (ms)': Math.round(r.sent) });
    rows.push({ step: `${r.channel} answered`, 'at (ms)': r.answered === undefined ? '—' : Math.round(r.answered) });
  }
  rows.push({ step: 'first tr.queue-row in the DOM', 'at (ms)': Math.round(firstRows.inDom) });
  rows.push({ step: 'first tr.queue-row painted', 'at (ms)': Math.round(firstRows.painted) });
  console.log('page open → first rows, step by step (from navigation start):');
  console.table(rows);
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-ui-'));
  let t = performance.now();
  const oldListMs = await seed(dataDir);
  console.log(
    `seeded ${ROWS.toLocaleString('en')} withdrawal requests (${CUSTOMERS.toLocaleString('en')} customers) in ${Math.round(performance.now() - t)} ms`,
  );

  const core = await openQuietWindowCore(dataDir);
  const host = await createBrowserHost({
    core,
    port: 0,
    rendererDir,
    logger: log,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await chromiumWindowSettled();
    // The core's own answer time, for reading the page figures: the same query the screen asks for.
    t = performance.now();
    const direct = await core.handlers['payouts:list']({}, { transport: 'test', connection: 'test' });
    const queryMs = performance.now() - t;
    t = performance.now();
    await core.handlers['payouts:list']({ limit: FIRST_PAGE_ROWS }, { transport: 'test', connection: 'test' });
    const firstPageMs = performance.now() - t;

    // Each page the screen asks for, timed in the core: is a slow load the core answering or the page working?
    const pageMs: number[] = [];
    const handlers = core.handlers as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const list = handlers['payouts:list']!;
    handlers['payouts:list'] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await list(...args);
      } finally {
        pageMs.push(performance.now() - started);
      }
    };

    // esbuild's keepNames wraps functions passed to the page in __name(); the page has none.
    await page.addInitScript('window.__name = (f) => f');
    // Timed in the page from navigation start: Playwright here shares its thread with the core (and, with
    // PRAXIS_DESK_PGLITE_THREAD=main, with PGlite), so it may see rows later than the browser painted them.
    await page.addInitScript(
      (whole: string) => {
        const marks: {
          wholeQueue?: number;
          longTasks: number[];
          socketCreated?: number;
          socketOpen?: number;
          requests: SocketRequestMark[];
        } = { longTasks: [], requests: [] };
        (window as unknown as { __marks: typeof marks }).__marks = marks;
        // The page's socket, watched from outside: when it was made and opened, each request's send and its answer.
        const NativeSocket = window.WebSocket;
        window.WebSocket = class extends NativeSocket {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            marks.socketCreated ??= performance.now();
            this.addEventListener('open', () => (marks.socketOpen ??= performance.now()));
            this.addEventListener('message', (ev) => {
              const id = (JSON.parse(String(ev.data)) as { id?: number }).id;
              const request = marks.requests.find((r) => r.id === id);
              if (request) request.answered ??= performance.now();
            });
          }
          override send(data: string) {
            const { id, channel, input } = JSON.parse(data) as { id: number; channel: string; input: unknown };
            marks.requests.push({ id, channel, input: JSON.stringify(input), sent: performance.now() });
            super.send(data);
          }
        };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (marks.wholeQueue === undefined) marks.longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
        const mo = new MutationObserver(() => {
          const count = document.querySelector('.queue-count')?.textContent ?? '';
          if (marks.wholeQueue === undefined && count.includes(whole) && !count.includes('loading'))
            marks.wholeQueue = performance.now();
        });
        document.addEventListener('DOMContentLoaded', () =>
          mo.observe(document.body, { childList: true, subtree: true, characterData: true }),
        );
      },
      // "100,000 waiting", or "… of 100,000" while a search typed during the load is still in the box.
      ROWS.toLocaleString('en'),
    );
    // Nothing of Playwright's touches the page until its first rows (see first-rows-signal.ts).
    const firstRows = await firstRowsSignal(page);
    await page.goto(host.url, { waitUntil: 'commit' });
    const shownRows = await firstRows.shown;
    const firstRowsMs = shownRows.painted;
    const staticCopy = await staticCopyOf(page);
    const deskPaint = await firstContentfulPaint(page);
    const search = page.getByLabel('Search customer id, name or tid');
    // Keystrokes while the rest of the queue arrives: "cust-1" ⇄ "cust-17", keydown to the painted list.
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
    await search.fill('cust-1');
    const whileLoading: number[] = [];
    for (let i = 0; i < KEYSTROKES_WHILE_LOADING; i++) {
      if (!(await page.locator('.queue-count').textContent())?.includes('loading')) break;
      whileLoading.push(await keystrokeToList(page, i % 2 === 0 ? '7' : 'Backspace'));
      await page.waitForTimeout(250);
    }
    await search.fill('');
    await page
      .locator('.queue-count')
      .filter({ hasText: `${ROWS.toLocaleString('en')} waiting` })
      .filter({ hasNotText: 'loading' })
      .waitFor({ timeout: 120_000 });
    const marks = await page.evaluate(
      () => (window as unknown as { __marks: StartMarks & { wholeQueue: number; longTasks: number[] } }).__marks,
    );
    const wholeQueueMs = marks.wholeQueue;
    const domRows = await page.locator('tr.queue-row').count();
    const shown = await page.locator('.queue-count').textContent();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };

    // Keystroke to updated list: a digit typed after "cust-1", then Backspace, each changes the match count.
    await search.fill('cust-1');
    await page.locator('.queue-count').filter({ hasText: ' of ' }).waitFor();
    const samples: number[] = [];
    const profile = process.env.BENCH_PROFILE ? await startProfile(cdp) : null;
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.evaluate(() => {
        const w = window as unknown as { __bench?: Promise<number> };
        const input = document.getElementById('payout-search')!;
        const count = document.querySelector('.queue-count')!;
        w.__bench = new Promise<number>((resolve) => {
          let t0 = 0;
          const before = count.textContent;
          input.addEventListener('keydown', () => (t0 = performance.now()), { once: true });
          const mo = new MutationObserver(() => {
            if (count.textContent === before) return;
            mo.disconnect();
            // Until the browser has painted the new list, not only changed the DOM.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          });
          mo.observe(count, { childList: true, subtree: true, characterData: true });
        });
      });
      await search.press(i % 2 === 0 ? String((i / 2) % 10) : 'Backspace');
      samples.push(await page.evaluate(() => (window as unknown as { __bench: Promise<number> }).__bench));
    }
    if (profile) await profile.stop(process.env.BENCH_PROFILE!);

    console.log('');
    console.log(`payouts:list in the core over ${direct.rows.length.toLocaleString('en')} rows, same store, same run:`);
    console.table([
      { path: 'old: whole queue, per-row (before this change)', ms: oldListMs, 'old / this': '1.0×' },
      {
        path: 'new: whole queue as one JSON string',
        ms: Math.round(queryMs),
        'old / this': `${(oldListMs / queryMs).toFixed(1)}×`,
      },
      {
        path: `new: first ${FIRST_PAGE_ROWS} rows (what the screen asks first)`,
        ms: Math.round(firstPageMs),
        'old / this': `${(oldListMs / firstPageMs).toFixed(0)}×`,
      },
    ]);
    console.table([
      {
        'page open → first rows painted (ms)': Math.round(firstRowsMs),
        // The old screen showed nothing until the whole queue had arrived: this is the new screen's equivalent moment.
        'page open → whole queue loaded (ms)': Math.round(wholeQueueMs),
        'rows in the DOM': domRows,
        'keystroke → list, median of 20 (ms)': Number(median(samples).toFixed(1)),
        'keystroke max (ms)': Number(Math.max(...samples).toFixed(1)),
        'JS heap used after load': mb(heap.usedSize),
      },
    ]);
    const pages = pageMs.slice(1);
    console.table([
      {
        'keystrokes while loading': whileLoading.length,
        'median (ms)': whileLoading.length ? Math.round(median(whileLoading)) : '—',
        'max (ms)': whileLoading.length ? Math.round(Math.max(...whileLoading)) : '—',
        'long tasks while loading (> 50 ms)': marks.longTasks.length,
        'longest task (ms)': Math.round(Math.max(0, ...marks.longTasks)),
        'core: first page (ms)': Math.round(pageMs[0] ?? 0),
        [`core: ${pages.length} more pages, median / max (ms)`]: pages.length
          ? `${Math.round(median(pages))} / ${Math.round(Math.max(...pages))}`
          : '—',
      },
    ]);
    await printStartSplit(page, marks, shownRows);
    const floorShot = process.env.BENCH_SCREENSHOT?.replace(/(\.png)?$/, '-static-copy.png');
    const floor = await staticScreenPaints(browser, staticCopy, rendererDir, FLOOR_RUNS, floorShot);
    console.log("first rows against the browser's floor (ms from navigation start):");
    console.table([
      {
        'desk: first rows in the DOM': Math.round(shownRows.inDom),
        'desk: first rows painted': Math.round(firstRowsMs),
        'desk: first contentful paint': Math.round(deskPaint),
        [`static copy of the screen, no script: first paint, median of ${FLOOR_RUNS}`]: Math.round(median(floor)),
        'desk first rows painted − floor': Math.round(firstRowsMs - median(floor)),
      },
    ]);
    console.log(`queue header after load: "${shown}"`);
    console.log(`keystroke samples (ms): ${samples.map((s) => s.toFixed(0)).join(', ')}`);
    // A digit searches anew; Backspace returns to the text typed a moment ago, whose rows the screen kept.
    const typed = samples.filter((_, i) => i % 2 === 0);
    const back = samples.filter((_, i) => i % 2 === 1);
    console.log(
      `keystroke median, a digit typed: ${median(typed).toFixed(1)} ms (max ${Math.max(...typed).toFixed(1)}); ` +
        `Backspace: ${median(back).toFixed(1)} ms (max ${Math.max(...back).toFixed(1)})`,
    );
    console.log(`keystrokes while loading (ms): ${whileLoading.map((s) => s.toFixed(0)).join(', ')}`);
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { type?: string } };
}

/** Per keystroke, the page's main thread time (ms, median of the keystrokes) in script, style, layout and paint. */
function printTraceSplit(events: TraceEvent[]): void {
  const layouts = new Map<string, number>();
  for (const e of events)
    if (e.name === 'Layout') layouts.set(`${e.pid}:${e.tid}`, (layouts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...layouts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  const ms = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  // Each keystroke's own is the largest of its kind; the small ones between keystrokes are left out.
  const largest = (xs: number[]) => [...xs].sort((a, b) => b - a).slice(0, KEYSTROKES);
  const split = {
    'script (input event)': mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input').map(ms),
    style: largest(mine.filter((e) => e.name === 'UpdateLayoutTree').map(ms)),
    layout: largest(mine.filter((e) => e.name === 'Layout').map(ms)),
    'pre-paint': largest(mine.filter((e) => e.name === 'PrePaint').map(ms)),
    paint: largest(mine.filter((e) => e.name === 'Paint').map(ms)),
  };
  console.log("per keystroke on the page's main thread, median of the keystrokes (ms of thread time):");
  console.table([
    Object.fromEntries(Object.entries(split).map(([k, xs]) => [k, xs.length ? Number(median(xs).toFixed(1)) : '—'])),
  ]);
}

/**
 * BENCH_PROFILE=path: the keystroke loop's CPU profile (path.cpuprofile) and timeline trace (path.trace.json, for
 * style, layout and paint), to open in Chromium's DevTools.
 */
async function startProfile(cdp: CDPSession) {
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...e.value));
  // The sampling profiler slows the page's script several times over: BENCH_PROFILE_JS=0 leaves it off.
  const js = process.env.BENCH_PROFILE_JS !== '0';
  if (js) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute',
    transferMode: 'ReportEvents',
  });
  return {
    async stop(path: string) {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      if (js) await writeFile(`${path}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      await writeFile(`${path}.trace.json`, JSON.stringify({ traceEvents: events }));
      printTraceSplit(events as TraceEvent[]);
    },
  };
}

/**
 * Types `key` in the search box ("cust-1" ⇄ "cust-17") and answers keydown → the first paint where the rows shown are
 * the new filter's: all hold "cust-17" after the digit, one does not after Backspace. A page landing meanwhile changes
 * the count but not that, so this holds while the queue is still loading.
 */
async function keystrokeToList(page: Page, key: '7' | 'Backspace'): Promise<number> {
  await page.evaluate((narrowing) => {
    const w = window as unknown as { __keystroke?: Promise<number> };
    w.__keystroke = new Promise<number>((resolve) => {
      let t0 = 0;
      document.getElementById('payout-search')!.addEventListener('keydown', () => (t0 = performance.now()), {
        once: true,
      });
      const mo = new MutationObserver(() => {
        const held = [...document.querySelectorAll('tr.queue-row')].map((r) =>
          (r.textContent ?? '').toLowerCase().includes('cust-17'),
        );
        if (!t0 || held.length === 0 || (narrowing ? !held.every(Boolean) : held.every(Boolean))) return;
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, key === '7');
  await page.getByLabel('Search customer id, name or tid').press(key);
  return page.evaluate(() => (window as unknown as { __keystroke: Promise<number> }).__keystroke);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
