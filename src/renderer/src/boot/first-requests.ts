import type { Result } from '../../../shared/errors';
import type { AccessState } from '../../../shared/access';
import { FIRST_PAGE_ROWS, type PayoutPage } from '../../../shared/payouts';
import { mayOpen } from '../access/screen-roles';
import { desk } from '../api/desk';
import { onQueueChanged } from '../api/queue-changed';
import { warmFormats } from './warm-formats';

/*
 * The page's two first questions, asked by the entry script before React, zod and the screens are even fetched: who
 * is at the desk and, when that person may open the payout queue (the start screen), its first page. Both are
 * answered while the rest of the page loads. The core checks the role of every call; the screen still shows rows
 * only when the access store says the person may open it.
 */

// Payout items changed from before the page is asked for, so none is missed until the queue's store follows them.
const payoutsChanged = new Set<number>();
const stopNotingPayouts = onQueueChanged('payouts', (tids) => tids.forEach((tid) => payoutsChanged.add(tid)));

const status: Promise<Result<AccessState>> = desk().session.status({});
// Asked only when the answer allows the queue; wrapped, so awaiting this waits for the decision and not the rows.
const firstPayouts: Promise<{ page: Promise<Result<PayoutPage>> } | null> = status.then((res) => {
  if (!res.ok || !mayOpen('payouts', res.data)) return null;
  const page = desk().payouts.list({ limit: FIRST_PAGE_ROWS });
  // In a task of its own: the request is written first (in a microtask), then the wait for it is put to use.
  setTimeout(warmFormats);
  return { page };
});

export const firstRequests = { status, firstPayouts };

/** The payout tids changed since the page started; noting them stops here, as the queue's store follows them now. */
export function payoutsChangedSinceStart(): number[] {
  stopNotingPayouts();
  return [...payoutsChanged];
}
