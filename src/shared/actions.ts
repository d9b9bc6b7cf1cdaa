/** How one money-moving action on a queue item ended. `moneyMoved` is 'unknown' only until reconciliation answers. */
export interface ActionOutcome {
  tid: number;
  /** What this action paid or would have paid (an approval: the remainder; a split: the part), in the item's currency. */
  amountMinor?: number;
  currency?: string;
  /** The customer's name, else their cid, for messages that say whose money moved. */
  customer?: string | null;
  state: 'done' | 'failed' | 'unknown';
  moneyMoved: boolean | 'unknown';
  message: string;
  journalId: number | null;
  praxisStatus?: number | null;
  newStatus?: string | null;
  errorCode?: string | null;
}
