/**
 * npm run bench:ui — the Payouts screen on 100,000 withdrawal requests in Chromium through the browser host.
 * The work store is seeded directly (SQL, the fastest way to 100k rows), then the page is opened and measured:
 * time to the first rendered rows, keystroke-to-updated-list in the search box (median of 20), and the
 * renderer's JS heap after load. Needs a built renderer (npm run build). Env: BENCH_ROWS (default 100000).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { createDeskCore } from '../src/core/app/desk-core';
import { createMemorySecretStore } from '../src/core/credentials/memory-secret-store';
import { createLogger } from '../src/core/log';
import { defaultStoreLocation, openStore } from '../src/core/store/work-store';
import { createBrowserHost } from '../src/server/browser-host';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const CUSTOMERS = 20_000;
const KEYSTROKES = 20;
const log = createLogger(() => undefined);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Customers, one approved deposit each, and ROWS pending withdrawal requests spread over the last two days. */
async function seed(dataDir: string): Promise<void> {
  const store = await openStore(defaultStoreLocation(dataDir));
  try {
    await store.db.query(`INSERT INTO customers (customer_token, cid, first_name, last_name, country, avs_alert, verification_alert, raw_customer)
      SELECT 'tok' || g, 'cust-' || g, (ARRAY['Ann','Ben','Chloe','Dara','Emil','Fay','Gus','Hana'])[1 + g % 8], (ARRAY['Lee','Ng','Sato','Berg','Diaz','Okafor'])[1 + g % 6],
             (ARRAY['DE','AT','ES','GB','JP','KW'])[1 + g % 6], CASE WHEN g % 97 = 0 THEN 1 ELSE 0 END, CASE WHEN g % 131 = 0 THEN 1 ELSE NULL END, '{}'::jsonb
      FROM generate_series(1, ${CUSTOMERS}) g`);
    await store.db.query(`INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, cid, customer_token, amount_minor, currency, payment_method, masked_destination, created_at, last_source, raw_transaction)
      SELECT 30000000 + g, 'sale', 'approved', 4, now(), 'cust-' || g, 'tok' || g, 50000, (ARRAY['EUR','EUR','GBP','USD','JPY','KWD'])[1 + g % 6], 'Credit Card', '411111******' || lpad((g % 10000)::text, 4, '0'),
             now() - interval '30 days', 'lookup', '{}'::jsonb
      FROM generate_series(1, ${CUSTOMERS}) g`);
    await store.db.query(`INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, cid, customer_token, amount_minor, currency, payment_method, masked_destination, created_at, last_source, raw_transaction)
      SELECT 40000000 + g, 'payout', CASE WHEN g % 50 = 0 THEN 'verification' ELSE 'requested' END, 1, now(), 'cust-' || (1 + g % ${CUSTOMERS}), 'tok' || (1 + g % ${CUSTOMERS}),
             100 + (g * 7919) % 900000, (ARRAY['EUR','EUR','GBP','USD','JPY','KWD'])[1 + (1 + g % ${CUSTOMERS}) % 6], 'Credit Card',
             '411111******' || lpad(((1 + g % ${CUSTOMERS} + g % 3) % 10000)::text, 4, '0'), now() - ((g % 2880) || ' minutes')::interval, 'lookup', '{}'::jsonb
      FROM generate_series(1, ${ROWS}) g`);
    await store.db.query('ANALYZE');
  } finally {
    await store.close();
  }
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-ui-'));
  let t = performance.now();
  await seed(dataDir);
  console.log(`seeded ${ROWS.toLocaleString('en')} withdrawal requests (${CUSTOMERS.toLocaleString('en')} customers) in ${Math.round(performance.now() - t)} ms`);

  const core = await createDeskCore({ dataDir, host: 'browser-host', logger: log, secretStore: createMemorySecretStore('bench'), embeddedSandbox: false });
  const host = await createBrowserHost({ core, port: 0, rendererDir: 'out/renderer', logger: log });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The core's own answer time, for reading the page figures: the same query the screen asks for.
    t = performance.now();
    const direct = await core.handlers['payouts:list']({}, { transport: 'test' });
    const queryMs = performance.now() - t;

    t = performance.now();
    await page.goto(host.url);
    await page.locator('tr.queue-row').first().waitFor({ timeout: 120_000 });
    const firstRowsMs = performance.now() - t;
    const shown = await page.locator('.queue-count').textContent();
    const domRows = await page.locator('tr.queue-row').count();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };

    // Keystroke to updated list: a digit typed after "cust-1", then Backspace, each changes the match count.
    const search = page.getByLabel('Search customer id, name or tid');
    await search.fill('cust-1');
    await page.locator('.queue-count').filter({ hasText: ' of ' }).waitFor();
    const samples: number[] = [];
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

    console.log('');
    console.table([
      {
        'rows in the queue': direct.rows.length,
        'payouts:list in the core (ms)': Math.round(queryMs),
        'page open → first rows (ms)': Math.round(firstRowsMs),
        'rows in the DOM': domRows,
        'keystroke → list, median of 20 (ms)': Number(median(samples).toFixed(1)),
        'keystroke max (ms)': Number(Math.max(...samples).toFixed(1)),
        'JS heap used after load': mb(heap.usedSize),
      },
    ]);
    console.log(`queue header after load: "${shown}"`);
    console.log(`keystroke samples (ms): ${samples.map((s) => s.toFixed(0)).join(', ')}`);
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
