/**
 * npm run bench:audit — the Audit screen's reads over 100,000 audit rows on PGlite: the first page unfiltered and
 * filtered (operator, action, item, a day), keyset paging through every row, the CSV export of all rows, and the
 * chain check. Env: BENCH_AUDIT_ROWS (100000).
 */
import { auditHash, GENESIS_HASH } from '../src/core/audit/audit-log';
import { openStore, type WorkStore } from '../src/core/store/work-store';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 100_000);
const BATCH = 1_000;
const OPERATORS = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eva', 'Finn', 'Gus', 'Hana'];
const ACTIONS = ['payouts:approve', 'payouts:reject', 'payouts:split', 'deposits:capture', 'deposits:void'];
const ms = (t0: number) => Math.round(performance.now() - t0);

/** Rows chained exactly as appendAudit writes them, inserted a thousand at a time. */
async function fill(store: WorkStore): Promise<void> {
  let prev = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  for (let b = 0; b < ROWS; b += BATCH) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = b; i < Math.min(ROWS, b + BATCH); i++) {
      const row = {
        at: new Date(start + i * 60_000),
        operator: OPERATORS[i % OPERATORS.length]!,
        action: ACTIONS[i % ACTIONS.length]!,
        itemKind: 'transaction',
        itemId: String(1_000_000 + i),
        details: { amountMinor: 1_000 + (i % 997), currency: 'EUR', result: 'done', journalId: i + 1 },
        prevHash: prev,
      };
      const hash = auditHash(row);
      const p = params.length;
      values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`);
      params.push(row.at, row.operator, row.action, row.itemKind, row.itemId, JSON.stringify(row.details), prev, hash);
      prev = hash;
    }
    await store.db.query(
      `INSERT INTO audit_log (at, operator, action, item_kind, item_id, details, prev_hash, hash) VALUES ${values.join(',')}`,
      params,
    );
  }
}

async function main(): Promise<void> {
  const store = await openStore({ kind: 'memory' });
  const t0 = performance.now();
  await fill(store);
  console.log(`audit bench: ${ROWS.toLocaleString('en-GB')} rows written in ${ms(t0)} ms`);

  const figures: [string, number, number][] = [];
  const time = async (what: string, fn: () => Promise<number>) => {
    const t = performance.now();
    const rows = await fn();
    figures.push([what, ms(t), rows]);
  };
  const day = { from: new Date(Date.UTC(2026, 1, 1)).toISOString(), to: new Date(Date.UTC(2026, 1, 2)).toISOString() };
  await time('first page, no filter', async () => (await store.audit.page({}, { limit: 500 })).rows.length);
  await time('first page, one operator', async () => (await store.audit.page({ operator: 'Chloe' })).rows.length);
  await time('first page, one action', async () => (await store.audit.page({ action: 'deposits:void' })).rows.length);
  await time('first page, one item', async () => (await store.audit.page({ itemId: '1000500' })).rows.length);
  await time('first page, one day', async () => (await store.audit.page(day)).rows.length);
  await time('every row, 500 a page', async () => {
    let n = 0;
    let page = await store.audit.page({}, { limit: 500 });
    n += page.rows.length;
    while (page.nextBeforeSeq !== null) {
      page = await store.audit.page({}, { beforeSeq: page.nextBeforeSeq, limit: 500 });
      n += page.rows.length;
    }
    return n;
  });
  await time('CSV export, every row', async () => (await store.audit.exportCsv({})).rows);
  await time('verify chain', async () => (await store.audit.check()).rows);
  for (const [what, took, rows] of figures)
    console.log(
      `  ${what.padEnd(28)} ${String(took).padStart(6)} ms  (${rows.toLocaleString('en-GB')} row${rows === 1 ? '' : 's'})`,
    );
  await store.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
