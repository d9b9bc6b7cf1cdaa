/** What every queue's row has in common: the item id, its currency, and the journal state that blocks actions. */
export interface QueueRow {
  tid: number;
  currency: string;
  /** Set when a money-moving action is in flight or its outcome is unknown. */
  journalState: 'sending' | 'unknown' | null;
  /** The operator acting on the item right now, at this desk or another; null when nobody is. */
  claimedBy: string | null;
}

/** A claimed row's words, in its status cell, its accessible description and the reason its buttons are off. */
export const claimText = (claimedBy: string) => `In progress by ${claimedBy}`;

/** A queue's sort: one of the screen's columns, either way. */
export interface QueueSortState<Column extends string = string> {
  column: Column;
  desc: boolean;
}

/** The rows that appear on screen are found by tid; null when the item left the queue. */
export const findRow = <Row extends QueueRow>(rows: readonly Row[], tid: number | null): Row | null =>
  tid === null ? null : (rows.find((r) => r.tid === tid) ?? null);
