import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { auditHash, GENESIS_HASH } from '../../src/core/audit/audit-log';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { auditRows, exportAuditCsv, openAudit } from './support/audit-page';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { approveRow, lastAction, openQueueFor, payoutsSim, rejectRow } from './support/payouts-sim';

// The store is a PostgreSQL server, so the test can reach the audit rows directly, as an insider with database access.
let server: TestPostgres;
let storeUrl = '';
test.beforeAll(async () => {
  server = await startPostgres();
  storeUrl = await server.createDatabase('audit_e2e');
});
const desk = deskHostForThisFile({ store: () => ({ kind: 'postgres', url: storeUrl }) });
test.afterAll(async () => server?.stop());

const run = randomBytes(3).toString('hex');
const sim = payoutsSim(desk);
const NOTE = '=HYPERLINK("http://evil.example","refund")';

test('the Audit screen lists, filters and exports actions, and "Verify chain" finds a row tampered in the store', async ({
  page,
}) => {
  const cid = `e2e-audit-${run}`;
  const rejected = await sim.createRequest(cid, 'EUR', 4_200);
  const approved = await sim.createRequest(cid, 'EUR', 12_550);
  await openQueueFor(page, desk(), cid);

  // Two actions through the UI: reject the first with a note a spreadsheet would run, approve the second.
  await rejectRow(page, rejected, '2', NOTE);
  await approveRow(page, approved);
  await expect(lastAction(page)).toContainText('Money moved.');

  await openAudit(page);
  const rejectionRow = auditRows(page)
    .filter({ hasText: 'Reject payout' })
    .filter({ hasText: String(rejected) });
  const approveAuditRow = auditRows(page)
    .filter({ hasText: 'Approve payout' })
    .filter({ hasText: String(approved) });
  await expect(rejectionRow).toContainText('EUR 42.00');
  await expect(rejectionRow).toContainText('Bonus or promotion abuse');
  await expect(rejectionRow).toContainText(NOTE);
  await expect(approveAuditRow).toContainText('EUR 125.50');
  await expect(approveAuditRow).toContainText('money moved');
  // The request Praxis now calls "split" was paid whole: the desk says so in its own words (the cell's hover text).
  await expect(approveAuditRow.getByRole('cell', { name: 'done · money moved' })).toHaveAttribute(
    'title',
    /now paid out \(Praxis: /,
  );
  await expectNoSeriousA11yViolations(page, 'the Audit screen');
  await page.screenshot({ path: screenshotPath('60-audit') });

  // Filter by item: only the rejected request's rows.
  await page.getByLabel('Item id (tid or order id)').fill(String(rejected));
  await expect(approveAuditRow).toHaveCount(0);
  await expect(rejectionRow).toHaveCount(1);
  await page.getByLabel('Action').selectOption('payouts:reject');
  await expect(page.getByRole('status', { name: 'Audit rows' })).toHaveText('1 row');
  await page.screenshot({ path: screenshotPath('61-audit-filtered') });

  // Export the current view: the same one row, its formula-like note neutralized. From the keyboard, the focus stays
  // on the button through the export ("Exporting…"), not on the page's body.
  const exportButton = page.getByRole('button', { name: 'Export CSV' });
  await exportButton.focus();
  const csv = await exportAuditCsv(page, () => page.keyboard.press('Enter'));
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('seq,time,operator,action,item,amount,reason,note,praxis_ids,outcome,db_login,details');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`payouts:reject,${rejected},EUR 42.00`);
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""refund"")"`);
  await expect(page.getByRole('status', { name: 'Export' })).toHaveText('Exported 1 row as CSV.');
  await expect(exportButton).toBeFocused();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  // From the keyboard: the focus stays on the button through the check ("Verifying…"), not on the page's body.
  const verify = page.getByRole('button', { name: 'Verify chain' });
  await verify.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Chain check' })).toContainText('The audit chain is intact');
  await expect(verify).toBeFocused();
  await page.screenshot({ path: screenshotPath('64-audit-verified-focus-kept') });

  // An insider with the database owner's rights switches the append-only trigger off and lowers the rejected amount;
  // the chain no longer matches from that row.
  const client = new pg.Client({ connectionString: storeUrl });
  await client.connect();
  await client.query('SET session_replication_role = replica');
  const { rows } = await client.query<{ seq: string }>(
    `UPDATE audit_log SET details = jsonb_set(details, '{amountMinor}', '42') WHERE action = 'payouts:reject' AND item_id = $1 RETURNING seq`,
    [String(rejected)],
  );
  await client.end();
  const seq = Number(rows[0]!.seq);

  await verify.focus();
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert', { name: 'Chain check' });
  await expect(alert).toContainText(`The audit chain is broken at row ${seq}.`);
  await expect(verify).toBeFocused();
  await expect(alert).toContainText(`Row ${seq} was changed after it was written`);
  const brokenRow = auditRows(page).filter({ has: page.getByRole('cell', { name: String(seq), exact: true }) });
  await expect(brokenRow).toHaveAttribute('aria-selected', 'true');
  await expect(brokenRow).toBeInViewport();
  await expect(brokenRow).toContainText('EUR 0.42');
  // The selected row in full below the table, the stored details included.
  const detail = page.getByRole('region', { name: `Audit row ${seq}` });
  await expect(detail).toContainText(NOTE);
  await expect(detail.getByLabel('Stored details')).toContainText('"amountMinor": 42');
  await page.screenshot({ path: screenshotPath('62-audit-broken-chain') });
});

test('on a log of 20,000 rows only the rows on screen are drawn, and "Verify chain" scrolls to an old broken row', async ({
  page,
}) => {
  const ROWS = 20_000;
  const BROKEN = 150;
  const client = new pg.Client({ connectionString: storeUrl });
  await client.connect();
  try {
    // A fresh log written as the desk writes it, a thousand rows a statement (emptied first as the database owner).
    await client.query('SET session_replication_role = replica');
    await client.query('TRUNCATE audit_log RESTART IDENTITY');
    let prev = GENESIS_HASH;
    for (let b = 0; b < ROWS; b += 1_000) {
      const values: string[] = [];
      const params: unknown[] = [];
      for (let i = b; i < b + 1_000; i++) {
        const row = {
          at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
          operator: ['Ana', 'Ben'][i % 2]!,
          action: 'payouts:approve',
          itemKind: 'transaction',
          itemId: String(5_000_000 + i),
          details: { amountMinor: 1_000 + i, currency: 'EUR', result: 'done' },
          prevHash: prev,
        };
        const hash = auditHash(row);
        const p = params.length;
        values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`);
        params.push(
          row.at,
          row.operator,
          row.action,
          row.itemKind,
          row.itemId,
          JSON.stringify(row.details),
          prev,
          hash,
        );
        prev = hash;
      }
      await client.query(
        `INSERT INTO audit_log (at, operator, action, item_kind, item_id, details, prev_hash, hash) VALUES ${values.join(',')}`,
        params,
      );
    }
    await client.query(`UPDATE audit_log SET operator = 'Mallory' WHERE seq = $1`, [BROKEN]);
  } finally {
    await client.end();
  }

  await page.goto(desk().host.url);
  await openAudit(page);
  await expect(page.getByRole('status', { name: 'Audit rows' })).toHaveText('20,000 rows (500 loaded)');
  expect(await auditRows(page).count()).toBeLessThan(100);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('alert', { name: 'Chain check' })).toContainText(
    `The audit chain is broken at row ${BROKEN}. Row ${BROKEN} was changed after it was written`,
  );
  const brokenRow = auditRows(page).filter({ has: page.getByRole('cell', { name: String(BROKEN), exact: true }) });
  await expect(brokenRow).toHaveAttribute('aria-selected', 'true');
  await expect(brokenRow).toBeInViewport();
  await expect(brokenRow).toContainText('Mallory');
  expect(await auditRows(page).count()).toBeLessThan(100);
  await page.screenshot({ path: screenshotPath('63-audit-broken-old-row') });
});
