import type { z } from 'zod';
import { appendAuditInTransaction } from '../audit/audit-log';
import { setSetting } from './settings-repo';
import type { WorkStore } from './work-store';

/**
 * One desk-wide settings value in the store's settings table, checked by its save channel's schema on the way in
 * and on the way out (a stored value is read exactly as a saved one was checked); the defaults until someone saves.
 * Every save is audited in the same transaction, with what each changed field was before and is after.
 */
export function settingsSlot<T extends object>(key: string, schema: z.ZodType<T>, defaults: T) {
  const load = async (store: WorkStore): Promise<T> => (await store.settings.get(key, schema)) ?? defaults;
  return {
    load,
    async save(store: WorkStore, value: T, operator: string): Promise<T> {
      const parsed = schema.parse(value);
      const before = await load(store);
      const changed = (Object.keys(parsed) as (keyof T & string)[]).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(parsed[k]),
      );
      await store.db.transaction(async (tx) => {
        await setSetting(tx, key, parsed);
        await appendAuditInTransaction(tx, {
          operator,
          action: `${key}:save`,
          details: {
            changed,
            before: Object.fromEntries(changed.map((k) => [k, before[k]])),
            after: Object.fromEntries(changed.map((k) => [k, parsed[k]])),
          },
        });
      });
      return parsed;
    },
  };
}
