import { isPraxisError, type PraxisClient } from '../praxis';
import { PRAXIS_ASSUMPTIONS } from '../praxis/assumptions';
import type { JournalEntry } from '../store/journal';
import type { Resolution, ResolveOptions } from '../queues/queue-kind';
import { errorWords, lookUpStatus, minutesText, sinceSend, stillUnknown } from '../queues/resolution';
import type { WorkStore } from '../store/work-store';
import { childPayouts, HANDLED_REQUEST_STATUSES, isIn, NO_MONEY_STATUSES, PAID_PAYOUT_STATUSES } from './request-state';

export type PayoutAction = 'payouts:approve' | 'payouts:reject' | 'payouts:split';

const why = errorWords;
const unknown = stillUnknown;
const minutes = minutesText;

/**
 * Looks an action with an unknown outcome up at Praxis — never re-sends it. Only a definitive answer resolves it as
 * not applied: the request cancelled, a part not found or declined, or the stated rule of PRAXIS_ASSUMPTIONS
 * (still `requested` with no payout long after the send). Anything else — `requested` soon after, `verification`,
 * `partial_payout`, `error`, a payout still processing — stays unknown, with what was found in the message.
 */
export async function resolveUnknown(
  entry: JournalEntry,
  client: PraxisClient,
  store: WorkStore,
  opts: ResolveOptions = {},
): Promise<Resolution> {
  const tid = Number(entry.itemId);
  const action = entry.action as PayoutAction;
  if (action === 'payouts:split') return resolveSplitPart(entry, client, store);

  const looked = await lookUpStatus(client, store, tid);
  if ('failed' in looked) return looked.failed;
  const status = looked.status;

  // Payouts of this request stored since the send started (by a notification or the lookup): direct evidence —
  // but never a split part (its order_id is in the journal), which a second's rounding can put after the send.
  const since = entry.createdAt.getTime() - 1_000;
  const splitParts = new Set(
    (await store.journal.forItem('transaction', String(tid)))
      .filter((j) => j.action === 'payouts:split')
      .map((j) => String(j.request.order_id)),
  );
  const newChildren = (await childPayouts(store.db, tid)).filter(
    (c) => c.created_at.getTime() >= since && !splitParts.has(c.order_id ?? ''),
  );
  const paid = newChildren.find((c) => isIn(PAID_PAYOUT_STATUSES, c.status));
  const open = newChildren.find((c) => !isIn(PAID_PAYOUT_STATUSES, c.status) && !isIn(NO_MONEY_STATUSES, c.status));
  const rule = opts.notAppliedAfterMs ?? PRAXIS_ASSUMPTIONS.notAppliedAfterMs.value;
  const age = sinceSend(entry, opts.now);
  const ruleSaysNotApplied = status === 'requested' && newChildren.length === 0 && age >= rule;
  const ruleText = `(the desk's stated rule: still requested with no payout ${minutes(rule)} after the send means not applied)`;
  const verb = action === 'payouts:approve' ? 'approval' : 'rejection';

  if (action === 'payouts:approve') {
    if (isIn(HANDLED_REQUEST_STATUSES, status) || paid) {
      return {
        state: 'done',
        moneyMoved: true,
        foundStatus: status,
        message: `Praxis shows request ${tid} as ${status}${paid ? ` with payout ${paid.tid} ${paid.status}` : ''}: the approval went through and the payout was made once. Do not approve it again.`,
      };
    }
    if (open) {
      return unknown(
        `Outcome unknown — reconcile later. Praxis shows payout ${open.tid} of request ${tid} as ${open.status}: the approval reached Praxis but the payout is not final. Do not approve it again.`,
        status,
      );
    }
  } else {
    if (isIn(['cancelled', 'canceled'], status)) {
      return {
        state: 'done',
        moneyMoved: false,
        foundStatus: status,
        message: `Praxis shows request ${tid} as cancelled: the rejection went through.`,
      };
    }
    if (isIn(HANDLED_REQUEST_STATUSES, status) || paid) {
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: status,
        message: `Praxis shows request ${tid} as ${status} (paid): the rejection did not apply.`,
      };
    }
  }
  if (action === 'payouts:approve' && isIn(NO_MONEY_STATUSES, status)) {
    return {
      state: 'failed',
      moneyMoved: false,
      foundStatus: status,
      message: `Praxis shows request ${tid} as ${status}: this approval did not pay it.`,
    };
  }
  if (ruleSaysNotApplied) {
    return {
      state: 'failed',
      moneyMoved: false,
      foundStatus: status,
      message: `Praxis still shows request ${tid} as requested with no payout, ${minutes(age)} after the send ${ruleText}: the ${verb} was not applied. It is safe to ${action === 'payouts:approve' ? 'approve' : 'reject'} it again.`,
    };
  }
  return unknown(
    status === 'requested'
      ? `Outcome unknown — reconcile later. Praxis shows request ${tid} as requested, but a payout still processing can show that too, so this does not say whether the ${verb} was applied; it is settled as not applied only ${minutes(rule)} after the send ${ruleText}. Do not ${action === 'payouts:approve' ? 'approve' : 'reject'} it again.`
      : `Praxis shows request ${tid} as "${status}", which does not say whether the ${verb} was applied${status === 'verification' ? ' (verification follows a payout error: funds may have been sent)' : ''}. Outcome unknown — check it in the Praxis back office, then reconcile again.`,
    status,
  );
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
    if (isIn(NO_MONEY_STATUSES, status))
      return {
        state: 'failed',
        moneyMoved: false,
        foundStatus: status,
        message: `Split part ${orderId} exists at Praxis but ended ${status}: no money moved.`,
      };
    if (isIn(PAID_PAYOUT_STATUSES, status))
      return {
        state: 'done',
        moneyMoved: true,
        foundStatus: status,
        message: `Split part ${orderId} exists at Praxis (${status}): it was paid once. Do not send it again.`,
      };
    return unknown(
      `Split part ${orderId} exists at Praxis as ${status}${status === 'error' ? ' (an error: funds may still have been sent)' : ''}: it counts against the remainder until it is final. Outcome unknown — reconcile later; do not send it again.`,
      status,
    );
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
