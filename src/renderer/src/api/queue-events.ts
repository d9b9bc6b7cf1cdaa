import * as z from 'zod/mini';
import { desk } from './desk';

/*
 * The events every queue listens to, read by name and checked with zod: a payload of a shape this renderer does
 * not know (an older or newer core) is dropped, never half-read.
 */

const QueueChanged = z.object({ queue: z.string(), ids: z.array(z.string()) });
const BulkProgress = z.object({
  action: z.string(),
  /** Absent from a core older than captures: payouts then. */
  queue: z.optional(z.string()),
  done: z.int().check(z.nonnegative()),
  total: z.int().check(z.nonnegative()),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

type On = (name: string, listener: (payload: unknown) => void) => () => void;
export const onDeskEvent: On = (name, listener) => (desk().events.on as unknown as On)(name, listener);

/** Tids of one queue's items the store changed (new arrivals, status moves, journal states). */
export function onQueueChanged(queue: string, listener: (tids: number[]) => void): () => void {
  return onDeskEvent('event:queue-changed', (payload) => {
    const p = QueueChanged.safeParse(payload);
    if (!p.success || p.data.queue !== queue) return;
    const tids = p.data.ids.filter((id) => /^\d+$/.test(id)).map(Number);
    if (tids.length) listener(tids);
  });
}

/** One queue's bulk progress (another queue's run on this desk is not this dialog's). */
export function onBulkProgress(queue: string, listener: (p: BulkProgress) => void): () => void {
  return onDeskEvent('event:bulk-progress', (payload) => {
    const p = BulkProgress.safeParse(payload);
    if (p.success && (p.data.queue ?? 'payouts') === queue) listener(p.data);
  });
}
