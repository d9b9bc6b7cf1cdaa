import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DeskError } from '../../shared/errors';
import type { SavedView } from '../../shared/payouts';
import type { Queryable } from '../store/db';
import { setSetting } from '../store/settings-repo';
import type { WorkStore } from '../store/work-store';

// One settings row per view, so two windows saving different views never overwrite each other.
const PREFIX = 'payout-view:';
const MAX_VIEWS = 100;

const StoredView = z.object({ id: z.string(), name: z.string(), state: z.record(z.string(), z.unknown()) });

// Saves take it for their transaction: the count and the insert are one step, however many windows save at once.
const VIEWS_LOCK_KEY = 74_201_003;

export const listViews = (store: WorkStore): Promise<SavedView[]> => viewsIn(store.db);

async function viewsIn(q: Queryable): Promise<SavedView[]> {
  const res = await q.query<{ value: unknown }>(
    `SELECT value FROM settings WHERE key LIKE $1 ORDER BY value->>'name', key`,
    [`${PREFIX}%`],
  );
  return res.rows.flatMap((r) => {
    const v = StoredView.safeParse(r.value);
    return v.success ? [v.data] : [];
  });
}

/** Saves a new view (no id) or replaces one; a second view with the same name replaces the first. */
export async function saveView(
  store: WorkStore,
  input: { id?: string; name: string; state: Record<string, unknown> },
): Promise<SavedView> {
  return store.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [VIEWS_LOCK_KEY]);
    const existing = await viewsIn(tx);
    const sameName = existing.find((v) => v.name.toLowerCase() === input.name.toLowerCase());
    const id = input.id ?? sameName?.id ?? randomUUID();
    if (!existing.some((v) => v.id === id) && existing.length >= MAX_VIEWS) {
      throw new DeskError(
        'VALIDATION',
        `There are already ${MAX_VIEWS} saved views. Remove one you no longer use, then save again.`,
      );
    }
    const view: SavedView = { id, name: input.name, state: input.state };
    await setSetting(tx, PREFIX + id, view);
    return view;
  });
}

export async function removeView(store: WorkStore, id: string): Promise<SavedView[]> {
  const res = await store.db.query('DELETE FROM settings WHERE key = $1', [PREFIX + id]);
  if (res.rowCount === 0)
    throw new DeskError('NOT_FOUND', `There is no saved view with id ${id}; the list was refreshed.`);
  return listViews(store);
}
