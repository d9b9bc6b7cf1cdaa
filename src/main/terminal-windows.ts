import type { BrowserWindow } from 'electron';
import type { DeskCore } from '../core/app/desk-core-types';
import type { CommandContext, CommandHandlers } from '../core/commands/dispatch';
import type { Logger } from '../core/log';
import { openHostedPageWindow } from './hosted-page-window';

/**
 * In Electron the hosted card page opens in its own locked-down window, never in the renderer: the terminal's
 * start, retry and reopen open it (a reopen brings an open one forward) and hand the renderer no page address; the
 * window closes once its page takes no more cards.
 */
export function withHostedPageWindows(core: DeskCore, log: Logger): CommandHandlers {
  const { handlers } = core;
  // Each window with the context of the command that opened it: its status is read as the window that asked.
  const open = new Map<string, { win: BrowserWindow; ctx: CommandContext }>();
  core.events.on('event:queue-changed', ({ queue, ids }) => {
    if (queue !== 'terminal') return;
    for (const orderId of ids.filter((id) => open.has(id)))
      void handlers['terminal:status']({ orderId }, open.get(orderId)!.ctx).then(
        (s) => {
          // A declined session's page stays while Praxis keeps it open: another card is tried on it, not on a second.
          if (s.pageOpen) return;
          const win = open.get(orderId)?.win;
          open.delete(orderId);
          if (win && !win.isDestroyed()) win.close();
        },
        (err: unknown) => log.warn('terminal session status not read for its window', { orderId, error: String(err) }),
      );
  });
  const opening =
    (channel: 'terminal:start' | 'terminal:retry' | 'terminal:reopen') =>
    async (...args: Parameters<CommandHandlers[typeof channel]>) => {
      const started = await (handlers[channel] as (...a: typeof args) => ReturnType<CommandHandlers[typeof channel]>)(
        ...args,
      );
      if (!started.redirectUrl) return started;
      const orderId = started.session.orderId;
      // A reopen while the page's window is still up brings that window forward rather than a second one.
      const shown = open.get(orderId)?.win;
      if (shown && !shown.isDestroyed()) {
        shown.focus();
        return { ...started, redirectUrl: null, openedInWindow: true };
      }
      const win = openHostedPageWindow(started.redirectUrl, started.praxisOrigin, orderId, log);
      if (win) {
        open.set(orderId, { win, ctx: args[1] });
        win.on('closed', () => open.delete(orderId));
      }
      return { ...started, redirectUrl: null, openedInWindow: win !== null };
    };
  return {
    ...handlers,
    'terminal:start': opening('terminal:start'),
    'terminal:retry': opening('terminal:retry'),
    'terminal:reopen': opening('terminal:reopen'),
  };
}
