import { DeskError } from '../../shared/errors';
import type { CustomerHistory, PayoutDetail, PayoutRow } from '../../shared/payouts';
import { listAuditForItem } from '../audit/audit-log';
import { pendingChanges } from '../store/unconfirmed-changes';
import type { WorkStore } from '../store/work-store';
import { childPayouts } from './request-state';
import { rowsByTid } from './queue-rows';
import { assessRisk, type RiskSettings } from './risk';

const HISTORY_LIMIT = 1_000;

interface HistoryRow {
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

const VOID = new Set(['cancelled', 'canceled', 'rejected', 'declined']);
/** Statuses whose status_details say why: a decline or an error (an approval's "Transaction approved" says nothing). */
const EXPLAINED_STATUSES = ['rejected', 'declined', 'error', 'failed', 'cancelled', 'canceled'] as const;

/** Everything the detail pane shows for one request: history, parts, raw Praxis objects, journal, audit and risk card. */
export async function payoutDetail(store: WorkStore, tid: number, settings: RiskSettings): Promise<PayoutDetail> {
  const tx = await store.getTransaction(tid);
  const [row] = await rowsByTid(store.db, [tid], settings);
  if (!tx || !row)
    throw new DeskError('NOT_FOUND', `Withdrawal request ${tid} is not in the work store. Look it up by id first.`);

  const historyRows = tx.customerToken
    ? (
        await store.db.query<HistoryRow>(
          `SELECT tid, transaction_type, status, amount_minor, currency, payment_method, masked_destination, withdrawal_request_id, created_at
           FROM transactions WHERE customer_token = $1 ORDER BY created_at DESC LIMIT $2`,
          [tx.customerToken, HISTORY_LIMIT],
        )
      ).rows
    : [];
  const history = await historyOf(store, tx.customerToken, historyRows);

  // The customers table holds the latest alerts from any message about the customer, not just this request's.
  const alerts = tx.customerToken
    ? (
        await store.db.query<{ avs_alert: number | null; verification_alert: number | null }>(
          'SELECT avs_alert, verification_alert FROM customers WHERE customer_token = $1',
          [tx.customerToken],
        )
      ).rows[0]
    : undefined;
  const deposits = historyRows.filter((h) => h.transaction_type !== 'payout' && h.status === 'approved');
  const otherRequests = historyRows.filter(
    (h) => h.transaction_type === 'payout' && h.withdrawal_request_id === null && h.tid !== tid && !VOID.has(h.status),
  );
  const risk = assessRisk(
    {
      tid,
      amountMinor: tx.amountMinor,
      currency: tx.currency,
      createdAt: tx.createdAt,
      destinationId: tx.maskedDestination,
      destinationLabel: tx.maskedDestination,
      verificationAlert: alerts?.verification_alert ?? null,
      avsAlert: alerts?.avs_alert ?? null,
    },
    {
      deposits: deposits.map((d) => ({
        amountMinor: d.amount_minor,
        currency: d.currency,
        destinationId: d.masked_destination,
      })),
      withdrawals: otherRequests.map((w) => ({
        tid: w.tid,
        amountMinor: w.amount_minor,
        currency: w.currency,
        createdAt: w.created_at,
      })),
    },
    settings,
  );

  const [parts, journal, audit, age, statusDetails, unconfirmed] = await Promise.all([
    childPayouts(store.db, tid),
    store.journal.forItem('transaction', String(tid)),
    listAuditForItem(store.db, 'transaction', String(tid)),
    ageOf(store, tid, tx.createdAt),
    explainedStatuses(store, tid),
    pendingChanges(store.db, tid),
  ]);
  return {
    row: row satisfies PayoutRow,
    risk,
    history,
    parts: parts.map((p) => ({
      tid: p.tid,
      amountMinor: p.amount_minor,
      currency: p.currency,
      status: p.status,
      gateway: p.gateway,
      gatewayName: p.gateway_name,
      orderId: p.order_id,
    })),
    raw: { transaction: tx.rawTransaction, customer: tx.rawCustomer, session: tx.rawSession },
    age,
    processed:
      tx.processedAmountMinor === null
        ? null
        : { amountMinor: tx.processedAmountMinor, currency: tx.processedCurrency ?? tx.currency },
    statusDetails,
    unconfirmed: unconfirmed.map((c) => ({ status: c.claimedStatus, notifiedAt: c.notifiedAt })),
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

/** The stored age is the earliest time the desk knows; it came from a notification when one was stamped then. */
async function ageOf(store: WorkStore, tid: number, createdAt: Date): Promise<PayoutDetail['age']> {
  const first = (
    await store.db.query<{ first: string | null }>(
      `SELECT min(praxis_timestamp)::text AS first FROM notifications WHERE tid = $1 AND verdict = 'accepted'`,
      [tid],
    )
  ).rows[0]?.first;
  const fromNotification = first !== null && first !== undefined && Number(first) * 1000 <= createdAt.getTime();
  return { since: createdAt.toISOString(), from: fromNotification ? 'notification' : 'first-seen' };
}

/** status_details of the request and its parts whose status is a decline or an error: Praxis's reason for it. */
async function explainedStatuses(store: WorkStore, tid: number): Promise<Record<number, string>> {
  const res = await store.db.query<{ tid: number; details: string }>(
    `SELECT tid, raw_transaction ->> 'status_details' AS details FROM transactions
     WHERE (tid = $1 OR withdrawal_request_id = $1) AND status = ANY ($2::text[])
       AND raw_transaction ->> 'status_details' <> ''`,
    [tid, [...EXPLAINED_STATUSES]],
  );
  return Object.fromEntries(res.rows.map((r) => [Number(r.tid), r.details]));
}

async function historyOf(store: WorkStore, customerToken: string | null, rows: HistoryRow[]): Promise<CustomerHistory> {
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

/** The late answer a journal entry keeps next to its final state (journal.recordLateAnswer), in words. */
function lateAnswerWords(result: unknown): string | null {
  const late = (result as { lateAnswer?: Record<string, unknown> } | null)?.lateAnswer;
  if (!late) return null;
  const r = late.result as { tid?: number; status?: string } | null;
  return `after reconciliation Praxis answered ${String(late.state)}${r?.status ? ` (payout ${r.tid} ${r.status})` : ''}${late.praxisDescription ? `: ${String(late.praxisDescription)}` : ''} at ${String(late.at)}`;
}
