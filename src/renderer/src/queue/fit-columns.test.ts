import { describe, expect, it } from 'vitest';
import { fitColumns, type QueueColumnMeta } from './fit-columns';

// The payout queue's shape: what gives way beside the pane, and in which order when the scroller is too narrow.
const columns: { id: string; meta: QueueColumnMeta }[] = [
  { id: 'tid', meta: { width: 86, compactWidth: 80, givesWay: 3 } },
  { id: 'age', meta: { width: 84, compactWidth: 84, givesWay: 2 } },
  { id: 'customer', meta: { width: 172, compactWidth: 104, givesWay: 4, fills: true, identifiesDownTo: 80 } },
  { id: 'amount', meta: { width: 150, compactWidth: 132 } },
  { id: 'method', meta: { width: 210, hideWhenCompact: true, givesWay: 1 } },
  { id: 'risk', meta: { width: 150, compactWidth: 140 } },
  { id: 'status', meta: { width: 140, compactWidth: 120, hideWhenCompact: true, showForClaims: true } },
];
const fit = (width: number, compact = false, anyClaimed = false) =>
  fitColumns(columns, { compact, anyClaimed, width, fixedWidth: 36 });
const shown = (f: ReturnType<typeof fit>) => columns.filter((c) => f.visible[c.id]).map((c) => c.id);
/** The table's width as fitted: the columns shown, at the widths chosen, and the fixed select column. */
const tableWidth = (f: ReturnType<typeof fit>) =>
  columns
    .filter((c) => f.visible[c.id])
    .reduce((sum, c) => sum + ((f.compactWidths && c.meta.compactWidth) || c.meta.width), 36);

describe('fitColumns', () => {
  it('shows every column at full width where they fit, and before the scroller is measured', () => {
    for (const f of [fit(1046), fit(0)]) {
      expect(shown(f)).toEqual(columns.map((c) => c.id));
      expect(f.compactWidths).toBe(false);
    }
  });

  it('in a narrower scroller, takes the compact widths and lets the method go first, keeping status and risk', () => {
    const f = fit(790);
    expect(shown(f)).toEqual(['tid', 'age', 'customer', 'amount', 'risk', 'status']);
    expect(f.compactWidths).toBe(true);
    expect(tableWidth(f)).toBeLessThanOrEqual(790);
  });

  it('beside the pane hides what the pane shows, and gives way further only while the table is still too wide', () => {
    expect(shown(fit(640, true))).toEqual(['tid', 'age', 'customer', 'amount', 'risk']);
    // At 1024 pixels: the tid and age go (the pane's heading shows both); the customer says who a row is about.
    expect(shown(fit(438, true))).toEqual(['customer', 'amount', 'risk']);
    expect(tableWidth(fit(438, true))).toBeLessThanOrEqual(438);
    // Narrower still, the customer narrows rather than leaves: beside the pane it is what tells the rows apart.
    expect(shown(fit(300, true))).toEqual(['customer', 'amount', 'risk']);
    // A claim keeps the status beside the pane: it names who is acting.
    expect(shown(fit(900, true, true))).toContain('status');
    // At 1280 pixels beside the pane with a claim listed, the age gives way: the tid a team names its work by stays.
    expect(shown(fit(690, true, true))).toEqual(['tid', 'customer', 'amount', 'risk', 'status']);
  });

  it('beside the pane at 1024 pixels with a scrollbar or a window frame, the customer stays, narrowed to fit', () => {
    // 440 px: the scroller at 1024 beside the pane; less a vertical scrollbar (15 px), and less a window frame's too.
    for (const width of [440, 425, 410, 392]) {
      const f = fit(width, true);
      expect(shown(f), `at ${width} px`).toEqual(['customer', 'amount', 'risk']);
      expect(
        Object.values(f.widths).reduce((a, b) => a + b, 36),
        `at ${width} px`,
      ).toBeLessThanOrEqual(width);
    }
    expect(fit(392, true).widths.customer).toBe(104 - 20);
  });

  it('at any width, the table fits its scroller, unless it is down to the columns that may not give way', () => {
    for (const compact of [false, true]) {
      const least = tableWidth(fit(1, compact));
      for (let width = 300; width <= 1400; width += 7)
        expect(tableWidth(fit(width, compact))).toBeLessThanOrEqual(Math.max(width, least));
    }
  });

  it('gives the room the other columns leave to the one that fills (the customer), so the row fills its scroller', () => {
    // At 1280 pixels beside the pane: the compact widths leave room over, all of it the customer's.
    const f = fit(700, true);
    expect(f.widths.customer).toBe(104 + 700 - tableWidth(f));
    expect(Object.values(f.widths).reduce((a, b) => a + b, 36)).toBe(700);
    expect(f.widths.amount).toBe(132);
    // Unmeasured: no room handed out. Short of room beside the pane: narrowed, never below its least width.
    expect(fit(0, true).widths.customer).toBe(104);
    expect(fit(300, true).widths.customer).toBe(80);
    // Without the pane, a too narrow scroller still lets the customer go, and a hidden column gets no width.
    expect(fit(300).widths.customer).toBeUndefined();
  });
});
