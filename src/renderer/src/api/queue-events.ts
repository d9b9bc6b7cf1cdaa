import { z } from 'zod';
import { onDeskEvent } from './queue-changed';

/*
 * A bulk run's progress, read by name and checked with zod: a payload of a shape this renderer does not know (an
 * older or newer core) is dropped, never half-read. Queue changes: queue-changed.ts.
 */

const BulkProgress = z.object({
  action: z.string(),
  /** Absent from a core older than captures: payouts then. */
  queue: z.string().optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

/** One queue's bulk progress (another queue's run on this desk is not this dialog's). */
export function onBulkProgress(queue: string, listener: (p: BulkProgress) => void): () => void {
  return onDeskEvent('event:bulk-progress', (payload) => {
    const p = BulkProgress.safeParse(payload);
    if (p.success && (p.data.queue ?? 'payouts') === queue) listener(p.data);
  });
}
