import type { QueueRow } from './queue-row';
import { recordDelta } from './rows-delta';

/** Replaces the changed rows in place, appends newcomers, drops rows that left the queue. */
export function mergeRows<Row extends QueueRow>(
  current: readonly Row[],
  changed: readonly Row[],
  askedTids: readonly number[],
  belongsInQueue: (row: Row) => boolean,
): { rows: Row[]; added: number } {
  const fresh = new Map(changed.map((r) => [r.tid, r]));
  const asked = new Set(askedTids);
  const seen = new Set<number>();
  const rows: Row[] = [];
  const dropped = new Set<number>();
  const put: Row[] = [];
  for (const row of current) {
    seen.add(row.tid);
    if (!asked.has(row.tid)) rows.push(row);
    else {
      dropped.add(row.tid);
      const next = fresh.get(row.tid);
      if (next && belongsInQueue(next)) {
        rows.push(next);
        put.push(next);
      }
    }
  }
  let added = 0;
  for (const row of changed) {
    if (!seen.has(row.tid) && belongsInQueue(row)) {
      rows.push(row);
      put.push(row);
      added++;
    }
  }
  recordDelta(rows, { base: current, dropped, added: put });
  return { rows, added };
}

/**
 * Adds the rest of the queue after its first page; a row a live change already brought in is kept, not doubled.
 * Only tids in `changedLive` can be there already, so a page is checked against the rows only when it holds one.
 */
export function appendPage<Row extends QueueRow>(
  current: readonly Row[],
  page: readonly Row[],
  changedLive?: ReadonlySet<number>,
): Row[] {
  const mayBeThere = changedLive ? page.some((r) => changedLive.has(r.tid)) : page.length > 0;
  let kept = page;
  if (mayBeThere) {
    const have = new Set(current.map((r) => r.tid));
    kept = page.filter((r) => !have.has(r.tid));
  }
  const rows = current.concat(kept);
  recordDelta(rows, { base: current, dropped: new Set(), added: kept });
  return rows;
}
