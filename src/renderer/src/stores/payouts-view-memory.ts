import { DEFAULT_SORT, EMPTY_FILTER, ViewState } from './payouts-filter';

/** The Payouts screen's current filter and sort, kept across a reload (not only as a saved view). */
const KEY = 'praxis-desk.payouts.current-view';

export function rememberedView(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ViewState {
  try {
    const parsed = ViewState.safeParse(JSON.parse(storage?.getItem(KEY) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // A value written by another version, or storage turned off: start from the default view.
  }
  return { filter: EMPTY_FILTER, sort: DEFAULT_SORT };
}

export function rememberView(view: ViewState, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(KEY, JSON.stringify(view));
  } catch {
    // Storage full or refused: the view simply does not survive the reload.
  }
}
