import type { Result } from '../../../shared/errors';

export type HostFrame = { id: number; result: Result<unknown> } | { event: string; payload: unknown };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * One frame from the browser host: a reply to a request, or a pushed event (the shapes of ws-protocol.ts); anything
 * else is dropped. Checked by hand rather than with the zod schema because this runs in the page's first script,
 * which must not wait for zod to load and build its schemas before asking for the first rows.
 */
export function readHostFrame(data: string): HostFrame | null {
  let msg: unknown;
  try {
    msg = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(msg)) return null;
  if (typeof msg.event === 'string')
    return msg.event.startsWith('event:') ? { event: msg.event, payload: msg.payload } : null;
  const { id, result } = msg;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || !isRecord(result)) return null;
  if (result.ok === true && 'data' in result) return { id, result: { ok: true, data: result.data } };
  const error = result.error;
  if (result.ok === false && isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string')
    return { id, result: result as Result<unknown> };
  return null;
}
