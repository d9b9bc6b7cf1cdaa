import { Notification, type BrowserWindow } from 'electron';
import type { DeskCore } from '../core/app/desk-core-types';
import type { Logger } from '../core/log';
import type { ExpiringHold } from '../shared/captures';
import { holdLine } from '../shared/hold-windows';
import type { DeskEvents } from '../shared/ipc/contract';

/** More holds than this at once (a first start on an old queue) get one summary, not a pile of notifications. */
const MAX_SINGLE_NOTIFICATIONS = 3;

/**
 * A desktop notification when holds enter their last 24 hours (the core announces each hold once, ever); clicking
 * one brings the window forward and asks the renderer to open the hold (or the Captures screen, for a summary).
 */
export function notifyExpiringHolds(core: DeskCore, windows: () => BrowserWindow[], log: Logger): () => void {
  const open = (item: DeskEvents['event:open-item']) => {
    const win = windows().find((w) => !w.isDestroyed());
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    win.webContents.send('event:open-item', item);
  };
  const show = (title: string, body: string, onClick: () => void) => {
    const n = new Notification({ title, body });
    n.on('click', onClick);
    n.show();
  };
  return core.events.on('event:holds-expiring', ({ items }: { items: ExpiringHold[] }) => {
    if (!Notification.isSupported()) {
      log.info('desktop notifications are not supported here; the Captures screen shows expiring holds', {
        count: items.length,
      });
      return;
    }
    if (items.length > MAX_SINGLE_NOTIFICATIONS) {
      const first = items[0]!;
      show(`${items.length} holds lapse within 24 hours`, `First: ${holdLine(first)}`, () =>
        open({ queue: 'deposits', tid: first.tid }),
      );
      return;
    }
    for (const item of items)
      show(`Hold ${item.tid} lapses within 24 hours`, holdLine(item), () => open({ queue: 'deposits', tid: item.tid }));
  });
}
