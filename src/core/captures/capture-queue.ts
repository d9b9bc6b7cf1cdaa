import type { QueueKind } from '../queues/queue-kind';
import { refreshByLookup, storedStatus } from '../queues/item-state';
import { announceChange } from '../store/changes';
import { resolveCaptureUnknown } from './capture-resolution';

/** The status of a hold that can still be captured or voided. */
export const OPEN_HOLD_STATUS = 'authorized';

/** The capture queue as the journal, reconcile and bulk machinery of src/core/queues sees it. */
export const CAPTURE_QUEUE: QueueKind = {
  name: 'deposits',
  actionPrefix: 'captures:',
  noun: 'authorization',
  announce: (store, tid) => announceChange(store.db, { queue: 'deposits', ids: [String(tid)] }),
  storedStatus: (store, tid) => storedStatus(store.db, tid, 'authorization'),
  isOpen: (status) => status === OPEN_HOLD_STATUS,
  refresh: refreshByLookup,
  resolve: resolveCaptureUnknown,
};
