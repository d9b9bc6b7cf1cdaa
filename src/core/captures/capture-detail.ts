import type { CaptureDetail, HoldWindowRule } from '../../shared/captures';
import { DeskError } from '../../shared/errors';
import { withTokensHidden } from '../praxis/customer-tokens';
import { ageOf, customerHistoryRows, historyOf, journalAndAudit } from '../queues/item-detail';
import type { WorkStore } from '../store/work-store';
import { captureRowsByTid } from './capture-rows';

/** Everything the detail pane shows for one hold: the authorization, the customer's history, journal, audit and raw objects. */
export async function captureDetail(
  store: WorkStore,
  tid: number,
  table: readonly HoldWindowRule[],
): Promise<CaptureDetail> {
  const tx = await store.getTransaction(tid);
  const [row] = await captureRowsByTid(store.db, [tid], table);
  if (!tx || !row)
    throw new DeskError('NOT_FOUND', `Authorization ${tid} is not in the work store. Look it up by id first.`);
  const [historyRows, { journal, audit }, age] = await Promise.all([
    customerHistoryRows(store, tx.customerToken),
    journalAndAudit(store, tid),
    ageOf(store, tid, tx.createdAt),
  ]);
  const details = (tx.rawTransaction as { status_details?: string | null } | null)?.status_details ?? null;
  return {
    row,
    history: await historyOf(store, tx.customerToken, historyRows),
    age,
    // "Transaction authorized" says nothing; a cancelled or lapsed hold's details say why.
    statusDetails: tx.status === 'authorized' || !details ? null : details,
    journal,
    audit,
    // A row stored before the store dropped customer tokens may still hold them: they never leave the core.
    raw: withTokensHidden({ transaction: tx.rawTransaction, customer: tx.rawCustomer, session: tx.rawSession }),
  };
}
