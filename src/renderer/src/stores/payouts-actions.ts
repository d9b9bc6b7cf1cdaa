import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import type { ActionOutcome, GatewayOption } from '../../../shared/payouts';
import { callPayouts } from '../api/payouts';
import { createActionStore } from '../queue/create-action-store';
import { payoutsActions, usePayouts } from './payouts';

export type { ActionReport } from '../queue/create-action-store';

/** A colleague confirming a four-eyes approval with their own PIN (the PIN is never kept in a store). */
export interface SecondApprover {
  operator: string;
  pin: string;
}

export type PayoutDialog =
  | { kind: 'approve'; tid: number; nextTid: number | null }
  | { kind: 'reject'; tid: number; nextTid: number | null }
  | { kind: 'split'; tid: number; nextTid: number | null }
  | { kind: 'bulk'; action: 'approve' | 'reject'; tids: number[] }
  | { kind: 'four-eyes'; retry: FourEyesRetry; message: string; refusal?: string };

/** What to send again, with the second approver, once a colleague confirms. */
export type FourEyesRetry =
  | { kind: 'approve'; tid: number; gateway: string; nextTid: number | null }
  | { kind: 'split'; tid: number; parts: { amountMinor: number; gateway: string }[]; nextTid: number | null }
  | { kind: 'bulk'; tids: number[] };

const { useActions, core } = createActionStore<PayoutDialog>('payouts', payoutsActions.refreshRows);
export const usePayoutActions = useActions;
const set = usePayoutActions.setState;

/** Gateways for payouts, cached per request for the page's life; the core caches Praxis's answer too. */
export const usePayoutGateways = create<{
  gateways: Record<number, GatewayOption[]>;
  gatewaysError: WireError | null;
}>()(() => ({ gateways: {}, gatewaysError: null }));

const moved = (o: ActionOutcome) => o.state === 'done';
const fourEyes = (retry: FourEyesRetry, message: string) => {
  const open = usePayoutActions.getState().dialog;
  // A confirmation refused (a wrong PIN): the explanation stays, the refusal is said under it.
  if (open?.kind === 'four-eyes') return set({ dialog: { ...open, retry, refusal: message } });
  set({ dialog: { kind: 'four-eyes', retry, message } });
};

// ---- actions ----
export const payoutActions = {
  close: core.close,
  dismissReport: core.dismissReport,
  forget: core.forget,

  async openApprove(tid: number, nextTid: number | null) {
    core.open({ kind: 'approve', tid, nextTid });
    await payoutActions.loadGateways(tid);
  },
  openReject(tid: number, nextTid: number | null) {
    core.open({ kind: 'reject', tid, nextTid });
  },
  async openSplit(tid: number, nextTid: number | null) {
    core.open({ kind: 'split', tid, nextTid });
    await payoutActions.loadGateways(tid);
  },
  openBulk(action: 'approve' | 'reject', tids: number[]) {
    if (tids.length > 0) core.openBulk({ kind: 'bulk', action, tids });
  },

  async loadGateways(tid: number) {
    if (usePayoutGateways.getState().gateways[tid]) return;
    usePayoutGateways.setState({ gatewaysError: null });
    const res = await callPayouts('payouts:gateways', { tid });
    if (res.ok) usePayoutGateways.setState((s) => ({ gateways: { ...s.gateways, [tid]: res.data } }));
    else usePayoutGateways.setState({ gatewaysError: res.error });
  },

  /** Approve; on FOUR_EYES the dialog turns into the second-operator dialog. Returns true when the request was paid. */
  async approve(
    tid: number,
    gateway: string,
    nextTid: number | null,
    secondApprover?: SecondApprover,
  ): Promise<boolean> {
    const res = await core.withInFlight([tid], () =>
      callPayouts('payouts:approve', secondApprover ? { tid, gateway, secondApprover } : { tid, gateway }),
    );
    if (!res) return false;
    const retry: FourEyesRetry = { kind: 'approve', tid, gateway, nextTid };
    if (!res.ok) {
      if (res.error.code === 'FOUR_EYES') fourEyes(retry, res.error.message);
      else core.report({ title: `Approve ${tid}`, outcomes: [], error: res.error, tid });
      return false;
    }
    if (res.data.state === 'failed' && res.data.errorCode === 'FOUR_EYES') {
      fourEyes(retry, res.data.message);
      return false;
    }
    core.report({ title: `Approve ${tid}`, outcomes: [res.data], error: null, tid });
    // "Approve and next": the cursor moves on only after a real payout.
    if (moved(res.data) && nextTid !== null) payoutsActions.moveTo(nextTid);
    return moved(res.data);
  },

  async reject(tid: number, reasonCode: string, note: string, nextTid: number | null) {
    const trimmed = note.trim();
    const outcome = await core.single(tid, `Reject ${tid}`, () =>
      callPayouts('payouts:reject', trimmed ? { tid, reasonCode, note: trimmed } : { tid, reasonCode }),
    );
    if (outcome && moved(outcome) && nextTid !== null) payoutsActions.moveTo(nextTid);
  },

  /** Split; `nextTid`, given when the parts leave nothing of the request, is where the cursor goes once all are paid. */
  async split(
    tid: number,
    parts: { amountMinor: number; gateway: string }[],
    nextTid: number | null,
    secondApprover?: SecondApprover,
  ) {
    const res = await core.withInFlight([tid], () =>
      callPayouts('payouts:split', secondApprover ? { tid, parts, secondApprover } : { tid, parts }),
    );
    if (!res) return;
    const title = `Split ${tid} into ${parts.length} part${parts.length === 1 ? '' : 's'}`;
    if (!res.ok) {
      if (res.error.code === 'FOUR_EYES') return fourEyes({ kind: 'split', tid, parts, nextTid }, res.error.message);
      return core.report({ title: `Split ${tid}`, outcomes: [], error: res.error, tid });
    }
    core.report({ title, outcomes: res.data, error: null, tid });
    // "Split and next" when nothing is left to decide; a part split leaves the request, shown with its parts.
    if (nextTid !== null && res.data.every(moved)) payoutsActions.moveTo(nextTid);
    else if (usePayouts.getState().detailOpen) void payoutsActions.loadDetail(tid);
  },

  async bulk(
    action: 'approve' | 'reject',
    tids: number[],
    opts: { reasonCode?: string; note?: string; secondApprover?: SecondApprover } = {},
  ) {
    const note = opts.note?.trim();
    const done = await core.runBulk(
      action,
      tids,
      () =>
        callPayouts('payouts:bulk', {
          action,
          tids,
          ...(opts.reasonCode ? { reasonCode: opts.reasonCode } : {}),
          ...(note ? { note } : {}),
          ...(opts.secondApprover ? { secondApprover: opts.secondApprover } : {}),
        }),
      (error) => {
        if (error.code !== 'FOUR_EYES') return false;
        fourEyes({ kind: 'bulk', tids }, error.message);
        return true;
      },
    );
    if (done) payoutsActions.clearSelection();
  },

  /** Requests to approve with a second operator (before a bulk run, or those of its result that need one). */
  askSecondOperator(
    tids: number[],
    why = `${tids.length} request${tids.length === 1 ? ' is' : 's are'} above the four-eyes threshold and need${tids.length === 1 ? 's' : ''} a second operator: ${tids.join(', ')}.`,
  ) {
    fourEyes({ kind: 'bulk', tids }, why);
  },

  /** Sends the held approval again with a colleague's confirmation. */
  async confirmFourEyes(retry: FourEyesRetry, approver: SecondApprover) {
    if (retry.kind === 'approve')
      return void (await payoutActions.approve(retry.tid, retry.gateway, retry.nextTid, approver));
    if (retry.kind === 'split') return payoutActions.split(retry.tid, retry.parts, retry.nextTid, approver);
    set({ dialog: { kind: 'bulk', action: 'approve', tids: retry.tids } });
    await payoutActions.bulk('approve', retry.tids, { secondApprover: approver });
  },

  reconcile: (tid: number) => core.reconcile(tid, () => callPayouts('payouts:reconcile', { tid })),
};
