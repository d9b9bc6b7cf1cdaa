import { create } from 'zustand';
import type { WireError } from '../../../shared/errors';
import { onLookupProgress, runLookup, type LookupProgress, type LookupRow } from '../api/lookup';
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
    if (ids.length > MAX_LOOKUP_IDS) {
      useLookup.setState({
        error: {
          code: 'VALIDATION',
          message: `${ids.length} ids is more than one lookup takes (${MAX_LOOKUP_IDS}); split the list.`,
        },
      });
      return;
    }
    useLookup.setState({ running: true, error: null, rows: [], source, progress: { done: 0, total: ids.length } });
    const stop = onLookupProgress((progress) => useLookup.setState({ progress }));
    try {
      const res = await runLookup(ids);
      if (res.ok) useLookup.setState({ rows: res.data, progress: { done: ids.length, total: ids.length } });
      else useLookup.setState({ error: res.error });
    } finally {
      stop();
      useLookup.setState({ running: false });
    }
  },
};

// ---- selectors ----
export const selectCounts = (s: LookupState) => {
  const found = s.rows.filter((r) => r.ok).length;
  return { found, failed: s.rows.length - found };
};
