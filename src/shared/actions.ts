/** How one money-moving action on a queue item ended. `moneyMoved` is 'unknown' only until reconciliation answers. */
export interface ActionOutcome {
  tid: number;
  state: 'done' | 'failed' | 'unknown';
  moneyMoved: boolean | 'unknown';
  message: string;
  journalId: number | null;
  praxisStatus?: number | null;
  newStatus?: string | null;
  errorCode?: string | null;
}
