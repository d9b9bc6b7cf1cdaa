import type { ActionOutcome } from '../../../shared/actions';
import { callCaptures } from '../api/captures';
import { createActionStore } from '../queue/create-action-store';
import { capturesActions, useCaptures } from './captures';

export type CaptureDialog =
  | { kind: 'capture'; tid: number; nextTid: number | null }
  | { kind: 'void'; tid: number; nextTid: number | null }
  | { kind: 'bulk'; action: 'capture' | 'void'; tids: number[] };

const { useActions, core } = createActionStore<CaptureDialog>('deposits', capturesActions.refreshRows);
export const useCaptureActions = useActions;

const done = (o: ActionOutcome | null) => o !== null && o.state === 'done';

/** After a refusal the item is read again, so a hold cancelled or lapsed meanwhile shows what it is now. */
function refreshDetail(tid: number) {
  if (useCaptures.getState().detailOpen && useCaptures.getState().cursorTid === tid)
    void capturesActions.loadDetail(tid);
}

// ---- actions ----
export const captureActions = {
  close: core.close,
  dismissReport: core.dismissReport,
  forget: core.forget,

  openCapture(tid: number, nextTid: number | null) {
    core.open({ kind: 'capture', tid, nextTid });
  },
  openVoid(tid: number, nextTid: number | null) {
    core.open({ kind: 'void', tid, nextTid });
  },
  openBulk(action: 'capture' | 'void', tids: number[]) {
    if (tids.length > 0) core.openBulk({ kind: 'bulk', action, tids });
  },

  /** Capture = capture-authorization: Praxis captures the whole hold. "Capture and next" moves on after a capture. */
  async capture(tid: number, nextTid: number | null) {
    const outcome = await core.single(tid, `Capture ${tid}`, () => callCaptures('captures:capture', { tid }));
    if (done(outcome) && nextTid !== null) capturesActions.moveTo(nextTid);
    else refreshDetail(tid);
  },

  /** Void = cancel-authorization; the reason and note go to the audit log (Praxis takes no reason). */
  async void(tid: number, reasonCode: string, note: string, nextTid: number | null) {
    const trimmed = note.trim();
    const outcome = await core.single(tid, `Void ${tid}`, () =>
      callCaptures('captures:void', trimmed ? { tid, reasonCode, note: trimmed } : { tid, reasonCode }),
    );
    if (done(outcome) && nextTid !== null) capturesActions.moveTo(nextTid);
    else refreshDetail(tid);
  },

  async bulk(action: 'capture' | 'void', tids: number[], opts: { reasonCode?: string; note?: string } = {}) {
    const note = opts.note?.trim();
    const ran = await core.runBulk(action, tids, () =>
      callCaptures('captures:bulk', {
        action,
        tids,
        ...(opts.reasonCode ? { reasonCode: opts.reasonCode } : {}),
        ...(note ? { note } : {}),
      }),
    );
    if (ran) capturesActions.clearSelection();
  },

  reconcile: async (tid: number) => {
    await core.reconcile(tid, () => callCaptures('captures:reconcile', { tid }));
    refreshDetail(tid);
  },
};
