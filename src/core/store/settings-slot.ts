import type { z } from 'zod';
import type { WorkStore } from './work-store';

/**
 * One desk-wide settings value in the store's settings table, checked by its save channel's schema on the way in
 * and on the way out (a stored value is read exactly as a saved one was checked); the defaults until someone saves.
 */
export function settingsSlot<T>(key: string, schema: z.ZodType<T>, defaults: T) {
  return {
    load: async (store: WorkStore): Promise<T> => (await store.settings.get(key, schema)) ?? defaults,
    async save(store: WorkStore, value: T): Promise<T> {
      const parsed = schema.parse(value);
      await store.settings.set(key, parsed);
      return parsed;
    },
  };
}
