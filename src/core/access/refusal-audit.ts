import type { Role } from '../../shared/access';
import { createBoundedAudit, type BoundedAudit, type BoundedAuditOptions } from './bounded-audit';

/** One call refused for its role: who, which channel, the roles it needed and the roles they have (never the input). */
export interface RoleRefusal {
  operator: string;
  channel: string;
  needs: readonly Role[];
  has: readonly Role[];
}

export type RefusalAuditOptions = Omit<BoundedAuditOptions, 'perKey'> & {
  /** Rows written one by one per operator in a window; beyond it refusals are counted into one row at its end. */
  perOperator: number;
};

export type RefusalAudit = Omit<BoundedAudit, 'record'> & { record(refusal: RoleRefusal): Promise<void> };

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
