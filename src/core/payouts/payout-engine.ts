import { DeskError } from '../../shared/errors';
import type {
  ActionOutcome,
  BulkOutcome,
  GatewayOption,
  PayoutDetail,
  PayoutPage,
  PayoutRow,
  PayoutSettings,
} from '../../shared/payouts';
import { finishBulk } from '../queues/bulk-runner';
import type { PraxisSession } from '../queues/praxis-session';
import { queueActionDeps, runQueueBulk, type QueueEngineDeps } from '../queues/queue-engine';
import { readPage } from '../queues/queue-sql';
import type { PageRequest } from '../queues/statement-pages';
import { reconcileItem, recoverUnresolved } from '../queues/reconcile';
import { confirmSecondApprover, type SecondApprover } from './four-eyes';
import { createGatewayCache } from './gateways';
import {
  approve,
  checkReason,
  reject,
  split,
  type ApproveInput,
  type RejectInput,
  type SplitInput,
} from './payout-actions';
import { payoutDetail } from './payout-detail';
import { PAYOUT_QUEUE } from './payout-queue';
import { loadPayoutSettings, riskSettingsOf } from './payout-settings';
import { queueRows, rowsByTid } from './queue-rows';
import { fourEyesReason, needsSecondApproval } from './risk';

export type PayoutEngineDeps = QueueEngineDeps;

/** The payout queue engine: queue reads, the money-moving actions through the journal, bulk, four-eyes and reconciliation. */
export function createPayoutEngine(deps: PayoutEngineDeps) {
  const { store } = deps;
  const { actionDeps, bulkDeps, sendLimit } = queueActionDeps(deps, PAYOUT_QUEUE);
  const gatewayCache = createGatewayCache();
  const risk = async () => riskSettingsOf(await loadPayoutSettings(store));

  async function gateways(tid: number): Promise<GatewayOption[]> {
    const tx = await store.getTransaction(tid);
    if (!tx || tx.transactionType !== 'payout')
      throw new DeskError('NOT_FOUND', `Withdrawal request ${tid} is not in the work store. Look it up by id first.`);
    const s = await deps.praxis();
    const country = (tx.rawCustomer as { country?: string | null } | null)?.country ?? null;
    return gatewayCache.optionsFor(s.client, s.profileId, {
      currency: tx.currency,
      country,
      paymentMethod: tx.paymentMethod,
      gateway: tx.gateway,
    });
  }

  /** The gateway a bulk approval uses for one request: its own, else the picker's default (from the row already read). */
  async function defaultGateway(tid: number, row: PayoutRow | undefined, s: PraxisSession): Promise<string> {
    const options = row
      ? await gatewayCache.optionsFor(s.client, s.profileId, {
          currency: row.currency,
          country: row.country,
          paymentMethod: row.paymentMethod,
          gateway: row.gateway,
        })
      : await gateways(tid);
    const def = options.find((o) => o.isDefault);
    if (!def)
      throw new DeskError(
        'VALIDATION',
        `Praxis lists no payout gateway for request ${tid} and the request names none. Approve it on its own and pick a gateway.`,
      );
    return def.id;
  }

  const reconcile = async (tid: number): Promise<ActionOutcome> => reconcileItem(actionDeps, await deps.praxis(), tid);

  return {
    list: async (page: PageRequest = {}): Promise<PayoutPage> => {
      const settings = await risk();
      return readPage(page, (part) => queueRows(store.db, settings, part));
    },
    rows: async (tids: number[]): Promise<PayoutRow[]> => rowsByTid(store.db, tids, await risk()),
    detail: async (tid: number): Promise<PayoutDetail> => payoutDetail(store, tid, await risk()),
    gateways,

    approve: async (input: ApproveInput) =>
      approve(actionDeps, await deps.praxis(), await loadPayoutSettings(store), input),
    reject: async (input: RejectInput) =>
      reject(actionDeps, await deps.praxis(), await loadPayoutSettings(store), input),
    split: async (input: SplitInput) => split(actionDeps, await deps.praxis(), await loadPayoutSettings(store), input),
    reconcile,

    /** Approve or reject many requests with bounded concurrency; one failure never stops the others. */
    async bulk(
      input: {
        action: 'approve' | 'reject';
        tids: number[];
        reasonCode?: string;
        note?: string;
        secondApprover?: SecondApprover;
      },
      progressTo?: string,
    ): Promise<BulkOutcome> {
      const settings: PayoutSettings = await loadPayoutSettings(store);
      const s = await deps.praxis();
      const tids = [...new Set(input.tids)];
      const reason = input.action === 'reject' ? checkReason(settings, input.reasonCode ?? '', input.note) : null;
      const rows = new Map((await rowsByTid(store.db, tids, riskSettingsOf(settings))).map((r) => [r.tid, r]));

      // The second approver's PIN is checked once for the selection; items that need four eyes fail without one.
      let second: { name: string | null; error: unknown } = { name: null, error: null };
      const needing = [...rows.values()].filter((r) => needsSecondApproval(r.amountMinor, r.currency, settings));
      if (input.action === 'approve' && needing.length > 0 && input.secondApprover) {
        const first = needing[0]!;
        try {
          second = {
            name: await confirmSecondApprover(store, s.operator, input.secondApprover, {
              amountMinor: first.amountMinor,
              currency: first.currency,
              why: fourEyesReason(first.currency, settings),
            }),
            error: null,
          };
        } catch (err) {
          second = { name: null, error: err };
        }
      }

      const settled = await runQueueBulk(deps, PAYOUT_QUEUE, {
        action: input.action,
        tids,
        concurrency: settings.bulkConcurrency,
        sendLimit,
        progressTo,
        act: async (tid) => {
          if (input.action === 'reject')
            return reject(bulkDeps, s, settings, { tid, reasonCode: input.reasonCode!, note: input.note });
          const row = rows.get(tid);
          if (row && needsSecondApproval(row.amountMinor, row.currency, settings) && second.error) throw second.error;
          const gateway = await defaultGateway(tid, row, s);
          return approve(bulkDeps, s, settings, { tid, gateway, verifiedSecondApprover: second.name });
        },
      });
      return finishBulk(actionDeps, {
        action: input.action,
        operator: s.operator,
        settled,
        rows: rows.values(),
        amountOf: (r) => r.remainingMinor,
        audit: {
          reasonCode: reason?.code ?? null,
          reasonLabel: reason?.label ?? null,
          note: input.note ?? null,
          secondApprover: second.name,
        },
      });
    },

    /** Crash recovery: unresolved payout actions are looked up before anyone can act again (see queues/reconcile). */
    recoverUnresolved: () => recoverUnresolved(actionDeps, deps.praxis),
  };
}
export type PayoutEngine = ReturnType<typeof createPayoutEngine>;
