/** One injected store failure: the next query whose SQL matches throws as a lost database connection would. */
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
