/**
 * How a queue's rows array was made from the one before it (rows dropped by tid, rows added), so a view over 100,000
 * rows can follow a page or a live change by that change alone instead of sorting and filtering everything again.
 */
export interface RowsDelta<Row> {
  base: readonly Row[];
  dropped: ReadonlySet<number>;
  added: readonly Row[];
}

// The base is held weakly: a strong one would keep every array of a 50-page load alive as long as the last one.
interface StoredDelta {
  base: WeakRef<readonly unknown[]>;
  dropped: ReadonlySet<number>;
  added: readonly unknown[];
}

const deltas = new WeakMap<readonly unknown[], StoredDelta>();

/** Records that `rows` is `base` without `dropped` and with `added`. */
export function recordDelta<Row>(rows: readonly Row[], { base, dropped, added }: RowsDelta<Row>): void {
  deltas.set(rows, { base: new WeakRef(base), dropped, added });
}

/** The changes from `from` to `to`, oldest first; null when `to` was not made from `from` by recorded changes. */
export function deltasBetween<Row>(from: readonly Row[], to: readonly Row[]): RowsDelta<Row>[] | null {
  const chain: RowsDelta<Row>[] = [];
  for (let at: readonly unknown[] | undefined = to; at !== from;) {
    const delta: StoredDelta | undefined = at && deltas.get(at);
    // An array between the two already collected: the chain is lost and the caller starts afresh.
    const base: readonly unknown[] | undefined = delta?.base.deref();
    if (!delta || !base) return null;
    chain.push({ base: base as readonly Row[], dropped: delta.dropped, added: delta.added as readonly Row[] });
    at = base;
  }
  return chain.reverse();
}
