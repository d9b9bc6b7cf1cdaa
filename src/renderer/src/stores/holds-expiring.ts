import { create } from 'zustand';
import * as z from 'zod/mini';
import type { ExpiringHold } from '../../../shared/captures';
import { holdLine } from '../../../shared/hold-windows';
import { onDeskEvent } from '../api/queue-events';
import { capturesActions } from './captures';
import { navigationActions } from './navigation';

const Hold = z.object({
  tid: z.int().check(z.positive()),
  customer: z.nullable(z.string()),
  amountMinor: z.int(),
  currency: z.string(),
  lapsesAt: z.string(),
});
const HoldsExpiring = z.object({ items: z.array(Hold) });
const OpenItem = z.object({ queue: z.string(), tid: z.int().check(z.positive()) });

/** 'desktop': the Electron main process raises the notifications itself, so the page neither notifies nor shows the banner. */
export type NotificationState = NotificationPermission | 'unsupported' | 'desktop';

/** More holds than this at once (a first start on an old queue) get one summary, not a pile of notifications. */
const MAX_SINGLE_NOTIFICATIONS = 3;

// ---- state ----
export interface HoldsExpiringState {
  /** Holds announced as entering their last 24 hours, by tid (the core announces each once, ever). */
  holds: ReadonlyMap<number, ExpiringHold>;
  /** Announced holds the in-app banner still shows (desktop notifications off or refused). */
  banner: readonly number[];
  notifications: NotificationState;
}

const permission = (): NotificationState =>
  window.desk !== undefined ? 'desktop' : typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export const useHoldsExpiring = create<HoldsExpiringState>()(() => ({
  holds: new Map(),
  banner: [],
  notifications: permission(),
}));
const set = useHoldsExpiring.setState;

/** A browser notification per hold (one summary for many); clicking it brings the desk forward and opens the hold. */
function notify(holds: readonly ExpiringHold[]) {
  const show = (title: string, body: string, tag: string, tid: number) => {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      holdsExpiringActions.open(tid);
    };
  };
  if (holds.length > MAX_SINGLE_NOTIFICATIONS) {
    const first = holds[0]!;
    show(`${holds.length} holds lapse within 24 hours`, `First: ${holdLine(first)}`, `holds-${first.tid}`, first.tid);
    return;
  }
  for (const h of holds) show(`Hold ${h.tid} lapses within 24 hours`, holdLine(h), `hold-${h.tid}`, h.tid);
}

// ---- actions ----
export const holdsExpiringActions = {
  /** Listens for holds entering their last 24 hours and for "open this item" from the main process. */
  follow(): () => void {
    const stopExpiring = onDeskEvent('event:holds-expiring', (payload) => {
      const p = HoldsExpiring.safeParse(payload);
      if (p.success) holdsExpiringActions.announce(p.data.items);
    });
    const stopOpen = onDeskEvent('event:open-item', (payload) => {
      const p = OpenItem.safeParse(payload);
      if (p.success && p.data.queue === 'deposits') holdsExpiringActions.open(p.data.tid);
    });
    return () => {
      stopExpiring();
      stopOpen();
    };
  },

  /** Browser notifications where the operator allowed them, else the in-app banner (Electron's main notifies itself). */
  announce(items: ExpiringHold[]) {
    const notifications = permission();
    const fresh = items.filter((h) => !useHoldsExpiring.getState().holds.has(h.tid));
    set((s) => {
      const holds = new Map(s.holds);
      for (const h of items) holds.set(h.tid, h);
      const quiet = notifications === 'granted' || notifications === 'desktop';
      return { holds, notifications, banner: quiet ? s.banner : [...s.banner, ...fresh.map((h) => h.tid)] };
    });
    if (notifications === 'granted' && fresh.length > 0) notify(fresh);
  },

  /** Goes to the Captures screen with the hold's detail open. */
  open(tid: number) {
    set((s) => ({ banner: s.banner.filter((t) => t !== tid) }));
    navigationActions.go('captures');
    void capturesActions.openDetail(tid);
  },

  dismiss(tid: number) {
    set((s) => ({ banner: s.banner.filter((t) => t !== tid) }));
  },

  /** The notices only: the holds stay counted on the Captures badge until captured, voided or lapsed. */
  dismissAll() {
    set({ banner: [] });
  },

  /** Asked from a button: browsers grant notifications only on a user's gesture. */
  async askPermission() {
    if (typeof Notification === 'undefined') return;
    const answer = await Notification.requestPermission();
    set({ notifications: answer });
  },
};
