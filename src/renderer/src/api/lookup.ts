import { z } from 'zod';
import { EVENT_NAMES } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/errors';
import { desk } from './desk';

/*
 * Lookup (issue 4) adds `lookup:run` and `event:lookup-progress` to the contract. Until then this layer
 * reaches them by name and checks the answer with its own schema, so the screen compiles either way and
 * says plainly when the build has no lookup yet.
 */

export const LookupFound = z.object({
  id: z.string(),
  ok: z.literal(true),
  type: z.string(),
  status: z.string(),
  amountMinor: z.number().int(),
  currency: z.string().length(3),
  queue: z.string().nullable().optional(),
});
export const LookupFailed = z.object({ id: z.string(), ok: z.literal(false), reason: z.string() });
export const LookupRow = z.union([LookupFound, LookupFailed]);
export type LookupRow = z.infer<typeof LookupRow>;
const LookupAnswer = z.union([z.array(LookupRow), z.object({ results: z.array(LookupRow) }).transform((a) => a.results)]);

export const LookupProgress = z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type LookupProgress = z.infer<typeof LookupProgress>;

type LookupRun = (input: { ids: string[] }) => Promise<Result<unknown>>;
const runFn = (): LookupRun | null => (desk() as unknown as { lookup?: { run?: LookupRun } }).lookup?.run ?? null;

export const lookupAvailable = (): boolean => runFn() !== null;

export async function runLookup(ids: string[]): Promise<Result<LookupRow[]>> {
  const run = runFn();
  if (!run) return { ok: false, error: { code: 'INTERNAL', message: 'This build of the desk has no lookup yet (channel lookup:run is missing).' } };
  const res = await run({ ids });
  if (!res.ok) return res;
  const parsed = LookupAnswer.safeParse(res.data);
  if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', message: 'The desk answered the lookup in an unexpected shape; see the desk log.' } };
  return { ok: true, data: parsed.data };
}

export function onLookupProgress(listener: (p: LookupProgress) => void): () => void {
  const name = 'event:lookup-progress';
  if (!(EVENT_NAMES as string[]).includes(name)) return () => undefined;
  const on = desk().events.on as unknown as (n: string, l: (payload: unknown) => void) => () => void;
  return on(name, (payload) => {
    const p = LookupProgress.safeParse(payload);
    if (p.success) listener(p.data);
  });
}
