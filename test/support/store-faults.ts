/** One injected store failure: the next query whose SQL matches throws as a lost database connection would. */
import type { StoreProcedureName } from '../../src/core/store/store-procedures';
import type { WorkStore } from '../../src/core/store/work-store';

export function failNextQuery(
  store: WorkStore,
  sql: RegExp,
  message = 'injected store failure: connection to the work store lost',
): void {
  const db = store.db as { query: WorkStore['db']['query'] };
  const real = db.query.bind(store.db);
  db.query = ((text: string, params?: unknown[]) => {
    if (sql.test(text.trim())) {
      db.query = real; // once
      return Promise.reject(new Error(message));
    }
    return real(text, params as never);
  }) as WorkStore['db']['query'];
}

/** Fails the next run of store procedure `name` (store-procedures.ts) with `message`, as a lost store would. */
export function failNextProcedure(
  store: WorkStore,
  name: StoreProcedureName,
  message = 'injected store failure: connection to the work store lost',
): void {
  const db = store.db as { procedure?: WorkStore['db']['procedure'] };
  const real = db.procedure?.bind(store.db);
  if (!real) throw new Error('This store runs its procedures on its own connection: fail their statements instead.');
  db.procedure = (called, args) => {
    if (called !== name) return real(called, args);
    db.procedure = real; // once
    return Promise.reject(new Error(message));
  };
}

/** Fails the next journal claim (journal.begin) once, wherever the store runs it: its worker, or its own connection. */
export function failNextClaim(store: WorkStore): void {
  if (store.db.procedure) failNextProcedure(store, 'beginAction');
  else failNextQuery(store, /^WITH entry AS/);
}
