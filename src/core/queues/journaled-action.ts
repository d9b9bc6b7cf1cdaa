import type { ActionOutcome } from '../../shared/actions';
import { DeskError, isDeskError } from '../../shared/errors';
import type { Logger } from '../log';
import { isPraxisError, type PraxisClient } from '../praxis';
import type { ManageResponse } from '../praxis/schemas';
import { changeNotice } from '../store/changes';
import { announceItemStatus } from './item-state';
import type { BegunEntry, JournalEntry, JournalState } from '../store/journal';
import type { WorkStore } from '../store/work-store';
import { capital, verbOf, type QueueKind, type ResolveOptions } from './queue-kind';
import { sendLeaseMs, type PraxisSession } from './praxis-session';

export interface JournaledAction {
  tid: number;
  /** `<queue prefix><verb>`, e.g. `payouts:approve`. */
  action: string;
  operator: string;
  /** The intent as the journal keeps it (never a secret): enough to look the effect up later. */
  request: Record<string, unknown>;
  send(client: PraxisClient): Promise<ManageResponse>;
  /**
   * Checked again once the journal entry is begun, when no other action on the item can begin until this one ends
   * (an earlier check may be stale: a double-click's first copy can finish in between). Why nothing is sent, or null.
   */
  recheck?(entry: JournalEntry): Promise<string | null>;
  /**
   * The item's newest journal entry when this action's checks read it (journalForChecks; 0: none). An entry sent since then —
   * a double-click's first copy that finished in between — means those checks are stale: nothing is sent.
   */
  seenJournalId?: number;
  /**
   * What the answer's transaction is, in the operator's words ("payout 1000161", "the capture of hold 1000133"):
   * Praxis may answer another tid than the item's. Default: the item, or "transaction <tid>".
   */
  answerIs?(answer: ManageResponse): string;
  /** Checks the verified answer against the intent; a text saying what differs, or null. */
  check?(answer: ManageResponse): string | null;
  /** Updates the store from the verified answer (after the journal says done). */
  apply(answer: ManageResponse): Promise<AppliedItem | void>;
  /** Facts for the audit entry: amount, gateway, reason, second approver… */
  audit: Record<string, unknown>;
  /** Whether a done action moved money (pay out, capture) or not (reject, void). */
  movesMoney: boolean;
  /** The entry's lease (sendLeaseMs of the session; runJournaled sets it): a send that waited past it is not made. */
  leaseMs: number;
}

/** What `apply` may answer when its own commit already told every window about the item: its stored status now. */
export interface AppliedItem {
  itemStatus: string;
}

export interface ActionDeps {
  store: WorkStore;
  log: Logger;
  queue: QueueKind;
  resolve?: ResolveOptions;
  /** Every send to Praxis of this desk goes through this one limit (see bounded.ts). */
  sendSlot?<T>(fn: () => Promise<T>): Promise<T>;
}

const statusOf = (a: ManageResponse) => a.transaction.transaction_status.toLowerCase();
const errorCodeOf = (err: unknown) => (isDeskError(err) ? err.code : 'INTERNAL');

/** The change of one item of this queue, carried by the journal statement that made it (one round trip). */
const itemNotice = (deps: ActionDeps, tid: number) => changeNotice(deps.queue.name, String(tid));

/** Tells every window the item changed and answers its stored status, in one statement; a failure is only logged. */
async function announcedStatus(deps: ActionDeps, tid: number): Promise<string | null> {
  try {
    return await announceItemStatus(deps.store.db, deps.queue.name, tid);
  } catch (err) {
    deps.log.warn('queue change not announced', { tid, error: String(err) });
    return null;
  }
}

/** How far a send got, so a failure anywhere finishes the journal entry with the right state. */
type Phase = 'claimed' | 'sending' | 'answered';

/**
 * "Money moves exactly once" (design.md): claim the item in the journal (the database allows one in-flight
 * action per item), send once, record done/failed from the verified answer; on a timeout, a cut connection or
 * an unverifiable answer the entry becomes `unknown` and is looked up at once — never re-sent. Whatever throws
 * after the claim, the entry is finished (failed when nothing was sent, unknown once the send began).
 */
export async function runJournaled(
  deps: ActionDeps,
  s: Pick<PraxisSession, 'client' | 'timeoutMs'>,
  action: Omit<JournaledAction, 'leaseMs'>,
): Promise<ActionOutcome> {
  const a: JournaledAction = { ...action, leaseMs: sendLeaseMs(s) };
  return withItemClaim(deps, a.tid, (sessionClaim) => runClaimed(deps, s.client, a, sessionClaim));
}

/**
 * Runs `fn` holding the item's claim (shared with the journaled actions inside it), so an action of several sends —
 * a split's parts — leaves no gap between them for another desk. Refused with CONFLICT when another desk holds it.
 */
export async function withItemClaim<T>(
  deps: ActionDeps,
  tid: number,
  fn: (sessionClaim: boolean) => Promise<T>,
): Promise<T> {
  const claim = await claimItem(deps, tid);
  try {
    return await fn(claim.bySession);
  } finally {
    await claim.release();
  }
}

/** Takes the item's claim before its journal entry, so other desks see "In progress by <name>" until it ends. */
async function claimItem(deps: ActionDeps, tid: number) {
  const { claims, journal } = deps.store;
  const release = await claims.take('transaction', String(tid));
  if (release) return { release, bySession: claims.bySession };
  const open = await journal.inFlight('transaction', String(tid)).catch(() => null);
  throw new DeskError(
    'CONFLICT',
    `In progress by ${open?.operator ?? 'another desk'}: ${deps.queue.noun} ${tid} is being acted on at another desk${open ? ` (${verbOf(open.action)})` : ''}. Nothing was sent; wait for it to finish.`,
    open ? { journalId: open.id } : undefined,
  );
}

async function runClaimed(
  deps: ActionDeps,
  client: PraxisClient,
  a: JournaledAction,
  sessionClaim: boolean,
): Promise<ActionOutcome> {
  const { store, log, queue } = deps;
  // The claim commits and tells every window in one statement, before anything is sent (crash safety).
  const entry = await store.journal
    .begin(
      {
        itemKind: 'transaction',
        itemId: String(a.tid),
        action: a.action,
        operator: a.operator,
        request: a.request,
        sessionClaim,
      },
      itemNotice(deps, a.tid),
      a.seenJournalId,
    )
    .catch((err: unknown) => {
      if (isDeskError(err)) throw err;
      throw new DeskError(
        'STORE',
        `Nothing was sent to Praxis: the journal did not record the ${verbOf(a.action)} of ${queue.noun} ${a.tid} (${err instanceof Error ? err.message : String(err)}).`,
      );
    });
  const phase = { at: 'claimed' as Phase };
  let outcome: ActionOutcome;
  let refusal: string | null = null;
  try {
    refusal = await refusalOnceBegun(deps, a, entry);
    outcome = refusal ? await refusedOutcome(deps, a, entry, refusal) : await sendOnce(deps, client, a, entry, phase);
  } catch (err) {
    outcome = await finishAfterFailure(deps, a, entry, phase.at, err);
  }
  try {
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
  } catch (err) {
    // The journal already holds the outcome; the operator must still see it, and that the audit entry is missing.
    log.error('journaled action audit entry not written', { tid: a.tid, journalId: entry.id, error: String(err) });
    outcome = { ...outcome, message: `${outcome.message} (The audit entry could not be written: ${String(err)}.)` };
  }
  // Refused before anything was sent: the command is refused, as the same check before the claim would have been.
  if (refusal) throw new DeskError('CONFLICT', refusal, { journalId: entry.id });
  return outcome;
}

/**
 * Why the item must not be sent now that its entry is begun, or null: the claim's own status read, `recheck`, then an
 * entry sent since the action's checks (seenJournalId), read right after the entry was begun.
 */
async function refusalOnceBegun(deps: ActionDeps, a: JournaledAction, entry: BegunEntry): Promise<string | null> {
  // The status as the claim's own statement read it: another desk may have decided the item since our check.
  const current = entry.itemStatus;
  if (!current || !deps.queue.isOpen(current))
    return `${capital(deps.queue.noun)} ${a.tid} is ${current ?? 'gone'} now, so it was not sent again.`;
  const refusal = (await a.recheck?.(entry)) ?? null;
  // Read with the entry's own begin (journal.begin given seenJournalId).
  const since = entry.sentSince;
  if (refusal || !since) return refusal;
  return `${capital(deps.queue.noun)} ${a.tid} changed while this ${verbOf(a.action)} waited: ${since.operator}'s ${verbOf(since.action)} went to Praxis meanwhile (${since.state}). Nothing was sent; look at it again before acting on it.`;
}

/** Finishes a refused entry as failed (nothing was sent) and says so. */
async function refusedOutcome(
  deps: ActionDeps,
  a: JournaledAction,
  entry: JournalEntry,
  refusal: string,
): Promise<ActionOutcome> {
  await deps.store.journal.finish(
    entry.id,
    { state: 'failed', errorCode: 'CONFLICT', praxisDescription: refusal },
    itemNotice(deps, a.tid),
  );
  return {
    tid: a.tid,
    state: 'failed',
    moneyMoved: false,
    journalId: entry.id,
    errorCode: 'CONFLICT',
    message: refusal,
  };
}

/**
 * Something threw after the claim: finish the entry now (unless that already happened) — failed if nothing was sent,
 * unknown once the send began — so it never stays `sending`. If even that write fails, the entry's lease runs out and
 * the next reconcile takes it.
 */
async function finishAfterFailure(
  deps: ActionDeps,
  a: JournaledAction,
  entry: JournalEntry,
  phase: Phase,
  err: unknown,
): Promise<ActionOutcome> {
  const current = await deps.store.journal.byId(entry.id).catch(() => null);
  const wasSent = phase !== 'claimed';
  let state: JournalState = current?.state ?? 'sending';
  // Unknown to a reconcile that took it over while it waited for a send slot; this sender knows nothing went.
  if (state === 'sending' || (state === 'unknown' && !wasSent)) {
    const next = wasSent ? 'unknown' : 'failed';
    try {
      state = (
        await deps.store.journal.finish(
          entry.id,
          {
            state: next,
            errorCode: errorCodeOf(err),
            praxisDescription: `${wasSent ? 'Failed after the send began' : 'Nothing was sent'}: ${String(err)}`.slice(
              0,
              500,
            ),
          },
          itemNotice(deps, a.tid),
        )
      ).state;
    } catch (finishErr) {
      deps.log.error('journal entry left sending; its lease will hand it to the reconciler', {
        tid: a.tid,
        journalId: entry.id,
        error: String(finishErr),
      });
    }
  }
  deps.log.warn('journaled action failed after its journal claim', { tid: a.tid, journalId: entry.id, phase, state });
  const message = err instanceof Error ? err.message : String(err);
  if (state === 'unknown' || (state === 'sending' && wasSent))
    return {
      tid: a.tid,
      state: 'unknown',
      moneyMoved: 'unknown',
      journalId: entry.id,
      errorCode: 'OUTCOME_UNKNOWN',
      message: `${message} The call may have reached Praxis: outcome unknown — reconcile later.`,
    };
  return {
    tid: a.tid,
    state: 'failed',
    moneyMoved: false,
    journalId: entry.id,
    errorCode: errorCodeOf(err),
    message: wasSent ? message : `${message} Nothing was sent to Praxis.`,
  };
}

async function sendOnce(
  deps: ActionDeps,
  client: PraxisClient,
  a: JournaledAction,
  entry: JournalEntry,
  phase: { at: Phase },
): Promise<ActionOutcome> {
  const { log, queue } = deps;
  let answer: ManageResponse;
  try {
    const send = async () => {
      // Waited for a slot with its entry begun: "Reconcile now" may have settled it meanwhile. Only a standing entry goes.
      if (deps.sendSlot && !(await deps.store.journal.startSend(entry.id, a.leaseMs)))
        throw new DeskError(
          'CONFLICT',
          `Nothing was sent: ${deps.queue.noun} ${a.tid} waited for a free send slot longer than its send may take (${Math.round(a.leaseMs / 1000)} s), so the desk could have reconciled it meanwhile. It is safe to ${verbOf(a.action)} it again.`,
        );
      phase.at = 'sending';
      return a.send(client);
    };
    answer = await (deps.sendSlot ? deps.sendSlot(send) : send());
    phase.at = 'answered';
  } catch (err) {
    const praxis = isPraxisError(err) ? err : null;
    if (phase.at === 'claimed') throw err;
    // Anything but a clean, verified refusal may have reached Praxis: treat it as unknown and look it up.
    if (!praxis || praxis.outcomeUnknown) {
      const code = errorCodeOf(err);
      const finished = await finishOrKeepLate(deps, entry, {
        state: 'unknown',
        errorCode: code,
        praxisStatus: praxis?.praxisStatus ?? null,
        praxisDescription: praxis?.praxisDescription ?? null,
      });
      if (!finished) return lateOutcome(deps, a, entry, `no answer (${code})`, 'unknown');
      log.warn('journaled action outcome unknown; reconciling', {
        tid: a.tid,
        action: a.action,
        journalId: entry.id,
        code,
      });
      return reconcileEntry(deps, client, finished, a.operator);
    }
    const finished = await finishOrKeepLate(deps, entry, {
      state: 'failed',
      errorCode: praxis.code,
      praxisStatus: praxis.praxisStatus ?? null,
      praxisDescription: praxis.praxisDescription ?? null,
    });
    if (praxis.code === 'PRAXIS_REJECTED') await refreshItem(deps, client, a.tid);
    if (!finished) return lateOutcome(deps, a, entry, `refused: ${praxis.message}`, 'failed');
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
  const mismatch = a.check?.(answer) ?? null;
  const result = {
    tid: answer.transaction.tid,
    status: statusOf(answer),
    amountMinor: answer.transaction.amount,
    currency: answer.transaction.currency,
    ...(mismatch ? { mismatch } : {}),
  };
  const finished = await finishOrKeepLate(deps, entry, {
    state: 'done',
    praxisStatus: answer.status,
    praxisDescription: answer.description,
    result,
  });
  let applied: AppliedItem | void = undefined;
  try {
    applied = await a.apply(answer);
  } catch (err) {
    // The money moved and the journal says so; a store hiccup here only delays the queue's view.
    log.error('action applied at Praxis but the store update failed', { tid: a.tid, error: String(err) });
  }
  const what =
    a.answerIs?.(answer) ??
    (answer.transaction.tid === a.tid ? `${queue.noun} ${a.tid}` : `transaction ${answer.transaction.tid}`);
  const said = `Praxis confirmed: ${what} is ${statusOf(answer)}.`;
  // Every window reads the item again once the answer is applied (by apply's commit, or by one statement here).
  const stored = applied ? applied.itemStatus : await announcedStatus(deps, a.tid);
  if (!finished) return lateOutcome(deps, a, entry, said, 'done');
  return {
    tid: a.tid,
    state: 'done',
    moneyMoved: a.movesMoney,
    journalId: entry.id,
    praxisStatus: answer.status,
    newStatus: stored ?? statusOf(answer),
    ...(mismatch ? { errorCode: 'CONFLICT' } : {}),
    message: mismatch ? `${said} But ${mismatch}. Check it in the Praxis back office before acting again.` : said,
  };
}

/**
 * Finishes the entry, or — when a reconcile finished it meanwhile — keeps this late answer next to the final
 * state (never dropped) and returns null.
 */
async function finishOrKeepLate(
  deps: ActionDeps,
  entry: JournalEntry,
  outcome: Parameters<WorkStore['journal']['finish']>[1],
): Promise<JournalEntry | null> {
  try {
    return await deps.store.journal.finish(entry.id, outcome, itemNotice(deps, Number(entry.itemId)));
  } catch (err) {
    const now = await deps.store.journal.byId(entry.id);
    if (!now || now.state === 'sending' || now.state === 'unknown') throw err;
    await deps.store.journal.recordLate(entry.id, {
      state: outcome.state,
      praxisStatus: outcome.praxisStatus ?? null,
      praxisDescription: outcome.praxisDescription ?? null,
      result: outcome.result ?? null,
      errorCode: outcome.errorCode ?? null,
      at: new Date().toISOString(),
    });
    await deps.queue.announce(deps.store, Number(entry.itemId));
    deps.log.warn('a late answer met a journal entry already reconciled; kept next to it', {
      journalId: entry.id,
      reconciled: now.state,
      late: outcome.state,
    });
    return null;
  }
}

/** What the operator sees when the answer came after a reconcile had already decided the entry. */
async function lateOutcome(
  deps: ActionDeps,
  a: JournaledAction,
  entry: JournalEntry,
  said: string,
  late: 'done' | 'failed' | 'unknown',
): Promise<ActionOutcome> {
  const now = await deps.store.journal.byId(entry.id);
  const decided = now?.state === 'done' || now?.state === 'failed' ? now.state : 'unknown';
  const disagree = decided !== late;
  return {
    tid: a.tid,
    state: late === 'done' ? 'done' : disagree ? 'unknown' : decided,
    moneyMoved: late === 'done' ? a.movesMoney : disagree ? 'unknown' : false,
    journalId: entry.id,
    errorCode: disagree ? 'OUTCOME_UNKNOWN' : null,
    newStatus: await deps.queue.storedStatus(deps.store, a.tid),
    message: `Praxis's answer came after this ${verbOf(a.action)} had already been reconciled as ${decided}: ${said}${disagree ? ' The two disagree: check it in the Praxis back office before acting again.' : ''}`,
  };
}

/** After a refusal such as "already processed", the stored item is stale: read it again so the queue drops it. */
async function refreshItem(deps: ActionDeps, client: PraxisClient, tid: number): Promise<void> {
  try {
    await deps.queue.refresh(deps.store, client, tid);
  } catch (err) {
    deps.log.warn('could not refresh a refused item', { tid, error: String(err) });
  }
}

/** Looks an unresolved entry up and records what was found; `unknown` stays unknown and keeps the item blocked. */
export async function reconcileEntry(
  deps: ActionDeps,
  client: PraxisClient,
  entry: JournalEntry,
  operator: string,
): Promise<ActionOutcome> {
  const r = await deps.queue.resolve(entry, client, deps.store, deps.resolve);
  let state = r.state;
  let message = r.message;
  const sending = entry.state === 'sending';
  if (r.state !== 'unknown' || sending) {
    try {
      await deps.store.journal.finish(entry.id, {
        // A lease-expired `sending` entry the lookup could not settle becomes `unknown`: it is ours to reconcile now.
        state: r.state,
        praxisStatus: entry.praxisStatus,
        errorCode: entry.errorCode ?? (sending ? 'LEASE_EXPIRED' : null),
        praxisDescription: r.message,
        result: { reconciled: true, foundStatus: r.foundStatus, by: operator },
      });
    } catch (err) {
      // Another desk (or the late answer) finished it first: report what the journal now says.
      const now = await deps.store.journal.byId(entry.id);
      if (!now || now.state === 'sending' || now.state === 'unknown') throw err;
      state = now.state;
      message = `Already settled as ${now.state} meanwhile: ${now.praxisDescription ?? ''}`.trim();
    }
  }
  const stored = await announceItemStatus(deps.store.db, deps.queue.name, Number(entry.itemId));
  return {
    tid: Number(entry.itemId),
    state,
    moneyMoved: state === r.state ? r.moneyMoved : state === 'done' ? 'unknown' : false,
    message,
    journalId: entry.id,
    newStatus: stored ?? r.foundStatus,
    errorCode: state === 'unknown' ? 'OUTCOME_UNKNOWN' : (entry.errorCode ?? null),
  };
}
