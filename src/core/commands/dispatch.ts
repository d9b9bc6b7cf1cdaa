import type { $ZodError } from 'zod/v4/core';
import { contract, type Channel, type ParsedInputOf, type ResultOf } from '../../shared/ipc/contract';
import { isDeskError, type Result } from '../../shared/errors';
import type { Logger } from '../log';
import { unstorableTextAt } from '../store/unstorable-text';
import { describeIssues, issuesOf } from '../../shared/ipc/plain-messages';

/** Who is calling: the transport fills it in; handlers use it for the audit log and the four-eyes rule. */
export interface CommandContext {
  transport: 'electron' | 'browser-host' | 'test';
  /** The window calling (an Electron window, a browser-host socket): who is signed in is kept per window. */
  connection: string;
}

export type CommandHandlers = {
  [C in Channel]: (input: ParsedInputOf<C>, ctx: CommandContext) => Promise<ResultOf<C>>;
};

/**
 * A handler that decides who may call it before its input is read (access-guard.ts), so a call out of the caller's
 * role is refused and audited as such however malformed its input; what `admit` answers is handed to the handler.
 */
export interface AdmittingHandler {
  (input: unknown, ctx: CommandContext, admitted?: unknown): Promise<unknown>;
  admit?(ctx: CommandContext): Promise<unknown>;
}

const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(contract, c);

export function describeZodError(error: $ZodError): string {
  return describeIssues(issuesOf(error));
}

/**
 * The single entry for both transports: parse with the channel's schema, run the handler, and always
 * answer a Result — never throw across the bridge (only a message survives a throw).
 */
export async function dispatch(
  handlers: CommandHandlers,
  channel: unknown,
  rawInput: unknown,
  ctx: CommandContext,
  log: Logger,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return { ok: false, error: { code: 'VALIDATION', message: `Unknown command "${String(channel)}".` } };
  const handler = handlers[channel] as AdmittingHandler;
  let admitted: unknown;
  try {
    admitted = await handler?.admit?.(ctx);
  } catch (err) {
    return failure(err, channel, log);
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    // The channel is the caller's own business: the message names each field and what it takes, nothing internal.
    const issues = issuesOf(parsed.error);
    return { ok: false, error: { code: 'VALIDATION', message: describeIssues(issues), issues } };
  }
  // Refused before anything is sent: a text the store cannot hold would fail its audit row after the money moved.
  const unstorable = unstorableTextAt(parsed.data);
  if (unstorable)
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `${unstorable}, which no field may contain. Remove it and try again.`,
      },
    };
  try {
    return { ok: true, data: await handler(parsed.data, ctx, admitted) };
  } catch (err) {
    return failure(err, channel, log);
  }
}

/** What a throw becomes on the wire: a DeskError as itself, anything else as INTERNAL with its redacted message. */
function failure(err: unknown, channel: Channel, log: Logger): Result<never> {
  if (isDeskError(err)) return { ok: false, error: err.toWire() };
  const message = log.redact(err instanceof Error ? err.message : String(err));
  log.error('command failed', { channel, error: message });
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `${channel} failed unexpectedly: ${message}. Details are in the desk log.` },
  };
}
