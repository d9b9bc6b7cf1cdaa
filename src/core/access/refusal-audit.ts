import type { Role } from '../../shared/access';
import type { AuditInput } from '../audit/audit-log';
import { createBoundedAudit } from './bounded-audit';

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

/**
 * Audits refusals of out-of-role calls, bounded per operator (bounded-audit.ts): the first `perOperator` in a window
 * get a row each, the rest one summary row with their count by channel when the window ends.
 */
export function createRefusalAudit(opts: RefusalAuditOptions): RefusalAudit {
  const bounded = createBoundedAudit({ ...opts, perKey: opts.perOperator });
  return {
    record: (r) =>
      bounded.record({
        key: r.operator,
        countedAs: r.channel,
        entry: {
          operator: r.operator,
          action: REFUSAL_ACTION,
          details: { channel: r.channel, needs: [...r.needs], has: [...r.has] },
        },
        summary: { operator: r.operator, action: REFUSAL_ACTION, countsAs: 'channels' },
      }),
    flush: () => bounded.flush(),
  };
}
