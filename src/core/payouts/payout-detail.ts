import { DeskError } from '../../shared/errors';
import { withTokensHidden } from '../praxis/customer-tokens';
import type { PayoutDetail, PayoutRow } from '../../shared/payouts';
import { ageOf, customerHistoryRows, historyOf, journalAndAudit } from '../queues/item-detail';
import { pendingChanges } from '../store/unconfirmed-changes';
import type { WorkStore } from '../store/work-store';
import { childPayouts } from './request-state';
import { rowsByTid } from './queue-rows';
import { assessRisk, type RiskSettings } from './risk';

const VOID = new Set(['cancelled', 'canceled', 'rejected', 'declined']);
/** Statuses whose status_details say why: a decline or an error (an approval's "Transaction approved" says nothing). */
const EXPLAINED_STATUSES = ['rejected', 'declined', 'error', 'failed', 'cancelled', 'canceled'] as const;

/** Everything the detail pane shows for one request: history, parts, raw Praxis objects, journal, audit and risk card. */
export async function payoutDetail(store: WorkStore, tid: number, settings: RiskSettings): Promise<PayoutDetail> {
  const tx = await store.getTransaction(tid);
  const [row] = await rowsByTid(store.db, [tid], settings);
  if (!tx || !row)
    throw new DeskError('NOT_FOUND', `Withdrawal request ${tid} is not in the work store. Look it up by id first.`);

  const historyRows = await customerHistoryRows(store, tx.customerToken);
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

  const [parts, { journal, audit }, age, statusDetails, unconfirmed] = await Promise.all([
    childPayouts(store.db, tid),
    journalAndAudit(store, tid),
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
    // A row stored before the store dropped customer tokens may still hold them: they never leave the core.
    raw: withTokensHidden({ transaction: tx.rawTransaction, customer: tx.rawCustomer, session: tx.rawSession }),
    age,
    processed:
      tx.processedAmountMinor === null
        ? null
        : { amountMinor: tx.processedAmountMinor, currency: tx.processedCurrency ?? tx.currency },
    statusDetails,
    unconfirmed: unconfirmed.map((c) => ({ status: c.claimedStatus, notifiedAt: c.notifiedAt })),
    journal,
    audit,
  };
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
