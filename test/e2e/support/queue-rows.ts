import type { Locator } from '@playwright/test';

/** A queue row as a person finds it: the row whose tid cell reads the tid the test created. */
export const rowWithTid = (table: Locator, tid: number): Locator =>
  table.getByRole('row').filter({ has: table.page().getByRole('cell', { name: String(tid), exact: true }) });

/**
 * The drawn rows' cells that do not show their whole content, as "tid Header: text"; only a Customer cell may, and
 * only with its full text on hover, or a cell whose whole text is its hover text (an order id). With how many rows
 * were looked at, so a check cannot pass on an empty table.
 */
export const clippedCells = (table: Locator): Promise<{ clipped: string[]; rowsChecked: number }> =>
  table.evaluate((t: HTMLTableElement) => {
    const headers = [...t.tHead!.rows[0]!.cells].map((c) => c.textContent!.replace(/[▲▼]/g, '').trim());
    const tidAt = headers.indexOf('tid');
    // The drawn rows, as assistive technology sees them: the spacers standing in for undrawn rows are hidden.
    const rows = [...t.tBodies[0]!.rows].filter((r) => r.getAttribute('aria-hidden') !== 'true');
    const clipped: string[] = [];
    for (const row of rows) {
      [...row.cells].forEach((cell, i) => {
        if (cell.scrollWidth <= cell.clientWidth + 1) return;
        if (headers[i] === 'Customer' && cell.querySelector('[title]') !== null) return;
        if (cell.querySelector('[title]')?.getAttribute('title') === cell.textContent) return;
        clipped.push(`${row.cells[tidAt]?.textContent} ${headers[i]}: ${cell.textContent}`);
      });
    }
    return { clipped, rowsChecked: rows.length };
  });

/** The table fits its scroller: nothing lies beyond the right edge, nor under the pinned Status column. */
export const fitsItsScroller = (table: Locator): Promise<boolean> =>
  table.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1);

/**
 * The drawn rows' cells of one column whose visible text reaches past the cell's padding edge (into the padding, or
 * clipped beyond it), as "tid: text". The parts drawn for the eye are the aria-hidden ones where a cell has any (an
 * amount's code and number; its words for screen readers are clipped to 1 pixel on purpose).
 */
export const spillingCells = (table: Locator, header: string): Promise<{ spilling: string[]; rowsChecked: number }> =>
  table.evaluate((t: HTMLTableElement, header) => {
    const headers = [...t.tHead!.rows[0]!.cells].map((c) => c.textContent!.replace(/[▲▼]/g, '').trim());
    const at = headers.indexOf(header);
    const tidAt = headers.indexOf('tid');
    const rows = [...t.tBodies[0]!.rows].filter((r) => r.getAttribute('aria-hidden') !== 'true');
    const spilling: string[] = [];
    for (const row of rows) {
      const cell = row.cells[at]!;
      const style = getComputedStyle(cell);
      const box = cell.getBoundingClientRect();
      const left = box.left + parseFloat(style.paddingLeft);
      const right = box.right - parseFloat(style.paddingRight);
      const drawn = cell.querySelectorAll('[aria-hidden="true"]');
      const rects = [...(drawn.length ? drawn : [cell])].flatMap((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return [...range.getClientRects()];
      });
      if (rects.some((r) => r.left < left - 0.5 || r.right > right + 0.5))
        spilling.push(`${row.cells[tidAt]?.textContent}: ${cell.textContent}`);
    }
    return { spilling, rowsChecked: rows.length };
  }, header);
