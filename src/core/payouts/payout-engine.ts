import { DeskError, isDeskError } from '../../shared/errors';
import type { DeskEvents } from '../../shared/ipc/contract';
import type {
  ActionOutcome,
  BulkOutcome,
  GatewayOption,
  PayoutDetail,
  PayoutPage,
  PayoutRow,
  PayoutSettings,
} from '../../shared/payouts';
import { mapBounded } from '../bounded';
import type { Logger } from '../log';
import type { WorkStore } from '../store/work-store';
import { confirmSecondApprover, type SecondApprover } from './four-eyes';
import { createGatewayCache } from './gateways';
import { reconcileEntry, type ActionDeps } from './journaled-action';
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
import { loadPayoutSettings, riskSettingsOf } from './payout-settings';
import type { PraxisSession } from './praxis-session';
import { queueRows, rowsByTid, type QueuePage } from './queue-rows';
import { ingestAnswer } from './request-state';
import { needsSecondApproval } from './risk';

export interface PayoutEngineDeps {
  store: WorkStore;
  log: Logger;
  /** The active profile's client and operator; throws a DeskError (e.g. NO_CREDENTIALS) when it cannot act. */
  praxis(): Promise<PraxisSession>;
  onBulkProgress?(progress: DeskEvents['event:bulk-progress']): void;
  /** True once the desk is switching away from this store's profile: a bulk action starts no further items. */
  stopRequested?(): boolean;
}

const PAYOUT_ACTIONS = new Set(['payouts:approve', 'payouts:reject', 'payouts:split']);

const failedOutcome = (tid: number, err: unknown): ActionOutcome => ({
  tid,
  state: 'failed',
  moneyMoved: false,
  journalId: isDeskError(err) && typeof err.details?.journalId === 'number' ? err.details.journalId : null,
  errorCode: isDeskError(err) ? err.code : 'INTERNAL',
  message: err instanceof Error ? err.message : String(err),
});

/** The payout queue engine: queue reads, the money-moving actions through the journal, bulk, four-eyes and reconciliation. */
export function createPayoutEngine(deps: PayoutEngineDeps) {
  const { store, log } = deps;
  const actionDeps: ActionDeps = { store, log };
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

  async function reconcile(tid: number): Promise<ActionOutcome> {
    const open = await store.journal.inFlight('transaction', String(tid));
    const s = await deps.praxis();
    if (!open) {
      const tx = await store.getTransaction(tid);
      if (!tx) throw new DeskError('NOT_FOUND', `Withdrawal request ${tid} is not in the work store.`);
      // Nothing unresolved: refresh the request so the operator sees Praxis's current status.
      await ingestAnswer(store, await s.client.findTransaction(tid));
      const last = (await store.journal.forItem('transaction', String(tid))).at(-1);
      const now = await store.getTransaction(tid);
      return {
        tid,
        state: last?.state === 'failed' ? 'failed' : 'done',
        moneyMoved: false,
        journalId: last?.id ?? null,
        newStatus: now?.status ?? null,
        message: `Nothing to reconcile on ${tid}: no action is in flight or unknown. Praxis shows it as ${now?.status ?? 'unknown'}.`,
      };
    }
    const outcome = await reconcileEntry(actionDeps, s.client, open, s.operator);
    await store.audit.append({
      operator: s.operator,
      action: 'payouts:reconcile',
      itemKind: 'transaction',
      itemId: String(tid),
      details: {
        journalId: open.id,
        reconciledAction: open.action,
        result: outcome.state,
        moneyMoved: outcome.moneyMoved,
        message: outcome.message,
      },
    });
    return outcome;
  }

  return {
    async list(page: QueuePage = {}): Promise<PayoutPage> {
      const asOf = new Date().toISOString();
      const rows = await queueRows(store.db, await risk(), page);
      const full = page.limit !== undefined && rows.length === page.limit;
      return { rows, asOf, next: full ? rows.at(-1)!.tid : null };
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
    async bulk(input: {
      action: 'approve' | 'reject';
      tids: number[];
      reasonCode?: string;
      note?: string;
      secondApprover?: SecondApprover;
    }): Promise<BulkOutcome> {
      const settings: PayoutSettings = await loadPayoutSettings(store);
      const s = await deps.praxis();
      const tids = [...new Set(input.tids)];
      if (input.action === 'reject') checkReason(settings, input.reasonCode ?? '');
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
              thresholdMinor: settings.fourEyesThresholds[first.currency] ?? 0,
            }),
            error: null,
          };
        } catch (err) {
          second = { name: null, error: err };
        }
      }

      const total = tids.length;
      let lastProgressAt = 0;
      const settled = await mapBounded(
        tids,
        settings.bulkConcurrency,
        async (tid): Promise<ActionOutcome> => {
          try {
            if (deps.stopRequested?.()) {
              throw new DeskError(
                'STORE',
                `Request ${tid} was not sent: the desk switched to another profile during the bulk ${input.action}. Nothing was sent for it.`,
              );
            }
            if (input.action === 'reject')
              return await reject(actionDeps, s, settings, { tid, reasonCode: input.reasonCode!, note: input.note });
            const row = rows.get(tid);
            if (row && needsSecondApproval(row.amountMinor, row.currency, settings) && second.error) throw second.error;
            const gateway = await defaultGateway(tid, row, s);
            return await approve(actionDeps, s, settings, { tid, gateway, verifiedSecondApprover: second.name });
          } catch (err) {
            return failedOutcome(tid, err);
          }
        },
        (done) => {
          // At most one progress event per 100 ms (and always the last): a 5,000-item bulk must not flood every window.
          const now = Date.now();
          if (done === total || now - lastProgressAt >= 100) {
            lastProgressAt = now;
            deps.onBulkProgress?.({ action: input.action, done, total });
          }
        },
      );
      const results = settled.map((r, i) => {
        const o = r.status === 'fulfilled' ? r.value : failedOutcome(tids[i]!, r.reason);
        const row = rows.get(o.tid);
        // Every per-item result names the amount and the customer, a failure before any send included.
        return row
          ? {
              ...o,
              amountMinor: o.amountMinor ?? row.remainingMinor,
              currency: o.currency ?? row.currency,
              customer: o.customer ?? row.customerName ?? row.cid,
            }
          : o;
      });

      const byCurrency = new Map<string, { currency: string; count: number; totalMinor: number }>();
      for (const r of results) {
        const row = rows.get(r.tid);
        if (r.state !== 'done' || !row) continue;
        const t = byCurrency.get(row.currency) ?? { currency: row.currency, count: 0, totalMinor: 0 };
        t.count++;
        // What this action paid (a split request's remainder), not the amount first asked for.
        t.totalMinor += r.amountMinor ?? row.remainingMinor;
        byCurrency.set(row.currency, t);
      }
      const succeeded = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
      const failedCount = results.filter((r) => r.state !== 'done').length;
      await store.audit.append({
        operator: s.operator,
        action: `payouts:bulk-${input.action}`,
        details: {
          count: total,
          failedCount,
          succeeded,
          reasonCode: input.reasonCode ?? null,
          note: input.note ?? null,
          secondApprover: second.name,
        },
      });
      return { action: input.action, results, succeeded, failedCount };
    },

    /** Crash recovery: every payout action left `sending` or `unknown` is looked up before anyone can act again. */
    async recoverUnresolved(): Promise<ActionOutcome[]> {
      const open = (await store.journal.unresolved()).filter(
        (e) => e.itemKind === 'transaction' && PAYOUT_ACTIONS.has(e.action),
      );
      if (open.length === 0) return [];
      const s = await deps.praxis();
      const out: ActionOutcome[] = [];
      for (const entry of open) {
        try {
          out.push(await reconcile(Number(entry.itemId)));
        } catch (err) {
          log.warn('payout reconciliation at start failed', { journalId: entry.id, error: String(err) });
          out.push(failedOutcome(Number(entry.itemId), err));
        }
      }
      log.info('payout actions reconciled at start', {
        count: open.length,
        operator: s.operator,
        unresolved: out.filter((o) => o.state === 'unknown').length,
      });
      return out;
    },
  };
}
export type PayoutEngine = ReturnType<typeof createPayoutEngine>;
