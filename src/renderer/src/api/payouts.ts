import { z } from 'zod';
import type { Result } from '../../../shared/errors';
import type { payoutsContract } from '../../../shared/ipc/payouts-contract';
import { desk } from './desk';

/*
 * The payout channels (issue 5) live in their own contract file until the core's handlers are wired and the
 * file is spread into `contract`. This layer reaches them by name with the contract's own types, so the
 * screen compiles either way and says plainly when a build has no payout engine yet.
 */

export type PayoutChannel = keyof typeof payoutsContract;
export type PayoutInput<C extends PayoutChannel> = z.input<(typeof payoutsContract)[C]['input']>;
export type PayoutResult<C extends PayoutChannel> = (typeof payoutsContract)[C]['result'];

type Method = (input: unknown) => Promise<Result<unknown>>;
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function methodOf(channel: PayoutChannel): Method | null {
  const [domain, name] = channel.split(':') as [string, string];
  const api = desk() as unknown as Record<string, Record<string, Method> | undefined>;
  return api[domain]?.[camel(name)] ?? null;
}

export const payoutsAvailable = (): boolean => methodOf('payouts:list') !== null;

/** Calls one payout channel; the core parses the input with the same zod schema. */
export async function callPayouts<C extends PayoutChannel>(
  channel: C,
  input: PayoutInput<C>,
): Promise<Result<PayoutResult<C>>> {
  const method = methodOf(channel);
  if (!method) {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `This build of the desk has no payout engine yet (channel ${channel} is missing). Nothing was sent.`,
      },
    };
  }
  return (await method(input)) as Result<PayoutResult<C>>;
}

const QueueChanged = z.object({ queue: z.string(), ids: z.array(z.string()) });
const BulkProgress = z.object({
  action: z.enum(['approve', 'reject']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type BulkProgress = z.infer<typeof BulkProgress>;

type On = (name: string, listener: (payload: unknown) => void) => () => void;
const on: On = (name, listener) => (desk().events.on as unknown as On)(name, listener);

/** Tids of payout requests the store changed (new arrivals, status moves, journal states). */
export function onPayoutsChanged(listener: (tids: number[]) => void): () => void {
  return on('event:queue-changed', (payload) => {
    const p = QueueChanged.safeParse(payload);
    if (!p.success || p.data.queue !== 'payouts') return;
    const tids = p.data.ids.filter((id) => /^\d+$/.test(id)).map(Number);
    if (tids.length) listener(tids);
  });
}

export function onBulkProgress(listener: (p: BulkProgress) => void): () => void {
  return on('event:bulk-progress', (payload) => {
    const p = BulkProgress.safeParse(payload);
    if (p.success) listener(p.data);
  });
}
