import type { ActionOutcome } from '../../shared/actions';
import type { CaptureSettings } from '../../shared/captures';
import { DeskError } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import { holdWindowFor, lapseTime, windowText } from '../../shared/hold-windows';
import { statusText } from '../../shared/praxis-words';
import { refuseOpenAction } from '../queues/actionable';
import { appliedItem, customerLabel, ingestAnswer } from '../queues/item-state';
import { runJournaled, type ActionDeps, type JournaledAction } from '../queues/journaled-action';
import { reasonAudit } from '../queues/reasons';
import type { PraxisSession } from '../queues/praxis-session';
import type { StoredTransaction } from '../store/queue-queries';
import { OPEN_HOLD_STATUS } from './capture-queue';
import { checkVoidReason } from './capture-settings';

const cardTypeOf = (tx: StoredTransaction) =>
  (tx.rawTransaction as { card?: { card_type?: string | null } | null } | null)?.card?.card_type ?? null;
const statusDetailsOf = (tx: StoredTransaction) =>
  (tx.rawTransaction as { status_details?: string | null } | null)?.status_details ?? null;

/**
 * A hold that may be acted on now: known, still authorized, and with no unresolved action; with the newest journal
 * entry seen by these checks (seenJournalId). The journal is read first, so anything sent after the hold's read is newer.
 */
export async function requireOpenHold(
  deps: ActionDeps,
  s: PraxisSession,
  tid: number,
): Promise<{ tx: StoredTransaction; seenJournalId: number }> {
  const { journal, tx } = await deps.store.transactionForChecks(tid);
  if (!tx || tx.transactionType !== 'authorization')
    throw new DeskError('NOT_FOUND', `Authorization ${tid} is not in the work store. Look it up by id first.`);
  await refuseOpenAction(deps, s, tid, journal.open);
  if (tx.status !== OPEN_HOLD_STATUS)
    throw new DeskError(
      'CONFLICT',
      `Authorization ${tid} is already ${statusText(tx.status, 'hold')}; there is no hold left to act on, so nothing was sent.`,
    );
  return { tx, seenJournalId: journal.latestId };
}

/**
 * After Praxis refused a capture or void, the item was read again (runJournaled refreshes it): say plainly why, from
 * what Praxis now shows — the hold was cancelled, it lapsed, or it was already captured — and that nothing moved.
 */
async function explainRefusal(
  deps: ActionDeps,
  settings: CaptureSettings,
  outcome: ActionOutcome,
  verb: 'capture' | 'void',
): Promise<ActionOutcome> {
  if (outcome.state !== 'failed' || outcome.errorCode !== 'PRAXIS_REJECTED') return outcome;
  const tx = await deps.store.getTransaction(outcome.tid);
  const said = outcome.journalId ? (await deps.store.journal.byId(outcome.journalId))?.praxisDescription : null;
  if (!tx) return outcome;
  const praxis = `Praxis answered "${said ?? outcome.message}"`;
  const details = statusDetailsOf(tx);
  const nothing = verb === 'capture' ? 'Nothing was captured' : 'Nothing was changed';
  const refreshed = 'the item was refreshed from Praxis and has left the queue';
  let message: string;
  if ((tx.status === 'cancelled' || tx.status === 'canceled') && details && /expir|laps/i.test(details))
    message = `The hold on authorization ${tx.tid} has lapsed (${details}), so it can no longer be ${verb === 'capture' ? 'captured' : 'voided'}. ${praxis}. ${nothing}; ${refreshed}. To take the money, take a new authorization.`;
  else if (tx.status === 'cancelled' || tx.status === 'canceled')
    message = `The hold on authorization ${tx.tid} was cancelled (released) meanwhile${details ? ` (${details})` : ''}. ${praxis}. ${nothing}; ${refreshed}.`;
  else if (tx.status === 'approved')
    message = `Authorization ${tx.tid} was already captured (elsewhere: another desk or the back office). ${praxis}. ${nothing} now — it was captured once; ${refreshed}.`;
  else {
    const window = holdWindowFor({ cardType: cardTypeOf(tx), paymentMethod: tx.paymentMethod }, settings.holdWindows);
    const lapsed = lapseTime(tx.createdAt, window).getTime() <= Date.now();
    message = `Praxis refused the ${verb} of authorization ${tx.tid}: "${said ?? outcome.message}". ${nothing}.${lapsed ? ` Its hold window (${windowText(window)}) has ended, so the hold has probably lapsed: issuers often decline a lapsed hold with a generic text.` : ''} Praxis shows it as ${tx.status}.`;
  }
  return { ...outcome, newStatus: tx.status, message };
}

/** Sends one journaled action on an open hold and says plainly why Praxis refused it, if it did. */
async function actOnHold(
  deps: ActionDeps,
  s: PraxisSession,
  settings: CaptureSettings,
  tid: number,
  verb: 'capture' | 'void',
  action: (tx: StoredTransaction) => Omit<JournaledAction, 'tid' | 'action' | 'operator' | 'apply' | 'leaseMs'>,
): Promise<ActionOutcome> {
  const { tx, seenJournalId } = await requireOpenHold(deps, s, tid);
  const about = {
    amountMinor: tx.amountMinor,
    currency: tx.currency,
    customer: await customerLabel(deps.store.db, tx),
  };
  const outcome = await runJournaled(deps, s, {
    ...action(tx),
    tid: tx.tid,
    action: `captures:${verb}`,
    operator: s.operator,
    seenJournalId,
    apply: async (answer) => appliedItem(deps.queue.name, tx.tid, await ingestAnswer(deps.store, answer)),
  });
  return { ...(await explainRefusal(deps, settings, outcome, verb)), ...about };
}

/** Captures the whole hold: Praxis takes no amount, so what was authorized is what is captured. */
export const capture = (deps: ActionDeps, s: PraxisSession, settings: CaptureSettings, tid: number) =>
  actOnHold(deps, s, settings, tid, 'capture', (tx) => ({
    movesMoney: true,
    request: { intent: 'capture-authorization', tid: tx.tid, amountMinor: tx.amountMinor, currency: tx.currency },
    audit: { amountMinor: tx.amountMinor, currency: tx.currency },
    send: (client) => client.captureAuthorization(tx.tid),
    // The answer is the hold's own transaction: "approved" is the capture's status, not a hold still only authorized.
    answerIs: () => `the capture of hold ${tx.tid}`,
    // Praxis captures the whole hold; an answer for another amount is worth a look in the back office.
    check: (answer) =>
      answer.transaction.amount === tx.amountMinor && answer.transaction.currency === tx.currency
        ? null
        : `Praxis answered a capture of ${formatMoney(answer.transaction.amount, answer.transaction.currency)} for a hold of ${formatMoney(tx.amountMinor, tx.currency)}`,
  }));

export interface VoidInput {
  tid: number;
  reasonCode: string;
  note?: string;
}

/** Releases the hold (cancel-authorization); the reason and note stay in the audit log (Praxis takes none). */
export async function voidHold(deps: ActionDeps, s: PraxisSession, settings: CaptureSettings, input: VoidInput) {
  const reason = checkVoidReason(settings, input.reasonCode, input.note);
  return actOnHold(deps, s, settings, input.tid, 'void', (tx) => ({
    movesMoney: false,
    request: { intent: 'cancel-authorization', tid: tx.tid, reasonCode: reason.code },
    audit: reasonAudit(tx, reason, input.note),
    send: (client) => client.cancelAuthorization(tx.tid),
  }));
}
