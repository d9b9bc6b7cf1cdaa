import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

export const auditTable = (page: Page) => page.getByRole('table', { name: 'Audit log' });
export const auditRows = (page: Page) =>
  auditTable(page)
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });

export async function openAudit(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Audit/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
}

/** Clicks "Export CSV" and reads back the file the browser downloaded. */
export async function exportAuditCsv(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  return readFile((await (await downloading).path())!, 'utf8');
}
