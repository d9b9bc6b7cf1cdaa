import { useMemo } from 'react';
import type { QueueRow } from './queue-row';

/**
 * The rows of a bulk dialog, held from when it opened: items leave the queue as the run finishes them, and the
 * confirmation must not shrink under the operator.
 */
export function useHeldRows<Row extends QueueRow>(rows: readonly Row[], tids: readonly number[] | null): Row[] {
  return useMemo(() => {
    if (!tids) return [];
    const wanted = new Set(tids);
    return rows.filter((r) => wanted.has(r.tid));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tids]);
}
