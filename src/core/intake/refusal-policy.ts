import { createLineBudget } from '../log-budget';
import type { LogFields, Logger } from '../log';
import type { Queryable } from '../store/db';
import { pruneUnauthenticated } from '../store/notifications-repo';

/** How an intake logs and keeps the refusals anyone on the network can cause. */
export interface RefusalPolicy {
  log(logger: Logger, fields: LogFields): void;
  /** Called after each bounded record is stored; now and then trims the oldest beyond the cap. */
  recorded(q: Queryable): Promise<void>;
}

export interface RefusalLimits {
  /** Refusal log lines per minute; the next line allowed says how many were held back. */
  logLinesPerMinute?: number;
  /** Bounded records of unauthenticated messages kept; older ones are deleted. */
  keepRecords?: number;
}

const PRUNE_EVERY = 100;

export function createRefusalPolicy(limits: RefusalLimits = {}, now: () => number = Date.now): RefusalPolicy {
  const budget = createLineBudget({ linesPerWindow: limits.logLinesPerMinute ?? 10, windowMs: 60_000, now });
  const keep = limits.keepRecords ?? 10_000;
  let sincePrune = 0;
  return {
    log(logger, fields) {
      const { allowed, heldBack } = budget.take();
      if (!allowed) return;
      logger.warn('notification refused', heldBack ? { ...fields, refusalsNotLogged: heldBack } : fields);
    },
    async recorded(q) {
      if (++sincePrune < PRUNE_EVERY) return;
      sincePrune = 0;
      await pruneUnauthenticated(q, keep);
    },
  };
}
