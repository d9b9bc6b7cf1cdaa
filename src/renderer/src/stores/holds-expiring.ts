import { create } from 'zustand';
import { z } from 'zod';
import type { ExpiringHold } from '../../../shared/captures';
import { holdLine } from '../../../shared/hold-windows';
import { onDeskEvent } from '../api/queue-events';
import { capturesActions } from './captures';
import { navigationActions } from './navigation';

const Hold = z.object({
  tid: z.number().int().positive(),
  customer: z.string().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  lapsesAt: z.string(),
});
const HoldsExpiring = z.object({ items: z.array(Hold) });
const OpenItem = z.object({ queue: z.string(), tid: z.number().int().positive() });

export type NotificationState = NotificationPermission | 'unsupported';

// ---- state ----
export interface HoldsExpiringState {
  /** Holds announced as entering their last 24 hours, by tid (the core announces each once, ever). */
  holds: ReadonlyMap<number, ExpiringHold>;
  /** Announced holds the in-app banner still shows (desktop notifications off or refused). */
  banner: readonly number[];
  notifications: NotificationState;
}

const permission = (): NotificationState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export const useHoldsExpiring = create<HoldsExpiringState>()(() => ({
  holds: new Map(),
  banner: [],
  notifications: permission(),
}));
const set = useHoldsExpiring.setState;

/** A desktop notification per hold; clicking it brings the desk forward and opens the hold. */
function notify(hold: ExpiringHold) {
  const n = new Notification(`Hold ${hold.tid} lapses within 24 hours`, {
    body: holdLine(hold),
    tag: `hold-${hold.tid}`,
  });
  n.onclick = () => {
    window.focus();
    holdsExpiringActions.open(hold.tid);
  };
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

  /** Desktop notifications where the operator allowed them, else the in-app banner. */
  announce(items: ExpiringHold[]) {
    const notifications = permission();
    set((s) => {
      const holds = new Map(s.holds);
      const fresh = items.filter((h) => !holds.has(h.tid));
      for (const h of items) holds.set(h.tid, h);
      if (notifications === 'granted') fresh.forEach(notify);
      const banner = notifications === 'granted' ? s.banner : [...s.banner, ...fresh.map((h) => h.tid)];
      return { holds, banner, notifications };
    });
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

  /** Asked from a button: browsers grant notifications only on a user's gesture. */
  async askPermission() {
    if (typeof Notification === 'undefined') return;
    const answer = await Notification.requestPermission();
    set({ notifications: answer });
  },
};
