import type { Role } from '../../shared/access';
import type { AuditInput } from '../audit/audit-log';

/** One call refused for its role: who, which channel, the roles it needed and the roles they have (never the input). */
export interface RoleRefusal {
  operator: string;
  channel: string;
  needs: readonly Role[];
  has: readonly Role[];
}

export interface RefusalAuditOptions {
  /** Writes one audit row (to the active work store); a failure is the caller's to log. */
  append(entry: AuditInput): Promise<void>;
  /** Told when a row could not be written: the refusal itself still stands. */
  onError(err: unknown, entry: AuditInput): void;
  /** Rows written one by one per operator in a window; beyond it refusals are counted into one row at its end. */
  perOperator: number;
  windowMs: number;
  now?: () => number;
}

export interface RefusalAudit {
  record(refusal: RoleRefusal): Promise<void>;
  /** Writes every count still held (the desk is closing); later refusals start new windows. */
  flush(): Promise<void>;
}

export const REFUSAL_ACTION = 'access:refused';

interface OperatorWindow {
  startedAt: number;
  written: number;
  /** Refusals past the budget, by channel: written as one row when the window ends. */
  heldBack: Map<string, number>;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Audits refusals of out-of-role calls, bounded per operator: the first `perOperator` in a window get a row each,
 * the rest one summary row with their count by channel when the window ends, so a flood costs at most
 * `perOperator + 1` rows per operator per window and no refusal goes uncounted.
 */
export function createRefusalAudit(opts: RefusalAuditOptions): RefusalAudit {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, OperatorWindow>();
  const pending = new Set<Promise<void>>();

  const write = async (entry: AuditInput) => {
    await opts.append(entry).catch((err: unknown) => opts.onError(err, entry));
  };

  const summarise = (operator: string, w: OperatorWindow): Promise<void> => {
    if (windows.get(operator) === w) windows.delete(operator);
    if (w.timer) clearTimeout(w.timer);
    if (w.heldBack.size === 0) return Promise.resolve();
    const refusals = [...w.heldBack.values()].reduce((a, b) => a + b, 0);
    const written = write({
      operator,
      action: REFUSAL_ACTION,
      details: {
        summary: true,
        refusals,
        channels: Object.fromEntries(w.heldBack),
        since: new Date(w.startedAt).toISOString(),
        why: `more than ${opts.perOperator} refusals in ${Math.round(opts.windowMs / 1000)} s: counted here, not written one by one`,
      },
    });
    pending.add(written);
    void written.finally(() => pending.delete(written));
    return written;
  };

  return {
    async record(r) {
      let w = windows.get(r.operator);
      if (w && now() - w.startedAt >= opts.windowMs) {
        await summarise(r.operator, w);
        w = undefined;
      }
      if (!w) {
        w = { startedAt: now(), written: 0, heldBack: new Map(), timer: null };
        windows.set(r.operator, w);
      }
      if (w.written < opts.perOperator) {
        w.written++;
        await write({
          operator: r.operator,
          action: REFUSAL_ACTION,
          details: { channel: r.channel, needs: [...r.needs], has: [...r.has] },
        });
        return;
      }
      w.heldBack.set(r.channel, (w.heldBack.get(r.channel) ?? 0) + 1);
      if (!w.timer) {
        const held = w;
        // Unref'd: a pending summary never keeps the process alive; close() flushes it instead.
        held.timer = setTimeout(() => void summarise(r.operator, held), held.startedAt + opts.windowMs - now());
        held.timer.unref?.();
      }
    },
    async flush() {
      await Promise.all([...windows].map(([operator, w]) => summarise(operator, w)));
      await Promise.all([...pending]);
    },
  };
}
