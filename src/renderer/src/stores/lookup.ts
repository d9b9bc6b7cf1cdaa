import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import { onLookupProgress, runLookup, type LookupProgress, type LookupRow } from '../api/lookup';
import { sortOutIds } from '../../../shared/lookup-id';
import { MAX_LOOKUP_IDS } from './lookup-ids';

// ---- state ----
export interface LookupState {
  running: boolean;
  progress: LookupProgress | null;
  rows: LookupRow[];
  error: WireError | null;
  /** Where the last ids came from, for the results caption. */
  source: string | null;
}

export const useLookup = create<LookupState>()(() => ({
  running: false,
  progress: null,
  rows: [],
  error: null,
  source: null,
}));

// ---- actions ----
export const lookupActions = {
  async run(ids: string[], source: string) {
    if (ids.length === 0) {
      useLookup.setState({
        error: {
          code: 'VALIDATION',
          message:
            'No ids found: paste tids or order_ids, one per line, or import a CSV with a tid or order_id column.',
        },
      });
      return;
    }
    // Ids Praxis could never match are listed with their reason here; only the rest are sent.
    const { usable, unusable } = sortOutIds(ids);
    if (usable.length > MAX_LOOKUP_IDS) {
      useLookup.setState({
        error: {
          code: 'VALIDATION',
          message: `${usable.length} ids is more than one lookup takes (${MAX_LOOKUP_IDS}); split the list.`,
        },
      });
      return;
    }
    const total = usable.length;
    useLookup.setState({ running: true, error: null, rows: unusable, source, progress: { done: 0, total } });
    if (total === 0) {
      useLookup.setState({ running: false });
      return;
    }
    const stop = onLookupProgress((progress) => useLookup.setState({ progress }));
    try {
      const res = await runLookup(usable);
      if (res.ok)
        useLookup.setState({ rows: inListOrder(ids, [...res.data, ...unusable]), progress: { done: total, total } });
      else useLookup.setState({ error: res.error });
    } finally {
      stop();
      useLookup.setState({ running: false });
    }
  },
};

/** The result lines in the order the ids were given, so an unusable one shows where it was pasted. */
function inListOrder(ids: string[], rows: LookupRow[]): LookupRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// ---- selectors ----
export const selectCounts = (s: LookupState) => {
  const found = s.rows.filter((r) => r.ok).length;
  return { found, failed: s.rows.length - found };
};
