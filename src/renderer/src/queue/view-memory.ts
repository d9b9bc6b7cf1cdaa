import type * as z from 'zod/mini';

/** A queue screen's current filter and sort, kept across a reload (not only as a saved view), under its own key. */
export function rememberedView<V>(
  key: string,
  schema: z.ZodMiniType<V>,
  fallback: V,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): V {
  try {
    const parsed = schema.safeParse(JSON.parse(storage?.getItem(key) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // A value written by another version, or storage turned off: start from the default view.
  }
  return fallback;
}

export function rememberView<V>(
  key: string,
  view: V,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
) {
  try {
    storage?.setItem(key, JSON.stringify(view));
  } catch {
    // Storage full or refused: the view simply does not survive the reload.
  }
}
