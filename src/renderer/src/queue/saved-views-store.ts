import { create } from 'zustand';
import type * as z from 'zod/mini';
import type { Result, WireError } from '../../../shared/errors';
import { fieldErrorsFrom } from '../stores/field-errors';

/** A named filter + sort kept in the work store; `state` is opaque to the core. */
export interface StoredView {
  id: string;
  name: string;
  state: Record<string, unknown>;
}

/** The work store's view channels (one list for every queue; each view says which queue it belongs to). */
export interface ViewChannels {
  list(): Promise<Result<StoredView[]>>;
  save(input: { id?: string; name: string; state: Record<string, unknown> }): Promise<Result<StoredView>>;
  remove(id: string): Promise<Result<StoredView[]>>;
}

export interface SavedViewsState {
  views: StoredView[];
  error: WireError | null;
  /** A refused save's message about the name, shown next to the name input. */
  nameError: string | null;
}

/** Equal plain data (a filter and sort), whatever the order of its keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/**
 * One queue's saved views. A view is stored as `{ queue, filter, sort }`; `ownsUntagged` claims the views saved
 * before views named their queue (the first queue's), so they keep working.
 */
export function createSavedViews<V extends object>(
  queue: string,
  schema: z.ZodMiniType<V>,
  channels: ViewChannels,
  ownsUntagged = false,
) {
  const useViews = create<SavedViewsState>()(() => ({ views: [], error: null, nameError: null }));
  const set = useViews.setState;
  const mine = (v: StoredView) => v.state.queue === queue || (ownsUntagged && v.state.queue === undefined);
  const keep = (views: StoredView[]) => views.filter(mine);
  const sameState = (view: StoredView, state: V) => {
    const parsed = schema.safeParse(view.state);
    return parsed.success && sameValue(parsed.data, state);
  };

  const actions = {
    async load() {
      const res = await channels.list();
      if (res.ok) set({ views: keep(res.data), error: null });
      else set({ error: res.error });
    },
    async save(name: string, state: V): Promise<StoredView | null> {
      const res = await channels.save({ name, state: { queue, ...state } });
      if (!res.ok) {
        const { fields, general } = fieldErrorsFrom(res.error, ['name']);
        set({ error: general === null ? null : { ...res.error, message: general }, nameError: fields.name ?? null });
        return null;
      }
      set((s) => ({
        views: [...s.views.filter((v) => v.id !== res.data.id), res.data],
        error: null,
        nameError: null,
      }));
      return res.data;
    },
    async remove(id: string) {
      const res = await channels.remove(id);
      if (res.ok) set({ views: keep(res.data), error: null });
      else set({ error: res.error });
    },
    /**
     * Whether the picker still shows a picked view: while the screen's filter and sort are the view's. Once they
     * are cleared or changed no view is selected. A view it cannot read stays selected, so it can be deleted.
     */
    stillSelected(view: StoredView, state: V): boolean {
      return !schema.safeParse(view.state).success || sameState(view, state);
    },
    /**
     * The view the picker shows: the one last picked or saved while it is still selected, else the first view whose
     * filter and sort are the screen's now (after a reload nothing was picked in this page, yet the filter is the
     * view's); '' for none. A view it cannot read is shown only when picked.
     */
    shownId(views: readonly StoredView[], picked: string, state: V): string {
      const pickedView = views.find((v) => v.id === picked);
      if (pickedView && actions.stillSelected(pickedView, state)) return picked;
      return views.find((v) => sameState(v, state))?.id ?? '';
    },
    /** A view's state as this screen understands it; one saved in an older shape is reported, not half-applied. */
    parse(view: StoredView): { ok: true; state: V } | { ok: false; message: string } {
      const parsed = schema.safeParse(view.state);
      return parsed.success
        ? { ok: true, state: parsed.data }
        : { ok: false, message: `The view “${view.name}” was saved in a shape this desk cannot read; save it again.` };
    },
  };
  return { useViews, actions };
}

export type SavedViewsOf<V> = {
  useViews: (<T>(select: (s: SavedViewsState) => T) => T) & { getState(): SavedViewsState };
  actions: {
    save(name: string, state: V): Promise<StoredView | null>;
    remove(id: string): Promise<void>;
    stillSelected(view: StoredView, state: V): boolean;
    shownId(views: readonly StoredView[], picked: string, state: V): string;
    parse(view: StoredView): { ok: true; state: V } | { ok: false; message: string };
  };
};
