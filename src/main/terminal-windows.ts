import type { CommandHandlers } from '../core/commands/dispatch';
import type { Logger } from '../core/log';
import { openHostedPageWindow } from './hosted-page-window';

/**
 * In Electron the hosted card page opens in its own locked-down window, never in the renderer: the terminal's
 * start and retry open it and hand the renderer no page address.
 */
export function withHostedPageWindows(handlers: CommandHandlers, log: Logger): CommandHandlers {
  const opening =
    (channel: 'terminal:start' | 'terminal:retry') =>
    async (...args: Parameters<CommandHandlers[typeof channel]>) => {
      const started = await (handlers[channel] as (...a: typeof args) => ReturnType<CommandHandlers[typeof channel]>)(
        ...args,
      );
      if (!started.redirectUrl) return started;
      const win = openHostedPageWindow(started.redirectUrl, started.praxisOrigin, started.session.orderId, log);
      return { ...started, redirectUrl: null, openedInWindow: win !== null };
    };
  return { ...handlers, 'terminal:start': opening('terminal:start'), 'terminal:retry': opening('terminal:retry') };
}
