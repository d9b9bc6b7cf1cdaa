import type { z } from 'zod';
import { DeskError } from '../../shared/errors';
import type { Queryable } from './db';

/** Reads a non-secret setting and checks it against its schema; a stored value that no longer fits is an error, not a silent default. */
export async function getSetting<S extends z.ZodType>(
  q: Queryable,
  key: string,
  schema: S,
): Promise<z.output<S> | undefined> {
  const res = await q.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
  if (res.rows.length === 0) return undefined;
  const parsed = schema.safeParse(res.rows[0]!.value);
  if (!parsed.success)
    throw new DeskError('STORE', `Setting "${key}" holds a value the desk cannot read; set it again in Settings.`);
  return parsed.data;
}

/** Settings never hold secrets: those live in the OS keychain only. */
export async function setSetting(q: Queryable, key: string, value: unknown): Promise<void> {
  if (/secret|password/i.test(key))
    throw new DeskError(
      'VALIDATION',
      `"${key}" looks like a secret; secrets are kept in the OS keychain, not in settings.`,
    );
  await q.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}
