import type { Result } from '../../shared/errors';
import { dispatch, type CommandHandlers } from '../../core/commands/dispatch';
import type { Logger } from '../../core/log';
import { isAppUrl, type AppLocation } from '../security/app-location';

/** What main knows about who sent an IPC message. */
export interface IpcSender {
  webContentsId: number;
  /** URL of the frame that sent it; undefined when the frame is gone. */
  frameUrl: string | undefined;
  isMainFrame: boolean;
}

export interface IpcGateOptions {
  /** The core's command table; a promise while the core is still starting (the window opens first). */
  handlers: CommandHandlers | Promise<CommandHandlers>;
  log: Logger;
  location: AppLocation;
  /** The webContents ids of our own windows. */
  trustedWebContents: () => ReadonlySet<number>;
}

/** Who is signed in is kept per window: this names the window's webContents for the core. */
export const electronConnection = (webContentsId: number) => `electron:${webContentsId}`;

/** Our window's top frame, showing one of our pages: anything else (an iframe, a foreign page) is dropped. */
export function isTrustedSender(sender: IpcSender, trusted: ReadonlySet<number>, location: AppLocation): boolean {
  return (
    trusted.has(sender.webContentsId) && sender.isMainFrame && !!sender.frameUrl && isAppUrl(sender.frameUrl, location)
  );
}

/**
 * The one path every IPC message takes: check the sender, parse the input with the channel's zod schema,
 * run the handler, and answer a Result. It never throws across the bridge.
 */
export function createIpcGate(opts: IpcGateOptions) {
  const { handlers, log, location } = opts;
  return async (sender: IpcSender, channel: string, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(sender, opts.trustedWebContents(), location)) {
      log.warn('ipc message from an unknown sender dropped', {
        channel,
        webContentsId: sender.webContentsId,
        frameUrl: sender.frameUrl ?? null,
      });
      return {
        ok: false,
        error: { code: 'AUTH', message: 'This page is not part of Praxis Desk, so the desk ignored its request.' },
      };
    }
    let ready: CommandHandlers;
    try {
      ready = await handlers;
    } catch (err) {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `The desk could not start: ${log.redact(err instanceof Error ? err.message : String(err))}. Details are in the desk log.`,
        },
      };
    }
    try {
      return await dispatch(
        ready,
        channel,
        input,
        { transport: 'electron', connection: electronConnection(sender.webContentsId) },
        log,
      );
    } catch (err) {
      log.error('ipc dispatch failed', { channel, error: log.redact(String(err)) });
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${channel} failed unexpectedly. Details are in the desk log.` },
      };
    }
  };
}
