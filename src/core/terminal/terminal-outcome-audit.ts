/**
 * The audit's record of how a terminal session ended. `terminal:open` says a page was opened; whether the customer
 * paid is learned later (a notification or find-order), and written here by the desk, once per outcome: the row's
 * `audited_outcome` is claimed in the same transaction as the audit row, so a repeated notification, a later poll
 * or a second desk on a team store writes nothing more.
 */
import type { TerminalState } from '../../shared/terminal';
import { appendAuditInTransaction } from '../audit/audit-log';
import { DESK_ACTOR } from '../access/actor';
import type { WorkStore } from '../store/work-store';
import { lockedTerminalRow, toSession } from './terminal-rows';

export const TERMINAL_OUTCOME_ACTION = 'terminal:outcome';

/**
 * The outcomes Praxis decides, and whether each took the customer's money. A `failed` open is in `terminal:open`'s
 * own entry; a declined attempt is audited too, and then the approval if the customer pays on a later attempt.
 */
const MONEY_MOVED: Partial<Record<TerminalState, boolean>> = {
  approved: true,
  authorized: false,
  requested: false,
  declined: false,
  expired: false,
};

/** Audits the session's outcome if it has one not yet audited. Returns whether it wrote a row. */
export async function auditTerminalOutcome(store: WorkStore, orderId: string): Promise<boolean> {
  return store.db.transaction(async (tx) => {
    // Locked as it is read, so two desks that see the same end one after the other read what the first one claimed.
    const row = await lockedTerminalRow(tx, orderId);
    if (!row) return false;
    const session = toSession(row);
    const moneyMoved = MONEY_MOVED[session.state];
    if (moneyMoved === undefined || row.audited_outcome === session.state) return false;
    await tx.query('UPDATE terminal_sessions SET audited_outcome = $2 WHERE order_id = $1', [orderId, session.state]);
    await appendAuditInTransaction(tx, {
      operator: DESK_ACTOR.name,
      action: TERMINAL_OUTCOME_ACTION,
      itemKind: 'session',
      itemId: orderId,
      details: {
        result: session.state,
        moneyMoved,
        agent: session.agent,
        intent: session.intent,
        cid: session.cid,
        tid: session.tid,
        amountMinor: session.transactionAmountMinor ?? session.amountMinor,
        currency: session.currency,
        learnedBy: session.learnedBy,
        message: session.statusDetails,
      },
    });
    return true;
  });
}

/** At start: sessions that ended while no desk was watching (opened in the last `withinMs`) are audited now. */
export async function auditRecentOutcomes(store: WorkStore, withinMs: number): Promise<void> {
  const recent = await store.db.query<{ order_id: string }>(
    `SELECT order_id FROM terminal_sessions
     WHERE created_at > now() - $1 * interval '1 millisecond' AND open_state <> 'failed' ORDER BY created_at`,
    [withinMs],
  );
  for (const { order_id } of recent.rows) await auditTerminalOutcome(store, order_id);
}
