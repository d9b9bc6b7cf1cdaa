import { useMemo } from 'react';
import { holdLevel } from '../../../shared/hold-windows';
import { useCaptures } from '../stores/captures';
import { useHoldsExpiring } from '../stores/holds-expiring';
import { useClock } from '../queue/use-clock';

/**
 * Holds in their last 24 hours: those the core announced and those the loaded queue shows in red, while they are
 * still in the queue and not lapsed. The navigation's badge shows the count.
 */
export function useExpiringCount(): number {
  const holds = useHoldsExpiring((s) => s.holds);
  const rows = useCaptures((s) => s.rows);
  const loaded = useCaptures((s) => s.loaded);
  const now = useClock(30_000);
  const inQueue = useMemo(() => new Set(rows.map((r) => r.tid)), [rows]);
  return useMemo(() => {
    const tids = new Set<number>();
    for (const r of rows) if (holdLevel(r.lapsesAt, now) === 'red') tids.add(r.tid);
    for (const h of holds.values())
      if (Date.parse(h.lapsesAt) > now && (!loaded || inQueue.has(h.tid))) tids.add(h.tid);
    return tids.size;
  }, [rows, holds, loaded, inQueue, now]);
}
