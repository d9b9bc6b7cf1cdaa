import { DeskError, isDeskError } from '../../shared/errors';
import type { ActionOutcome } from '../../shared/payouts';
import type { Logger } from '../log';
import { isPraxisError, type PraxisClient } from '../praxis';
import type { ManageResponse } from '../praxis/schemas';
import type { JournalEntry } from '../store/journal';
import type { WorkStore } from '../store/work-store';
import { resolveUnknown, type PayoutAction, type Resolution } from './reconcile';
import { announcePayout, ingestAnswer, isPendingStatus, storedStatus } from './request-state';

export interface JournaledAction {
  tid: number;
  action: PayoutAction;
  operator: string;
  /** The intent as the journal keeps it (never a secret): enough to look the effect up later. */
  request: Record<string, unknown>;
  send(client: PraxisClient): Promise<ManageResponse>;
  /** Updates the store from the verified answer (after the journal says done). */
  apply(answer: ManageResponse): Promise<void>;
  /** Facts for the audit entry: amount, gateway, reason, second approver… */
  audit: Record<string, unknown>;
  /** Whether a done action moved money to the customer (approve, split) or not (reject). */
  movesMoney: boolean;
}

export interface ActionDeps {
  store: WorkStore;
  log: Logger;
}

const statusOf = (a: ManageResponse) => a.transaction.transaction_status.toLowerCase();

/**
 * "Money moves exactly once" (design.md): claim the item in the journal (the database allows one in-flight
 * action per item), send once, record done/failed from the verified answer; on a timeout, a cut connection or
 * an unverifiable answer the entry becomes `unknown` and is looked up at once — never re-sent.
 */
export async function runJournaled(deps: ActionDeps, client: PraxisClient, a: JournaledAction): Promise<ActionOutcome> {
  const { store, log } = deps;
  const entry = await store.journal.begin({
    itemKind: 'transaction',
    itemId: String(a.tid),
    action: a.action,
    operator: a.operator,
    request: a.request,
  });
  await announcePayout(store, a.tid);
  let outcome: ActionOutcome;
  try {
    // Re-read after the claim: another desk may have decided the request between our check and our claim.
    const current = await storedStatus(store.db, a.tid);
    if (!current || !isPendingStatus(current)) {
      const message = `Request ${a.tid} is ${current ?? 'gone'} now, so it was not sent again.`;
      await store.journal.finish(entry.id, { state: 'failed', errorCode: 'CONFLICT', praxisDescription: message });
      throw new DeskError('CONFLICT', message, { journalId: entry.id });
    }
    outcome = await sendOnce(deps, client, a, entry);
  } finally {
    await announcePayout(store, a.tid).catch((err: unknown) =>
      log.warn('queue change not announced', { tid: a.tid, error: String(err) }),
    );
  }
  await store.audit.append({
    operator: a.operator,
    action: a.action,
    itemKind: 'transaction',
    itemId: String(a.tid),
    details: {
      ...a.audit,
      result: outcome.state,
      moneyMoved: outcome.moneyMoved,
      journalId: entry.id,
      praxisStatus: outcome.praxisStatus ?? null,
      newStatus: outcome.newStatus ?? null,
      errorCode: outcome.errorCode ?? null,
      message: outcome.message,
    },
  });
  return outcome;
}

async function sendOnce(
  deps: ActionDeps,
  client: PraxisClient,
  a: JournaledAction,
  entry: JournalEntry,
): Promise<ActionOutcome> {
  const { store, log } = deps;
  let answer: ManageResponse;
  try {
    answer = await a.send(client);
  } catch (err) {
    const praxis = isPraxisError(err) ? err : null;
    // Anything but a clean, verified refusal may have reached Praxis: treat it as unknown and look it up.
    if (!praxis || praxis.outcomeUnknown) {
      const code = isDeskError(err) ? err.code : 'INTERNAL';
      const unknown = await store.journal.finish(entry.id, {
        state: 'unknown',
        errorCode: code,
        praxisStatus: praxis?.praxisStatus ?? null,
        praxisDescription: praxis?.praxisDescription ?? null,
      });
      log.warn('payout action outcome unknown; reconciling', {
        tid: a.tid,
        action: a.action,
        journalId: entry.id,
        code,
      });
      return reconcileEntry(deps, client, unknown, a.operator);
    }
    await store.journal.finish(entry.id, {
      state: 'failed',
      errorCode: praxis.code,
      praxisStatus: praxis.praxisStatus ?? null,
      praxisDescription: praxis.praxisDescription ?? null,
    });
    if (praxis.code === 'PRAXIS_REJECTED') await refreshRequest(deps, client, a.tid);
    return {
      tid: a.tid,
      state: 'failed',
      moneyMoved: false,
      message: praxis.message,
      journalId: entry.id,
      praxisStatus: praxis.praxisStatus ?? null,
      errorCode: praxis.code,
    };
  }
  await store.journal.finish(entry.id, {
    state: 'done',
    praxisStatus: answer.status,
    praxisDescription: answer.description,
    result: {
      tid: answer.transaction.tid,
      status: statusOf(answer),
      amountMinor: answer.transaction.amount,
      currency: answer.transaction.currency,
    },
  });
  try {
    await a.apply(answer);
  } catch (err) {
    // The money moved and the journal says so; a store hiccup here only delays the queue's view.
    log.error('payout applied at Praxis but the store update failed', { tid: a.tid, error: String(err) });
  }
  return {
    tid: a.tid,
    state: 'done',
    moneyMoved: a.movesMoney,
    journalId: entry.id,
    praxisStatus: answer.status,
    newStatus: (await storedStatus(store.db, a.tid)) ?? statusOf(answer),
    message: `Praxis confirmed (${answer.description}): ${a.movesMoney ? `payout ${answer.transaction.tid} is ${statusOf(answer)}` : `request ${a.tid} is ${statusOf(answer)}`}.`,
  };
}

/** After a refusal such as "already processed", the stored request is stale: read it again so the queue drops it. */
async function refreshRequest(deps: ActionDeps, client: PraxisClient, tid: number): Promise<void> {
  try {
    await ingestAnswer(deps.store, await client.findTransaction(tid));
  } catch (err) {
    deps.log.warn('could not refresh a refused request', { tid, error: String(err) });
  }
}

/** Looks an unresolved entry up and records what was found; `unknown` stays unknown and keeps the item blocked. */
export async function reconcileEntry(
  deps: ActionDeps,
  client: PraxisClient,
  entry: JournalEntry,
  operator: string,
): Promise<ActionOutcome> {
  const r: Resolution = await resolveUnknown(entry, client, deps.store);
  if (r.state !== 'unknown') {
    await deps.store.journal.finish(entry.id, {
      state: r.state,
      praxisStatus: entry.praxisStatus,
      errorCode: entry.errorCode ?? null,
      praxisDescription: r.message,
      result: { reconciled: true, foundStatus: r.foundStatus, by: operator },
    });
  }
  await announcePayout(deps.store, Number(entry.itemId));
  return {
    tid: Number(entry.itemId),
    state: r.state,
    moneyMoved: r.moneyMoved,
    message: r.message,
    journalId: entry.id,
    newStatus: (await storedStatus(deps.store.db, Number(entry.itemId))) ?? r.foundStatus,
    errorCode: r.state === 'unknown' ? 'OUTCOME_UNKNOWN' : (entry.errorCode ?? null),
  };
}
