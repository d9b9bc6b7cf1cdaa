/** Per column: its sort key (a header button), cell class, and width in the full table and beside the detail pane. */
export interface QueueColumnMeta {
  sortKey?: string;
  className?: string;
  width: number;
  /** Width beside the detail pane, and whenever the full widths do not fit. */
  compactWidth?: number;
  /** Gives way beside the detail pane (the pane shows it), so nothing clips. */
  hideWhenCompact?: boolean;
  /**
   * Gives way when the table is wider than its scroller, lowest rank first, once every column has taken its compact
   * width: the table then fits, and no column lies under the pinned status. Only for what the detail pane shows.
   */
  givesWay?: number;
  /** Stays beside the detail pane while a listed item is claimed: it names who is acting on it. */
  showForClaims?: boolean;
  /** Takes the room the scroller leaves beyond every column's width (the first such column shown). */
  fills?: boolean;
  /**
   * The least width of the column that says who a row is about (the customer): beside the detail pane it never gives
   * way, so the row at the cursor can be told from the others; short of room it narrows to this (cut, whole on hover).
   */
  identifiesDownTo?: number;
}

export interface ColumnFit {
  /** Shown or not, by column id. */
  visible: Record<string, boolean>;
  /** The columns shown take their compact widths. */
  compactWidths: boolean;
  /** Each shown column's width, by id: its full or compact width, and for the one that fills, the room left. */
  widths: Record<string, number>;
}

/**
 * Which of a queue's columns it shows, and at which widths, in a scroller `width` pixels wide (0: not measured yet,
 * so everything the mode allows): beside the pane, or when the full widths do not fit, the compact widths; then,
 * while the table is still wider than the scroller, the columns that give way, one at a time — beside the pane never
 * the one that identifies a row, which narrows to its least width instead.
 */
export function fitColumns(
  columns: readonly { id: string; meta: QueueColumnMeta }[],
  o: { compact: boolean; anyClaimed: boolean; width: number; fixedWidth: number },
): ColumnFit {
  const widthOf = (cols: readonly { meta: QueueColumnMeta }[], compactWidths: boolean) =>
    cols.reduce((sum, c) => sum + ((compactWidths && c.meta.compactWidth) || c.meta.width), o.fixedWidth);
  const fits = (cols: readonly { meta: QueueColumnMeta }[], compactWidths: boolean) =>
    o.width === 0 || widthOf(cols, compactWidths) <= o.width;

  let kept = columns.filter(
    (c) => !o.compact || !c.meta.hideWhenCompact || (o.anyClaimed && c.meta.showForClaims === true),
  );
  const compactWidths = o.compact || !fits(kept, false);
  const identifier = o.compact ? kept.find((c) => c.meta.identifiesDownTo !== undefined) : undefined;
  const yielding = kept
    .filter((c) => c.meta.givesWay !== undefined && c !== identifier)
    .sort((a, b) => a.meta.givesWay! - b.meta.givesWay!);
  for (const column of yielding) {
    if (fits(kept, compactWidths)) break;
    kept = kept.filter((c) => c !== column);
  }
  const room = o.width === 0 ? 0 : o.width - widthOf(kept, compactWidths);
  const filler = kept.find((c) => c.meta.fills);
  const base = (c: { meta: QueueColumnMeta }) => (compactWidths && c.meta.compactWidth) || c.meta.width;
  // Short of room beside the pane (a scrollbar, a window frame), the identifier narrows instead of leaving.
  const narrowing = identifier && room < 0 ? Math.min(-room, base(identifier) - identifier.meta.identifiesDownTo!) : 0;
  const widths = Object.fromEntries(
    kept.map((c) => [
      c.id,
      base(c) + (c === filler ? Math.max(0, room) : 0) - (c === identifier ? Math.max(0, narrowing) : 0),
    ]),
  );
  return { visible: Object.fromEntries(columns.map((c) => [c.id, kept.includes(c)])), compactWidths, widths };
}
