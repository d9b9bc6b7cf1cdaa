import type { Locator } from '@playwright/test';

/**
 * The cells of `columns` (by header text, or its start before a unit in brackets) whose text is laid out on more than
 * one line, as "Column: text". Lines are read from the text itself, so a button's or a badge's own box inside a cell
 * is not taken for a line.
 */
export const cellsBrokenOverLines = (table: Locator, columns: string[]): Promise<string[]> =>
  table.evaluate((t: HTMLTableElement, wanted) => {
    const headers = [...t.tHead!.rows[0]!.cells].map((c) => c.textContent!.trim());
    const broken: string[] = [];
    // A header may name its unit after the column's name ("Time (UTC)"); a column not found is said, not skipped.
    const at = (column: string) => headers.findIndex((h) => h === column || h.startsWith(`${column} (`));
    for (const column of wanted) if (at(column) < 0) broken.push(`${column}: no such column`);
    for (const row of t.tBodies[0]!.rows)
      for (const column of wanted) {
        const cell = row.cells[at(column)];
        if (!cell || cell.colSpan > 1) continue;
        const tops = new Set<number>();
        const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let text = texts.nextNode(); text; text = texts.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(text);
          for (const r of range.getClientRects()) tops.add(Math.round(r.top));
        }
        if (tops.size > 1) broken.push(`${column}: ${cell.textContent}`);
      }
    return broken;
  }, columns);
