import { createLineBudget } from '../log-budget';
import type { LogFields, Logger } from '../log';
import type { Db } from '../store/db';
import { pruneUnauthenticated } from '../store/notifications-repo';

/** How an intake logs and keeps the refusals (and replays) anyone on the network can cause. */
export interface RefusalPolicy {
  /** One budget for every such line, whatever it says: a flood of one kind cannot make room for another. */
  log(logger: Logger, fields: LogFields, message?: string): void;
  /** Called after each bounded record is stored; now and then trims the oldest beyond the cap. */
  recorded(db: Db): Promise<void>;
}

export interface RefusalLimits {
  /** Refusal log lines per minute; the next line allowed says how many were held back. */
  logLinesPerMinute?: number;
  /** Bounded records of refused and replayed messages kept; older ones are deleted. */
  keepRecords?: number;
  /** Records stored between two trims (each trim is one DELETE). */
  pruneEvery?: number;
}

export function createRefusalPolicy(limits: RefusalLimits = {}, now: () => number = Date.now): RefusalPolicy {
  const budget = createLineBudget({ linesPerWindow: limits.logLinesPerMinute ?? 10, windowMs: 60_000, now });
  const keep = limits.keepRecords ?? 10_000;
  const pruneEvery = limits.pruneEvery ?? 100;
  let sincePrune = 0;
  return {
    log(logger, fields, message = 'notification refused') {
      const { allowed, heldBack } = budget.take();
      if (!allowed) return;
      logger.warn(message, heldBack ? { ...fields, refusalsNotLogged: heldBack } : fields);
    },
    async recorded(db) {
      if (++sincePrune < pruneEvery) return;
      sincePrune = 0;
      await pruneUnauthenticated(db, keep);
      // PGlite is one process, with no autovacuum: without this the trimmed rows' room is never reused, and a flood
      // of refusals grows the store without end. (A PostgreSQL server's autovacuum does it there.)
      if (db.kind === 'pglite') await db.query('VACUUM notifications');
    },
  };
}
