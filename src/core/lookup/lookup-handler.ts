import type { LookupResult } from '../../shared/lookup';
import type { PraxisClient } from '../praxis/client';
import type { WorkStore } from '../store/work-store';
import { lookupIds } from './lookup-ids';

export interface LookupHandlerDeps {
  /** The active profile's client (throws NO_CREDENTIALS / VALIDATION itself when it cannot be built). */
  client: () => Promise<Pick<PraxisClient, 'findTransaction' | 'findOrder'>>;
  store: () => WorkStore;
  emitProgress: (p: { done: number; total: number }) => void;
  concurrency?: number;
  /** The desk-wide limit on lookup queries at Praxis, shared by every window's lookups. */
  slot?: <T>(query: () => Promise<T>) => Promise<T>;
  /** Fewest milliseconds between two progress events (the last one is always sent). */
  progressEveryMs?: number;
}

/** The `lookup:run` handler body: the command table calls it with the parsed `{ ids }`. */
export function createLookupHandler(deps: LookupHandlerDeps): (input: { ids: string[] }) => Promise<LookupResult[]> {
  return async ({ ids }) => {
    const client = await deps.client();
    let last = 0;
    return lookupIds(ids, {
      client,
      store: deps.store(),
      concurrency: deps.concurrency ?? 4,
      slot: deps.slot,
      onProgress: (p) => {
        const now = Date.now();
        if (p.done === p.total || now - last >= (deps.progressEveryMs ?? 100)) {
          last = now;
          deps.emitProgress(p);
        }
      },
    });
  };
}
