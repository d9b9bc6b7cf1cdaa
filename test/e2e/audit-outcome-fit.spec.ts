import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { auditRows, auditTable, openAudit } from './support/audit-page';
import { deskHostForThisFile, screenshotPath } from './support/desk-host';
import { approveRow, lastAction, openQueueFor, payoutsSim, rejectRow } from './support/payouts-sim';

// A keyboard walk: the Outcome column read "done — money mo…" at 1440 and "done — no m…" at 1024, and at 1024 the
// Reason, Note and Praxis ids columns were gone with nothing saying so.
const desk = deskHostForThisFile();
const sim = payoutsSim(desk);
const run = randomBytes(3).toString('hex');

/** The row's Outcome cell: its text and whether all of it shows (nothing cut by the column's edge). */
async function outcomeCell(table: Locator, row: Locator) {
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const cell = row.getByRole('cell').nth(headers.indexOf('Outcome'));
  return cell.evaluate((c) => ({ text: c.textContent, whole: c.scrollWidth <= c.clientWidth + 1 }));
}

async function approvedAndRejected(page: Page): Promise<{ approved: number; rejected: number }> {
  const cid = `e2e-audit-outcome-${run}`;
  const approved = await sim.createRequest(cid, 'EUR', 3_100);
  const rejected = await sim.createRequest(cid, 'EUR', 3_200);
  await openQueueFor(page, desk(), cid);
  await approveRow(page, approved);
  await expect(lastAction(page)).toContainText('Money moved.');
  await rejectRow(page, rejected, '2', `${cid} rejected`);
  return { approved, rejected };
}

test('the audit log shows whether money moved, whole, at 1440 and 1024 pixels; at 1024 a line says where the hidden columns are', async ({
  page,
}) => {
  const { approved, rejected } = await approvedAndRejected(page);
  await openAudit(page);
  const table = auditTable(page);
  const approvalRow = auditRows(page)
    .filter({ hasText: String(approved) })
    .filter({ hasText: 'Approve payout' });
  const rejectionRow = auditRows(page).filter({ hasText: String(rejected) });
  const hidden = page.getByText(/Reason, Note and Praxis ids: in the row’s detail/);

  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await expect(table.getByRole('columnheader', { name: 'Outcome' })).toBeVisible();
    const approval = await outcomeCell(table, approvalRow);
    expect(approval.text, `approval at ${size.width}`).toMatch(/^done · money moved/);
    expect(approval.whole, `approval's outcome whole at ${size.width}`).toBe(true);
    const rejection = await outcomeCell(table, rejectionRow);
    expect(rejection.text, `rejection at ${size.width}`).toMatch(/^done · no money moved/);
    expect(rejection.whole, `rejection's outcome whole at ${size.width}`).toBe(true);
    // The cell's hover text is the whole outcome, as the CSV and the detail have it.
    await expect(rejectionRow.getByRole('cell', { name: /^done · no money moved/ })).toHaveAttribute(
      'title',
      /^done — no money moved — .*now cancelled/,
    );
    await page.screenshot({ path: screenshotPath(`67-audit-outcome-${size.width}`) });
  }

  // At 1024 the columns that gave way are named, and the row's detail has them.
  for (const name of ['Reason', 'Note', 'Praxis ids'])
    await expect(table.getByRole('columnheader', { name, exact: true })).toHaveCount(0);
  await expect(hidden).toBeVisible();
  await rejectionRow.click();
  const detail = page.getByRole('region', { name: /^Audit row \d+$/ });
  await expect(detail.getByLabel('Reason', { exact: true })).toHaveText('Bonus or promotion abuse');
  await expect(detail.getByLabel('Praxis ids', { exact: true })).toHaveText(`tid ${rejected}`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(hidden).toHaveCount(0);
});
