import type { QueueKind } from '../queues/queue-kind';
import { resolveUnknown } from './payout-resolution';
import { refreshByLookup } from '../queues/item-state';
import { announcePayout, isPendingStatus, storedStatus } from './request-state';

/** The payout queue as the journal, reconcile and bulk machinery of src/core/queues sees it. */
export const PAYOUT_QUEUE: QueueKind = {
  name: 'payouts',
  actionPrefix: 'payouts:',
  noun: 'request',
  announce: announcePayout,
  storedStatus: (store, tid) => storedStatus(store.db, tid, 'payout'),
  isOpen: isPendingStatus,
  refresh: refreshByLookup,
  resolve: resolveUnknown,
};
