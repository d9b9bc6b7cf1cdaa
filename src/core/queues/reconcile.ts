import type { ActionOutcome } from '../../shared/actions';
import { DeskError, isDeskError } from '../../shared/errors';
import { reconcileEntry, type ActionDeps } from './journaled-action';
import { sendLeaseMs, type PraxisSession } from './praxis-session';
import { capital, verbOf } from './queue-kind';

const isQueueAction = (deps: ActionDeps, action: string) => action.startsWith(deps.queue.actionPrefix);

/**
 * "Reconcile now" on one item: an `unknown` entry, or a `sending` one past its sender's lease, is looked up at
 * Praxis and the result audited; a send still within its lease is left to its sender. With nothing unresolved,
 * the item is read again so the operator sees Praxis's current status.
 */
export async function reconcileItem(deps: ActionDeps, s: PraxisSession, tid: number): Promise<ActionOutcome> {
  const { store, queue } = deps;
  const open = await store.journal.inFlight('transaction', String(tid));
  // Each queue looks its own actions up by its own rules, for the roles that may take them.
  if (open && !isQueueAction(deps, open.action))
    throw new DeskError(
      'FORBIDDEN',
      `The unknown ${verbOf(open.action)} on ${tid} is not a ${queue.noun}'s: reconcile it from the ${open.action.startsWith('captures:') ? 'Captures' : 'Payouts'} queue, with a role that may ${verbOf(open.action)}. Nothing was looked up.`,
      { journalId: open.id },
    );
  if (open?.state === 'sending' && (await store.journal.leaseHeld(open.id, sendLeaseMs(s)))) {
    // Its sender may still get Praxis's answer: looking it up now could call an action in flight "not applied".
    throw new DeskError(
      'CONFLICT',
      `The ${verbOf(open.action)} on ${tid} by ${open.operator} is still being sent (since ${open.createdAt.toISOString()}). Wait for its answer; reconcile only if it never comes.`,
      { journalId: open.id },
    );
  }
  if (!open) {
    if ((await queue.storedStatus(store, tid)) === null)
      throw new DeskError('NOT_FOUND', `${capital(queue.noun)} ${tid} is not in the work store.`);
    await queue.refresh(store, s.client, tid);
    const last = (await store.journal.forItem('transaction', String(tid))).at(-1);
    const now = await queue.storedStatus(store, tid);
    return {
      tid,
      state: last?.state === 'failed' ? 'failed' : 'done',
      moneyMoved: false,
      journalId: last?.id ?? null,
      newStatus: now,
      message: `Nothing to reconcile on ${tid}: no action is in flight or unknown. Praxis shows it as ${now ?? 'unknown'}.`,
    };
  }
  const outcome = await reconcileEntry(deps, s.client, open, s.operator);
  await store.audit.append({
    operator: s.operator,
    action: `${queue.actionPrefix}reconcile`,
    itemKind: 'transaction',
    itemId: String(tid),
    details: {
      journalId: open.id,
      reconciledAction: open.action,
      result: outcome.state,
      moneyMoved: outcome.moneyMoved,
      message: outcome.message,
    },
  });
  return outcome;
}

/**
 * Crash recovery: every action of this queue `unknown`, or left `sending` past its sender's lease, is looked up
 * before anyone can act again. A `sending` entry within its lease belongs to a sender that may yet get the answer.
 */
export async function recoverUnresolved(
  deps: ActionDeps,
  praxis: () => Promise<PraxisSession>,
): Promise<ActionOutcome[]> {
  // Without credentials yet there is nothing to look up with; the default client timeout then sets the lease.
  const session = await praxis().catch(() => null);
  const open = (await deps.store.journal.unresolved(sendLeaseMs(session ?? {}))).filter(
    (e) => e.itemKind === 'transaction' && isQueueAction(deps, e.action),
  );
  if (open.length === 0) return [];
  const s = session ?? (await praxis());
  const out: ActionOutcome[] = [];
  for (const entry of open) {
    try {
      out.push(await reconcileItem(deps, s, Number(entry.itemId)));
    } catch (err) {
      deps.log.warn('reconciliation at start failed', { journalId: entry.id, error: String(err) });
      out.push(failedOutcome(Number(entry.itemId), err));
    }
  }
  deps.log.info('unresolved actions reconciled at start', {
    queue: deps.queue.actionPrefix,
    count: open.length,
    operator: s.operator,
    unresolved: out.filter((o) => o.state === 'unknown').length,
  });
  return out;
}

/** An item that failed before or outside the journal: what it says, with the journal id when the error names one. */
export function failedOutcome(tid: number, err: unknown): ActionOutcome {
  const desk = isDeskError(err) ? err : null;
  return {
    tid,
    state: 'failed',
    moneyMoved: false,
    journalId: typeof desk?.details?.journalId === 'number' ? desk.details.journalId : null,
    errorCode: desk?.code ?? 'INTERNAL',
    message: err instanceof Error ? err.message : String(err),
  };
}
