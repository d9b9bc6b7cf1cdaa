import type { Locator } from '@playwright/test';

/** A queue row as a person finds it: the row whose tid cell reads the tid the test created. */
export const rowWithTid = (table: Locator, tid: number): Locator =>
  table.getByRole('row').filter({ has: table.page().getByRole('cell', { name: String(tid), exact: true }) });
