import type { QueueRow } from './queue-row';

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
  for (const row of current) {
    seen.add(row.tid);
    if (!asked.has(row.tid)) rows.push(row);
    else {
      const next = fresh.get(row.tid);
      if (next && belongsInQueue(next)) rows.push(next);
    }
  }
  let added = 0;
  for (const row of changed) {
    if (!seen.has(row.tid) && belongsInQueue(row)) {
      rows.push(row);
      added++;
    }
  }
  return { rows, added };
}

/** Adds the rest of the queue after its first page; a row a live change already brought in is kept, not doubled. */
export function appendPage<Row extends QueueRow>(current: readonly Row[], page: readonly Row[]): Row[] {
  const have = new Set(current.map((r) => r.tid));
  return [...current, ...page.filter((r) => !have.has(r.tid))];
}
