/** A column of the audit table: its key, its width at 1280 pixels, and its share of any room beyond (0: none). */
export interface AuditColumnSize<K extends string> {
  key: K;
  width: number | undefined;
  grows: number;
}

/**
 * The widths of the columns shown in a table `width` pixels wide. The listed widths fit a 1280-pixel window; the room
 * a wider one leaves is shared among the columns whose text is cut first (operator, reason, note, outcome) by their
 * `grows`, instead of all of it going to the last column while the others stay cut. The column without a width takes
 * what is left (the table's own rounding), so the table always spans the scroller.
 */
export function auditColumnWidths<K extends string>(
  columns: readonly AuditColumnSize<K>[],
  width: number,
  least: number,
): Map<K, number | undefined> {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? least), 0);
  const room = Math.max(0, width - fixed);
  const shares = columns.reduce((sum, c) => sum + c.grows, 0);
  return new Map(
    columns.map((c) => [
      c.key,
      c.width === undefined || shares === 0 ? c.width : c.width + Math.floor((room * c.grows) / shares),
    ]),
  );
}
