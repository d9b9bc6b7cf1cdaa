/** The parts of a detail pane every queue shows alike: the customer's history, the item's age, journal and audit. */
import type { AuditEntryView, CustomerHistory, JournalEntryView } from '../../shared/queue-views';
import { listAuditForItem } from '../audit/audit-log';
import type { WorkStore } from '../store/work-store';

const HISTORY_LIMIT = 1_000;

export interface HistoryRow {
  tid: number;
  transaction_type: string;
  status: string;
  amount_minor: number;
  currency: string;
  payment_method: string | null;
  masked_destination: string | null;
  withdrawal_request_id: number | null;
  created_at: Date;
}

/** The customer's latest transactions (newest first, bounded), the raw material of their history and risk card. */
export async function customerHistoryRows(store: WorkStore, customerToken: string | null): Promise<HistoryRow[]> {
  if (!customerToken) return [];
  return (
    await store.db.query<HistoryRow>(
      `SELECT tid, transaction_type, status, amount_minor, currency, payment_method, masked_destination, withdrawal_request_id, created_at
       FROM transactions WHERE customer_token = $1 ORDER BY created_at DESC LIMIT $2`,
      [customerToken, HISTORY_LIMIT],
    )
  ).rows;
}

/** The customer's deposits, withdrawal requests and totals per currency, as the detail pane shows them. */
export async function historyOf(
  store: WorkStore,
  customerToken: string | null,
  rows: HistoryRow[],
): Promise<CustomerHistory> {
  const totals = customerToken ? (await store.customerHistory({ customerToken }, 1)).totals : [];
  return {
    deposits: rows
      .filter((h) => h.transaction_type !== 'payout')
      .map((h) => ({
        tid: h.tid,
        amountMinor: h.amount_minor,
        currency: h.currency,
        status: h.status,
        paymentMethod: h.payment_method,
        destination: h.masked_destination,
        createdAt: h.created_at.toISOString(),
      })),
    withdrawals: rows
      .filter((h) => h.transaction_type === 'payout' && h.withdrawal_request_id === null)
      .map((h) => ({
        tid: h.tid,
        amountMinor: h.amount_minor,
        currency: h.currency,
        status: h.status,
        destination: h.masked_destination,
        createdAt: h.created_at.toISOString(),
      })),
    // Withdrawn = paid out plus still pending, as the pane's label says.
    totals: totals.map((t) => ({
      currency: t.currency,
      depositedMinor: t.depositedMinor,
      withdrawnMinor: t.withdrawnMinor + t.pendingWithdrawalMinor,
    })),
  };
}

/**
 * Where an item's age comes from: Praxis sends no created_at (§8a), so the stored time is the earliest the desk
 * knows; it came from a notification when one was stamped then, else from when the desk first saw the item.
 */
export async function ageOf(
  store: WorkStore,
  tid: number,
  createdAt: Date,
): Promise<{ since: string; from: 'notification' | 'first-seen' }> {
  const first = (
    await store.db.query<{ first: string | null }>(
      `SELECT min(praxis_timestamp)::text AS first FROM notifications WHERE tid = $1 AND verdict = 'accepted'`,
      [tid],
    )
  ).rows[0]?.first;
  const fromNotification = first !== null && first !== undefined && Number(first) * 1000 <= createdAt.getTime();
  return { since: createdAt.toISOString(), from: fromNotification ? 'notification' : 'first-seen' };
}

/** The item's journal entries and audit trail, as the detail pane shows them. */
export async function journalAndAudit(
  store: WorkStore,
  tid: number,
): Promise<{ journal: JournalEntryView[]; audit: AuditEntryView[] }> {
  const [journal, audit] = await Promise.all([
    store.journal.forItem('transaction', String(tid)),
    listAuditForItem(store.db, 'transaction', String(tid)),
  ]);
  return {
    journal: journal.map((j) => ({
      id: j.id,
      action: j.action,
      operator: j.operator,
      state: j.state,
      praxisStatus: j.praxisStatus,
      praxisDescription: j.praxisDescription,
      errorCode: j.errorCode,
      createdAt: j.createdAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
      lateAnswer: lateAnswerWords(j.result),
    })),
    audit: audit.map((a) => ({
      seq: a.seq,
      at: a.at.toISOString(),
      operator: a.operator,
      action: a.action,
      itemId: a.itemId,
      details: a.details,
    })),
  };
}

/** The late answer a journal entry keeps next to its final state (journal.recordLateAnswer), in words. */
function lateAnswerWords(result: unknown): string | null {
  const late = (result as { lateAnswer?: Record<string, unknown> } | null)?.lateAnswer;
  if (!late) return null;
  const r = late.result as { tid?: number; status?: string } | null;
  return `after reconciliation Praxis answered ${String(late.state)}${r?.status ? ` (transaction ${r.tid} ${r.status})` : ''}${late.praxisDescription ? `: ${String(late.praxisDescription)}` : ''} at ${String(late.at)}`;
}
