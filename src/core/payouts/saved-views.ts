import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DeskError } from '../../shared/errors';
import type { SavedView } from '../../shared/payouts';
import { appendAuditInTransaction } from '../audit/audit-log';
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

/** A view as the audit keeps it: its name and the start of its state (a state may be kilobytes of filters). */
const SUMMARY_CHARS = 200;
const summaryOf = (view: SavedView) => {
  const state = JSON.stringify(view.state);
  return { name: view.name, state: state.length > SUMMARY_CHARS ? `${state.slice(0, SUMMARY_CHARS)}…` : state };
};

const auditView = (tx: Queryable, operator: string, action: string, view: SavedView, change: Record<string, unknown>) =>
  appendAuditInTransaction(tx, { operator, action, itemKind: 'payout view', itemId: view.name, details: change });

/**
 * Saves a new view (no id) or replaces one; a second view with the same name replaces the first. Views are the whole
 * desk's, so who saved, overwrote or removed which is audited with the change.
 */
export async function saveView(
  store: WorkStore,
  input: { id?: string; name: string; state: Record<string, unknown> },
  operator: string,
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
    const before = existing.find((v) => v.id === id);
    if (before)
      await auditView(tx, operator, 'views:overwrite', view, { before: summaryOf(before), after: summaryOf(view) });
    else await auditView(tx, operator, 'views:save', view, { after: summaryOf(view) });
    return view;
  });
}

export async function removeView(store: WorkStore, id: string, operator: string): Promise<SavedView[]> {
  await store.db.transaction(async (tx) => {
    const res = await tx.query<{ value: unknown }>('DELETE FROM settings WHERE key = $1 RETURNING value', [
      PREFIX + id,
    ]);
    const removed = StoredView.safeParse(res.rows[0]?.value);
    if (!removed.success)
      throw new DeskError('NOT_FOUND', `There is no saved view with id ${id}; the list was refreshed.`);
    await auditView(tx, operator, 'views:remove', removed.data, { before: summaryOf(removed.data) });
  });
  return listViews(store);
}
