import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import type { ActionOutcome, BulkOutcome, GatewayOption } from '../../../shared/payouts';
import { callPayouts, onBulkProgress, type BulkProgress } from '../api/payouts';
import { payoutsActions, usePayouts } from './payouts';

/** A colleague confirming a four-eyes approval with their own PIN (the PIN is never kept in a store). */
export interface SecondApprover {
  operator: string;
  pin: string;
}

export type PayoutDialog =
  | { kind: 'approve'; tid: number; nextTid: number | null }
  | { kind: 'reject'; tid: number; nextTid: number | null }
  | { kind: 'split'; tid: number }
  | { kind: 'bulk'; action: 'approve' | 'reject'; tids: number[] }
  | { kind: 'four-eyes'; retry: FourEyesRetry; message: string };

/** What to send again, with the second approver, once a colleague confirms. */
export type FourEyesRetry =
  | { kind: 'approve'; tid: number; gateway: string; nextTid: number | null }
  | { kind: 'split'; tid: number; parts: { amountMinor: number; gateway: string }[] }
  | { kind: 'bulk'; tids: number[] };

/** The last action's result as the screen reports it: outcomes per item, or an error for the whole call. */
export interface ActionReport {
  title: string;
  outcomes: ActionOutcome[];
  error: WireError | null;
  /** The item the error belongs to, so "Reconcile now" knows what to look up. */
  tid: number | null;
}

// ---- state ----
export interface PayoutActionsState {
  dialog: PayoutDialog | null;
  inFlight: ReadonlySet<number>;
  gateways: Record<number, GatewayOption[]>;
  gatewaysError: WireError | null;
  report: ActionReport | null;
  bulkRunning: boolean;
  bulkProgress: BulkProgress | null;
  bulkResult: BulkOutcome | null;
  bulkError: WireError | null;
}

const initial: PayoutActionsState = {
  dialog: null,
  inFlight: new Set(),
  gateways: {},
  gatewaysError: null,
  report: null,
  bulkRunning: false,
  bulkProgress: null,
  bulkResult: null,
  bulkError: null,
};

export const usePayoutActions = create<PayoutActionsState>()(() => initial);
const set = usePayoutActions.setState;
const get = usePayoutActions.getState;

function markInFlight(tids: number[], on: boolean) {
  set((s) => {
    const inFlight = new Set(s.inFlight);
    for (const t of tids) {
      if (on) inFlight.add(t);
      else inFlight.delete(t);
    }
    return { inFlight };
  });
}

/** Runs one money-moving call with its items marked busy (buttons disabled), always cleared in finally. */
async function withInFlight<T>(tids: number[], run: () => Promise<T>): Promise<T | null> {
  if (tids.some((t) => get().inFlight.has(t))) return null;
  markInFlight(tids, true);
  try {
    return await run();
  } finally {
    markInFlight(tids, false);
    // The store is the truth after any send: fetch what these requests look like now.
    void payoutsActions.refreshRows(tids);
  }
}

const moved = (o: ActionOutcome) => o.state === 'done';

// ---- actions ----
export const payoutActions = {
  close() {
    set({ dialog: null });
  },
  dismissReport() {
    set({ report: null });
  },

  async openApprove(tid: number, nextTid: number | null) {
    set({ dialog: { kind: 'approve', tid, nextTid }, report: null });
    await payoutActions.loadGateways(tid);
  },
  openReject(tid: number, nextTid: number | null) {
    set({ dialog: { kind: 'reject', tid, nextTid }, report: null });
  },
  async openSplit(tid: number) {
    set({ dialog: { kind: 'split', tid }, report: null });
    await payoutActions.loadGateways(tid);
  },
  openBulk(action: 'approve' | 'reject', tids: number[]) {
    if (tids.length === 0) return;
    set({
      dialog: { kind: 'bulk', action, tids },
      bulkResult: null,
      bulkError: null,
      bulkProgress: null,
      report: null,
    });
  },

  /** Gateways for payouts are cached per request for the page's life; the core caches Praxis's answer too. */
  async loadGateways(tid: number) {
    if (get().gateways[tid]) return;
    set({ gatewaysError: null });
    const res = await callPayouts('payouts:gateways', { tid });
    if (res.ok) set((s) => ({ gateways: { ...s.gateways, [tid]: res.data } }));
    else set({ gatewaysError: res.error });
  },

  /** Approve; on FOUR_EYES the dialog turns into the second-operator dialog. Returns true when the request was paid. */
  async approve(
    tid: number,
    gateway: string,
    nextTid: number | null,
    secondApprover?: SecondApprover,
  ): Promise<boolean> {
    const res = await withInFlight([tid], () =>
      callPayouts('payouts:approve', secondApprover ? { tid, gateway, secondApprover } : { tid, gateway }),
    );
    if (!res) return false;
    if (!res.ok) {
      if (res.error.code === 'FOUR_EYES') {
        set({
          dialog: { kind: 'four-eyes', retry: { kind: 'approve', tid, gateway, nextTid }, message: res.error.message },
        });
        return false;
      }
      set({ dialog: null, report: { title: `Approve ${tid}`, outcomes: [], error: res.error, tid } });
      return false;
    }
    if (res.data.state === 'failed' && res.data.errorCode === 'FOUR_EYES') {
      set({
        dialog: { kind: 'four-eyes', retry: { kind: 'approve', tid, gateway, nextTid }, message: res.data.message },
      });
      return false;
    }
    set({ dialog: null, report: { title: `Approve ${tid}`, outcomes: [res.data], error: null, tid } });
    // "Approve and next": the cursor moves on only after a real payout.
    if (moved(res.data) && nextTid !== null) payoutsActions.moveTo(nextTid);
    return moved(res.data);
  },

  async reject(tid: number, reasonCode: string, note: string, nextTid: number | null) {
    const trimmed = note.trim();
    const res = await withInFlight([tid], () =>
      callPayouts('payouts:reject', trimmed ? { tid, reasonCode, note: trimmed } : { tid, reasonCode }),
    );
    if (!res) return;
    if (!res.ok) return set({ dialog: null, report: { title: `Reject ${tid}`, outcomes: [], error: res.error, tid } });
    set({ dialog: null, report: { title: `Reject ${tid}`, outcomes: [res.data], error: null, tid } });
    if (moved(res.data) && nextTid !== null) payoutsActions.moveTo(nextTid);
  },

  async split(tid: number, parts: { amountMinor: number; gateway: string }[], secondApprover?: SecondApprover) {
    const res = await withInFlight([tid], () =>
      callPayouts('payouts:split', secondApprover ? { tid, parts, secondApprover } : { tid, parts }),
    );
    if (!res) return;
    if (!res.ok) {
      if (res.error.code === 'FOUR_EYES')
        return set({ dialog: { kind: 'four-eyes', retry: { kind: 'split', tid, parts }, message: res.error.message } });
      return set({ dialog: null, report: { title: `Split ${tid}`, outcomes: [], error: res.error, tid } });
    }
    set({
      dialog: null,
      report: {
        title: `Split ${tid} into ${parts.length} part${parts.length === 1 ? '' : 's'}`,
        outcomes: res.data,
        error: null,
        tid,
      },
    });
    if (usePayouts.getState().detailOpen) void payoutsActions.loadDetail(tid);
  },

  async bulk(
    action: 'approve' | 'reject',
    tids: number[],
    opts: { reasonCode?: string; note?: string; secondApprover?: SecondApprover } = {},
  ) {
    set({
      bulkRunning: true,
      bulkProgress: { action, done: 0, total: tids.length },
      bulkResult: null,
      bulkError: null,
    });
    const stop = onBulkProgress((p) => set({ bulkProgress: p }));
    try {
      const note = opts.note?.trim();
      const res = await withInFlight(tids, () =>
        callPayouts('payouts:bulk', {
          action,
          tids,
          ...(opts.reasonCode ? { reasonCode: opts.reasonCode } : {}),
          ...(note ? { note } : {}),
          ...(opts.secondApprover ? { secondApprover: opts.secondApprover } : {}),
        }),
      );
      if (!res)
        return set({
          bulkError: {
            code: 'CONFLICT',
            message: 'Some of these requests already have an action in flight; wait for it to finish, then try again.',
          },
        });
      if (!res.ok) {
        if (res.error.code === 'FOUR_EYES')
          return set({ dialog: { kind: 'four-eyes', retry: { kind: 'bulk', tids }, message: res.error.message } });
        return set({ bulkError: res.error });
      }
      set({ bulkResult: res.data, bulkProgress: { action, done: tids.length, total: tids.length } });
      payoutsActions.clearSelection();
    } finally {
      stop();
      set({ bulkRunning: false });
    }
  },

  /** Sends the held approval again with a colleague's confirmation. */
  async confirmFourEyes(retry: FourEyesRetry, approver: SecondApprover) {
    if (retry.kind === 'approve')
      return void (await payoutActions.approve(retry.tid, retry.gateway, retry.nextTid, approver));
    if (retry.kind === 'split') return payoutActions.split(retry.tid, retry.parts, approver);
    set({ dialog: { kind: 'bulk', action: 'approve', tids: retry.tids } });
    await payoutActions.bulk('approve', retry.tids, { secondApprover: approver });
  },

  /** Looks an `unknown` item up at Praxis; the only action an unknown item offers. */
  async reconcile(tid: number) {
    const res = await withInFlight([tid], () => callPayouts('payouts:reconcile', { tid }));
    if (!res) return;
    set({
      report: res.ok
        ? { title: `Reconcile ${tid}`, outcomes: [res.data], error: null, tid }
        : { title: `Reconcile ${tid}`, outcomes: [], error: res.error, tid },
    });
  },
};
