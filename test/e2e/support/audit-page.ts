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

/** Clicks "Export CSV" (or does what `press` does) and reads back the file the browser downloaded. */
export async function exportAuditCsv(
  page: Page,
  press: () => Promise<void> = () => page.getByRole('button', { name: 'Export CSV' }).click(),
): Promise<string> {
  const downloading = page.waitForEvent('download');
  await press();
  return readFile((await (await downloading).path())!, 'utf8');
}
