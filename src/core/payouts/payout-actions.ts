import { DeskError } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import { statusText } from '../../shared/praxis-words';
import type { ActionOutcome, PayoutSettings } from '../../shared/payouts';
import { confirmSecondApprover, type SecondApprover } from './four-eyes';
import { runJournaled, withItemClaim, type ActionDeps } from '../queues/journaled-action';
import { refuseOpenAction } from '../queues/actionable';
import { readRequestForAction, type RequestRow } from './request-for-action';
import { refuseOwnTerminalRequest } from './own-terminal-request';
import { pickReason, reasonAudit } from '../queues/reasons';
import { failedOutcome } from '../queues/reconcile';
import type { PraxisSession } from '../queues/praxis-session';
import type { ManageResponse } from '../praxis/schemas';
import { appliedItem } from '../queues/item-state';
import {
  allPartsPaid,
  childPayouts,
  customerLabel,
  ingestAnswer,
  isIn,
  isPendingStatus,
  markRequestStatus,
  PAID_PAYOUT_STATUSES,
  remainderOf,
  remainingMinor,
  REQUEST_STATUS_WHEN_PAID,
  type Remainder,
} from './request-state';
import { fourEyesReason, needsSecondApproval } from './risk';

/**
 * A request that may be acted on now: known, still waiting for a decision, and with no unresolved action; with what
 * is left to pay on it (one read: readRequestForAction).
 */
export async function requireActionable(
  deps: ActionDeps,
  s: PraxisSession,
  tid: number,
): Promise<{ tx: RequestRow; remainder: Remainder; seenJournalId: number; terminalAgent: string | null }> {
  const read = await readRequestForAction(deps.store.db, tid);
  const tx = read?.tx;
  if (!read || !tx || tx.transactionType !== 'payout' || tx.withdrawalRequestId !== null) {
    throw new DeskError('NOT_FOUND', `Withdrawal request ${tid} is not in the work store. Look it up by id first.`);
  }
  await refuseOpenAction(deps, s, tid, read.open);
  if (!isPendingStatus(tx.status)) {
    throw new DeskError(
      'CONFLICT',
      `Request ${tid} is already ${statusText(tx.status)}; there is nothing left to decide, so nothing was sent.`,
    );
  }
  return { tx, remainder: read.remainder, seenJournalId: read.seenJournalId, terminalAgent: read.terminalAgent };
}

/** What is left to pay, refused when Praxis reported a part in another currency or nothing is left. */
function payableRemainder(tx: RequestRow, r: Remainder): number {
  if (r.otherCurrencies.length > 0) {
    const other = r.otherCurrencies.map((o) => formatMoney(o.amountMinor, o.currency)).join(', ');
    throw new DeskError(
      'CONFLICT',
      `Praxis reports part of request ${tx.tid} paid in another currency (${other}), so what is left of ${formatMoney(tx.amountMinor, tx.currency)} cannot be worked out. Check it in the Praxis back office; nothing was sent.`,
    );
  }
  if (r.remainingMinor === 0)
    throw new DeskError(
      'CONFLICT',
      `Nothing is left to pay on request ${tx.tid}: its payouts (some maybe still processing) cover it. Reconcile it to see Praxis's status; nothing was sent.`,
    );
  return r.remainingMinor;
}

/** What differs between a verified answer and the payout the desk asked for, or null. */
const answerMismatch = (answer: ManageResponse, want: { amountMinor: number; currency: string }): string | null => {
  const t = answer.transaction;
  if (t.currency === want.currency && t.amount === want.amountMinor) return null;
  return `Praxis answered a payout of ${formatMoney(t.amount, t.currency)} where ${formatMoney(want.amountMinor, want.currency)} was asked`;
};

const answeredAt = (answer: ManageResponse) => new Date((answer.timestamp ?? Date.now() / 1000) * 1000);

/** The second approver's name when the request needs four eyes (checked before anything is sent), else null. */
async function fourEyes(
  deps: ActionDeps,
  s: PraxisSession,
  tx: RequestRow,
  settings: PayoutSettings,
  second: SecondApprover | undefined,
  verified?: string | null,
): Promise<string | null> {
  if (!needsSecondApproval(tx.amountMinor, tx.currency, settings)) return null;
  if (verified) return verified;
  return confirmSecondApprover(deps.store, s.operator, second, {
    tid: tx.tid,
    amountMinor: tx.amountMinor,
    currency: tx.currency,
    why: fourEyesReason(tx.currency, settings),
  });
}

export interface ApproveInput {
  tid: number;
  gateway: string;
  secondApprover?: SecondApprover;
  /** Bulk: a second approver whose PIN was already checked once for the whole selection. */
  verifiedSecondApprover?: string | null;
}

export async function approve(
  deps: ActionDeps,
  s: PraxisSession,
  settings: PayoutSettings,
  input: ApproveInput,
): Promise<ActionOutcome> {
  const { tx, remainder, seenJournalId, terminalAgent } = await requireActionable(deps, s, input.tid);
  await refuseOwnTerminalRequest(deps.store, tx, terminalAgent, s.operator, 'payouts:approve');
  const second = await fourEyes(deps, s, tx, settings, input.secondApprover, input.verifiedSecondApprover);
  // A PIN checked just now took its time: what is left is read again after it, as close to the claim as before.
  const pinChecked = second !== null && !input.verifiedSecondApprover;
  const payMinor = payableRemainder(tx, pinChecked ? await remainderOf(deps.store.db, tx) : remainder);
  const about = { amountMinor: payMinor, currency: tx.currency, customer: await customerLabel(deps.store.db, tx) };
  const outcome = await runJournaled(deps, s, {
    tid: tx.tid,
    action: 'payouts:approve',
    operator: s.operator,
    movesMoney: true,
    seenJournalId,
    request: {
      intent: 'complete-withdrawal-request',
      withdrawal_request_id: tx.tid,
      gateway: input.gateway,
      amountMinor: payMinor,
      currency: tx.currency,
      // The database checks four-eyes on this record too (team store): who confirmed, or null below the threshold.
      secondApprover: second,
    },
    audit: { amountMinor: payMinor, currency: tx.currency, gateway: input.gateway, secondApprover: second },
    send: (client) => client.completeWithdrawalRequest(tx.tid, input.gateway),
    answerIs: payoutOf(tx.tid),
    // Mode 2 answers the new payout: it must pay what was left. (Mode 1 answers the request itself, at its full amount.)
    check: (answer) =>
      answer.transaction.tid === tx.tid
        ? null
        : answerMismatch(answer, { amountMinor: payMinor, currency: tx.currency }),
    apply: async (answer) => {
      const stored = await ingestAnswer(deps.store, answer);
      // Mode 2: the answer is the new payout; the request is handled only once that payout is final (§6.6).
      // Storing that payout usually marks its request already (its payouts cover it): nothing left to write then.
      const child = answer.transaction;
      const paid = child.tid !== tx.tid && isIn(PAID_PAYOUT_STATUSES, child.transaction_status.toLowerCase());
      // Marked paid (`split`) by the same commit, which told the payout queue about the request too.
      if (stored.requestMarkedPaid) return { itemStatus: REQUEST_STATUS_WHEN_PAID };
      if (paid) return markRequestStatus(deps.store, tx.tid, REQUEST_STATUS_WHEN_PAID, answeredAt(answer));
      return appliedItem('payouts', tx.tid, stored);
    },
  });
  return { ...outcome, ...about };
}

/** Mode 2 answers the payout Praxis made for the request, under a tid of its own; mode 1, the request itself. */
const payoutOf = (requestTid: number) => (answer: ManageResponse) =>
  answer.transaction.tid === requestTid ? `request ${requestTid}` : `payout ${answer.transaction.tid}`;

export interface RejectInput {
  tid: number;
  reasonCode: string;
  note?: string;
}

export const checkReason = (settings: PayoutSettings, reasonCode: string, note: string | undefined) =>
  pickReason(settings.rejectReasons, reasonCode, 'reject', note);

export async function reject(
  deps: ActionDeps,
  s: PraxisSession,
  settings: PayoutSettings,
  input: RejectInput,
): Promise<ActionOutcome> {
  const reason = checkReason(settings, input.reasonCode, input.note);
  const { tx, remainder, seenJournalId } = await requireActionable(deps, s, input.tid);
  const about = {
    amountMinor: remainder.remainingMinor,
    currency: tx.currency,
    customer: await customerLabel(deps.store.db, tx),
  };
  const outcome = await runJournaled(deps, s, {
    tid: tx.tid,
    action: 'payouts:reject',
    operator: s.operator,
    movesMoney: false,
    seenJournalId,
    request: { intent: 'cancel-withdrawal-request', withdrawal_request_id: tx.tid, reasonCode: reason.code },
    // Praxis takes no reason: it lives in the audit log only.
    audit: reasonAudit(tx, reason, input.note),
    send: (client) => client.cancelWithdrawalRequest(tx.tid),
    apply: async (answer) => appliedItem('payouts', tx.tid, await ingestAnswer(deps.store, answer)),
  });
  return { ...outcome, ...about };
}

/**
 * Why a split's part must not be sent now that its journal entry is begun, or null: what is left of the request (its
 * own entry aside) is not what the operator split, less the parts of this split already paid. Another split sent
 * meanwhile — a double-click's first copy — changed it, even when the parts would still fit.
 */
function splitChangedMeanwhile(tx: RequestRow, r: Remainder, expectedMinor: number, part: number): string | null {
  if (r.otherCurrencies.length === 0 && r.remainingMinor === expectedMinor) return null;
  const fmt = (m: number) => formatMoney(m, tx.currency);
  const now =
    r.otherCurrencies.length > 0
      ? 'part of it is reported paid in another currency'
      : `${r.remainingMinor < expectedMinor ? 'only ' : ''}${fmt(r.remainingMinor)} remains now, not ${fmt(expectedMinor)}`;
  return part === 0
    ? `Request ${tx.tid} changed while this split waited: ${now}. Nothing was sent; check the request and split what is left.`
    : `Request ${tx.tid} changed between the parts of this split: ${now}. Part ${part + 1} and those after it were not sent; check the request and split what is left.`;
}

export interface SplitInput {
  tid: number;
  parts: { amountMinor: number; gateway: string }[];
  secondApprover?: SecondApprover;
}

/** Deterministic part order_ids: a retry after a part was found not applied reuses the same id, so Praxis can refuse a duplicate. */
async function nextSplitOrderId(deps: ActionDeps, tid: number): Promise<string> {
  const journal = await deps.store.journal.forItem('transaction', String(tid));
  const used = new Set<string>([
    ...journal.filter((j) => j.action === 'payouts:split' && j.state === 'done').map((j) => String(j.request.order_id)),
    ...(await childPayouts(deps.store.db, tid)).map((c) => c.order_id ?? ''),
  ]);
  for (let k = 1; ; k++) if (!used.has(`wr${tid}-split-${k}`)) return `wr${tid}-split-${k}`;
}

export async function split(
  deps: ActionDeps,
  s: PraxisSession,
  settings: PayoutSettings,
  input: SplitInput,
): Promise<ActionOutcome[]> {
  const { tx, remainder, seenJournalId, terminalAgent } = await requireActionable(deps, s, input.tid);
  await refuseOwnTerminalRequest(deps.store, tx, terminalAgent, s.operator, 'payouts:split');
  const remaining = payableRemainder(tx, remainder);
  const total = input.parts.reduce((sum, p) => sum + p.amountMinor, 0);
  const fmt = (m: number) => formatMoney(m, tx.currency);
  if (total > remaining) {
    throw new DeskError(
      'VALIDATION',
      `The parts add up to ${fmt(total)} but only ${fmt(remaining)} remains of request ${tx.tid}. Reduce the parts by ${fmt(total - remaining)}.`,
      {
        remainingMinor: remaining,
        totalMinor: total,
        currency: tx.currency,
      },
    );
  }
  const second = await fourEyes(deps, s, tx, settings, input.secondApprover);
  const customer = await customerLabel(deps.store.db, tx);
  // One claim for all the parts: no other desk acts on the request between two of them.
  return withItemClaim(deps, tx.tid, async () => {
    const outcomes: ActionOutcome[] = [];
    for (const [i, part] of input.parts.entries()) {
      const orderId = await nextSplitOrderId(deps, tx.tid);
      const expected = remaining - input.parts.slice(0, i).reduce((sum, p) => sum + p.amountMinor, 0);
      const run = runJournaled(deps, s, {
        tid: tx.tid,
        action: 'payouts:split',
        operator: s.operator,
        movesMoney: true,
        // After the first part, the part before it is the newest entry this split has seen.
        seenJournalId: outcomes.at(-1)?.journalId ?? seenJournalId,
        request: {
          intent: 'split-withdrawal-request',
          withdrawal_request_id: tx.tid,
          order_id: orderId,
          amount: part.amountMinor,
          currency: tx.currency,
          gateway: part.gateway,
          part: i + 1,
          secondApprover: second,
        },
        audit: {
          amountMinor: part.amountMinor,
          currency: tx.currency,
          gateway: part.gateway,
          orderId,
          part: i + 1,
          parts: input.parts.length,
          secondApprover: second,
        },
        // A copy of this split sent twice (a double-click) may have been paid since the check above.
        recheck: async (entry) =>
          splitChangedMeanwhile(tx, await remainderOf(deps.store.db, tx, entry.id), expected, i),
        send: (client) =>
          client.splitWithdrawalRequest({
            withdrawalRequestId: tx.tid,
            amountMinor: part.amountMinor,
            currency: tx.currency,
            orderId,
            gateway: part.gateway,
          }),
        answerIs: payoutOf(tx.tid),
        check: (answer) => answerMismatch(answer, { amountMinor: part.amountMinor, currency: tx.currency }),
        apply: async (answer) => {
          await ingestAnswer(deps.store, answer);
          // Handled only when nothing is left AND every part is final: a pending part may still end in error.
          if ((await remainingMinor(deps.store.db, tx)) === 0 && (await allPartsPaid(deps.store.db, tx.tid)))
            await markRequestStatus(deps.store, tx.tid, REQUEST_STATUS_WHEN_PAID, answeredAt(answer));
        },
      });
      // A later part refused before its send still answers with the parts that went through.
      const outcome = i === 0 ? await run : await run.catch((err: unknown) => failedOutcome(tx.tid, err));
      outcomes.push({ ...outcome, amountMinor: part.amountMinor, currency: tx.currency, customer });
      if (outcome.state !== 'done' || outcome.errorCode) {
        // Later parts are not sent: the operator sees what went through and decides with the remainder in front of them.
        for (let j = i + 1; j < input.parts.length; j++) {
          outcomes.push({
            tid: tx.tid,
            state: 'failed',
            moneyMoved: false,
            journalId: null,
            errorCode: 'CONFLICT',
            message: `Part ${j + 1} was not sent because part ${i + 1} did not go through as asked.`,
            amountMinor: input.parts[j]!.amountMinor,
            currency: tx.currency,
            customer,
          });
        }
        break;
      }
    }
    return outcomes;
  });
}
