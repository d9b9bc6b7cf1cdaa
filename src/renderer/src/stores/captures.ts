import { FIRST_PAGE_ROWS } from '../../../shared/queue-views';
import type { CaptureRow } from '../../../shared/captures';
import { callCaptures, onCapturesChanged } from '../api/captures';
import { createQueueStore } from '../queue/create-queue-store';
import { CaptureViewState, DEFAULT_CAPTURE_SORT, EMPTY_CAPTURE_FILTER } from './captures-filter';

/** A hold stays in the queue while authorized, or while an action on it is in flight or unknown. */
export const belongsInCaptureQueue = (row: CaptureRow): boolean =>
  row.journalState !== null || row.status === 'authorized';

const captureQueue = createQueueStore(
  {
    list: (page) => callCaptures('captures:list', page),
    rows: (tids) => callCaptures('captures:rows', { tids }),
    detail: (tid) => callCaptures('captures:detail', { tid }),
    onChanged: onCapturesChanged,
    belongsInQueue: belongsInCaptureQueue,
    firstPageRows: FIRST_PAGE_ROWS,
  },
  {
    storageKey: 'praxis-desk.captures.current-view',
    schema: CaptureViewState,
    emptyFilter: EMPTY_CAPTURE_FILTER,
    defaultSort: DEFAULT_CAPTURE_SORT,
    startsDescending: (column) => column === 'age',
  },
);

export const useCaptures = captureQueue.useQueue;
export const capturesActions = captureQueue.actions;
export const capturesRows = captureQueue.selectors;
