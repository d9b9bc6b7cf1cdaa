import { isDeskError } from '../../shared/errors';
import { isPraxisError, type PraxisClient } from '../praxis';
import type { JournalEntry } from '../store/journal';
import type { WorkStore } from '../store/work-store';
import { childPayouts, ingestAnswer, isPendingStatus, PAID_STATUSES, VOID_STATUSES } from './request-state';

export type PayoutAction = 'payouts:approve' | 'payouts:reject' | 'payouts:split';

/** What a lookup after an unknown outcome established. `unknown` keeps every action on the item blocked. */
export interface Resolution {
  state: 'done' | 'failed' | 'unknown';
  moneyMoved: boolean | 'unknown';
  message: string;
  /** The request's (or split part's) status Praxis reported, when it answered. */
  foundStatus: string | null;
}

const isIn = (list: readonly string[], s: string) => list.includes(s);
const why = (err: unknown) => (isDeskError(err) ? `${err.code}: ${err.message}` : String(err));
const unknown = (message: string): Resolution => ({
  state: 'unknown',
  moneyMoved: 'unknown',
  message,
  foundStatus: null,
});

/**
 * Looks an action with an unknown outcome up at Praxis — never re-sends it. Approve/reject read the request
 * with find-transaction (and any child payout the intake stored since); a split part is found by its own order_id.
 */
export async function resolveUnknown(entry: JournalEntry, client: PraxisClient, store: WorkStore): Promise<Resolution> {
  const tid = Number(entry.itemId);
  const action = entry.action as PayoutAction;
  if (action === 'payouts:split') return resolveSplitPart(entry, client, store);

  let status: string;
  try {
    const found = await client.findTransaction(tid);
    await ingestAnswer(store, found);
    status = found.transaction.transaction_status.toLowerCase();
  } catch (err) {
    return unknown(
      `find-transaction for ${tid} did not answer usefully (${why(err)}); the outcome is still unknown. Reconcile again when Praxis is reachable.`,
    );
  }

  if (action === 'payouts:approve') {
    // A child payout stored since the send started (e.g. by a notification) is direct evidence the approval went through.
    const since = entry.createdAt.getTime() - 1_000;
    const newChild = (await childPayouts(store.db, tid)).find(
      (c) => c.created_at.getTime() >= since && isIn(PAID_STATUSES, c.status),
    );
    if (isIn(PAID_STATUSES, status) || newChild) {
      return {
        state: 'done',
        moneyMoved: true,
        foundStatus: status,
        message: `Praxis shows request ${tid} as ${status}: the approval went through and the payout was made once. Do not approve it again.`,
      };
    }
    if (isPendingStatus(status)) {
      // Safe: a second complete on a request Praxis already processed is refused ("already processed"), never paid twice.
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: status,
        message: `Praxis shows request ${tid} still ${status} with no payout: the approval was not applied. It is safe to approve it again.`,
      };
    }
    if (isIn(VOID_STATUSES, status)) {
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: status,
        message: `Praxis shows request ${tid} as ${status}: this approval did not pay it.`,
      };
    }
  } else {
    if (status === 'cancelled' || status === 'canceled') {
      return {
        state: 'done',
        moneyMoved: false,
        foundStatus: status,
        message: `Praxis shows request ${tid} as cancelled: the rejection went through.`,
      };
    }
    if (isPendingStatus(status)) {
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: status,
        message: `Praxis shows request ${tid} still ${status}: the rejection was not applied. It is safe to reject it again.`,
      };
    }
    if (isIn(PAID_STATUSES, status)) {
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: status,
        message: `Praxis shows request ${tid} as ${status} (paid): the rejection did not apply.`,
      };
    }
  }
  return {
    ...unknown(
      `Praxis shows request ${tid} as "${status}", which does not say whether the ${action.slice(8)} was applied. Check it in the Praxis back office, then reconcile again.`,
    ),
    foundStatus: status,
  };
}

async function resolveSplitPart(entry: JournalEntry, client: PraxisClient, store: WorkStore): Promise<Resolution> {
  const orderId = typeof entry.request.order_id === 'string' ? entry.request.order_id : null;
  if (!orderId)
    return unknown(
      `The journal entry ${entry.id} has no order_id, so the split part cannot be looked up. Check it in the Praxis back office.`,
    );
  try {
    const found = await client.findOrder(orderId);
    if (!found.transaction) {
      return unknown(
        `Praxis knows split order ${orderId} (session ${found.session.session_status ?? 'unknown'}) but shows no payout yet. Reconcile again shortly.`,
      );
    }
    await store.ingest(found, {
      observedAt: new Date((found.timestamp ?? Math.floor(Date.now() / 1000)) * 1000),
      source: 'action',
    });
    const status = found.transaction.transaction_status.toLowerCase();
    if (isIn(VOID_STATUSES, status))
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: status,
        message: `Split part ${orderId} exists at Praxis but ended ${status}: no money moved.`,
      };
    return {
      state: 'done',
      moneyMoved: true,
      foundStatus: status,
      message: `Split part ${orderId} exists at Praxis (${status}): it was paid once. Do not send it again.`,
    };
  } catch (err) {
    if (isPraxisError(err) && err.code === 'PRAXIS_REJECTED' && /not found/i.test(err.praxisDescription ?? '')) {
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: null,
        message: `Praxis has no split order ${orderId}: the part was not applied. It is safe to split again; the retry reuses order_id ${orderId}, which Praxis would refuse if it existed.`,
      };
    }
    return unknown(
      `find-order for ${orderId} did not answer usefully (${why(err)}); the outcome is still unknown. Reconcile again when Praxis is reachable.`,
    );
  }
}
