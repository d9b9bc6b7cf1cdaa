import { desk } from './desk';

type On = (name: string, listener: (payload: unknown) => void) => () => void;
export const onDeskEvent: On = (name, listener) => (desk().events.on as unknown as On)(name, listener);

/**
 * Tids of one queue's items the store changed (new arrivals, status moves, journal states). The payload is checked
 * by hand, not with zod, because the page's first script follows the payout queue before zod is loaded; a payload of
 * a shape this renderer does not know is dropped, never half-read.
 */
export function onQueueChanged(queue: string, listener: (tids: number[]) => void): () => void {
  return onDeskEvent('event:queue-changed', (payload) => {
    const p = payload as { queue?: unknown; ids?: unknown } | null;
    if (typeof p !== 'object' || p === null || p.queue !== queue || !Array.isArray(p.ids)) return;
    const tids = p.ids.filter((id): id is string => typeof id === 'string' && /^\d+$/.test(id)).map(Number);
    if (tids.length) listener(tids);
  });
}
