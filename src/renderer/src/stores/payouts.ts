import { FIRST_PAGE_ROWS, PENDING_WITHDRAWAL_STATUSES, type PayoutRow } from '../../../shared/payouts';
import { callPayouts, onPayoutsChanged } from '../api/payouts';
import { createQueueStore } from '../queue/create-queue-store';
import { DEFAULT_SORT, EMPTY_FILTER, ViewState } from './payouts-filter';

/** What stays in the queue when a live change arrives: the same statuses the core's queue query uses. */
const QUEUE_STATUSES = new Set<string>(PENDING_WITHDRAWAL_STATUSES);
export const belongsInQueue = (row: PayoutRow): boolean => row.journalState !== null || QUEUE_STATUSES.has(row.status);

const payoutQueue = createQueueStore(
  {
    list: (page) => callPayouts('payouts:list', page),
    rows: (tids) => callPayouts('payouts:rows', { tids }),
    detail: (tid) => callPayouts('payouts:detail', { tid }),
    onChanged: onPayoutsChanged,
    belongsInQueue,
    firstPageRows: FIRST_PAGE_ROWS,
  },
  {
    storageKey: 'praxis-desk.payouts.current-view',
    schema: ViewState,
    emptyFilter: EMPTY_FILTER,
    defaultSort: DEFAULT_SORT,
    startsDescending: (column) => column === 'age',
  },
);

export const usePayouts = payoutQueue.useQueue;
export const payoutsActions = payoutQueue.actions;
export const payoutsRows = payoutQueue.selectors;
export type PayoutsState = ReturnType<typeof usePayouts.getState>;
