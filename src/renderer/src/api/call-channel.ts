import type { z } from 'zod';
import type { Result } from '../../../shared/errors';
import { desk } from './desk';

/*
 * Queue channels are reached by name ("payouts:list" → desk().payouts.list) with their contract's own types, so a
 * screen compiles either way and says plainly when a build has no engine for it yet.
 */

type Method = (input: unknown) => Promise<Result<unknown>>;
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function methodOf(channel: string): Method | null {
  const [domain, name] = channel.split(':') as [string, string];
  const api = desk() as unknown as Record<string, Record<string, Method> | undefined>;
  return api[domain]?.[camel(name)] ?? null;
}

export const channelAvailable = (channel: string): boolean => methodOf(channel) !== null;

/** Calls one channel; the core parses the input with the same zod schema. `engine` names what is missing. */
export async function callChannel<T>(channel: string, input: unknown, engine: string): Promise<Result<T>> {
  const method = methodOf(channel);
  if (!method) {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `This build of the desk has no ${engine} yet (channel ${channel} is missing). Nothing was sent.`,
      },
    };
  }
  return (await method(input)) as Result<T>;
}

/** A contract file's channels, as declared with `channel(...).returns<R>()`. */
type ChannelTable = Record<string, { input: z.ZodType; result: unknown }>;
export type ChannelInput<T extends ChannelTable, C extends keyof T> = z.input<T[C]['input']>;
export type ChannelResult<T extends ChannelTable, C extends keyof T> = T[C]['result'];

/** A typed caller for one contract file's channels; `engine` names what a build without them lacks. */
export const callerFor =
  <T extends ChannelTable>(engine: string) =>
  <C extends keyof T & string>(channel: C, input: ChannelInput<T, C>): Promise<Result<ChannelResult<T, C>>> =>
    callChannel<ChannelResult<T, C>>(channel, input, engine);
