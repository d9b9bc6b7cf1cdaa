import type { AuditInput } from '../audit/audit-log';

/** One refusal to audit: its own row while its budget lasts, else a count in its budget's summary row. */
export interface BoundedEntry {
  /** The budget it spends: `perKey` rows per window for each key. */
  key: string;
  /** What the summary row counts it under (a channel, a name tried). */
  countedAs: string;
  entry: AuditInput;
  /** How the key's summary row is written: who, which action, and the name of its counts. */
  summary: { operator: string; action: string; countsAs: string };
}

export interface BoundedAuditOptions {
  /** Writes one audit row (to the active work store); a failure is the caller's to log. */
  append(entry: AuditInput): Promise<void>;
  /** Told when a row could not be written: the refusal itself still stands. */
  onError(err: unknown, entry: AuditInput): void;
  /** Rows written one by one per key in a window; beyond it refusals are counted into one row at its end. */
  perKey: number;
  windowMs: number;
  now?: () => number;
}

export interface BoundedAudit {
  record(e: BoundedEntry): Promise<void>;
  /** Writes every count still held (the desk is closing); later refusals start new windows. */
  flush(): Promise<void>;
}

/** Counts in one summary at most (the last is "(others)"), so a flood of made-up names stays one small row. */
const MAX_COUNTED = 50;
const OTHERS = '(others)';

interface KeyWindow {
  startedAt: number;
  written: number;
  /** Refusals past the budget, by what they are counted as: written as one row when the window ends. */
  heldBack: Map<string, number>;
  summary: BoundedEntry['summary'];
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Audits refusals anyone can repeat at will, bounded per key: the first `perKey` in a window get a row each, the
 * rest one summary row with their counts when the window ends, so a flood costs at most `perKey + 1` rows per key
 * per window and no refusal goes uncounted.
 */
export function createBoundedAudit(opts: BoundedAuditOptions): BoundedAudit {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, KeyWindow>();
  const pending = new Set<Promise<void>>();

  const write = async (entry: AuditInput) => {
    await opts.append(entry).catch((err: unknown) => opts.onError(err, entry));
  };

  const summarise = (key: string, w: KeyWindow): Promise<void> => {
    if (windows.get(key) === w) windows.delete(key);
    if (w.timer) clearTimeout(w.timer);
    if (w.heldBack.size === 0) return Promise.resolve();
    const refusals = [...w.heldBack.values()].reduce((a, b) => a + b, 0);
    const written = write({
      operator: w.summary.operator,
      action: w.summary.action,
      details: {
        summary: true,
        refusals,
        [w.summary.countsAs]: Object.fromEntries(w.heldBack),
        since: new Date(w.startedAt).toISOString(),
        why: `more than ${opts.perKey} refusals in ${Math.round(opts.windowMs / 1000)} s: counted here, not written one by one`,
      },
    });
    pending.add(written);
    void written.finally(() => pending.delete(written));
    return written;
  };

  return {
    async record(e) {
      let w = windows.get(e.key);
      if (w && now() - w.startedAt >= opts.windowMs) {
        await summarise(e.key, w);
        w = undefined;
      }
      if (!w) {
        w = { startedAt: now(), written: 0, heldBack: new Map(), summary: e.summary, timer: null };
        windows.set(e.key, w);
      }
      if (w.written < opts.perKey) {
        w.written++;
        await write(e.entry);
        return;
      }
      const as = w.heldBack.has(e.countedAs) || w.heldBack.size < MAX_COUNTED - 1 ? e.countedAs : OTHERS;
      w.heldBack.set(as, (w.heldBack.get(as) ?? 0) + 1);
      if (!w.timer) {
        const held = w;
        // Unref'd: a pending summary never keeps the process alive; close() flushes it instead.
        held.timer = setTimeout(() => void summarise(e.key, held), held.startedAt + opts.windowMs - now());
        held.timer.unref?.();
      }
    },
    async flush() {
      await Promise.all([...windows].map(([key, w]) => summarise(key, w)));
      await Promise.all([...pending]);
    },
  };
}
