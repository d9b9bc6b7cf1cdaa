import { DeskError } from '../../shared/errors';
import type { WorkStore } from '../store/work-store';
import type { CommandHandlers } from './dispatch';

type AuditChannel = Extract<keyof CommandHandlers, `audit:${string}`>;

/** The active profile's store, held for the length of one command (a profile switch waits for it). */
export type WithAuditStore = <T>(fn: (ws: { store: WorkStore }) => Promise<T>) => Promise<T>;

/** The command table for the Audit screen: list, export and verify the active profile's audit log. */
export function createAuditHandlers(withWorkspace: WithAuditStore | null): Pick<CommandHandlers, AuditChannel> {
  const on: WithAuditStore = (fn) => {
    if (!withWorkspace)
      throw new DeskError(
        'STORE',
        'This desk runs without a work store, so there is no audit log. Start it with a store (the default).',
      );
    return withWorkspace(fn);
  };
  return {
    'audit:list': ({ filter, beforeSeq, limit }) => on(({ store }) => store.audit.page(filter, { beforeSeq, limit })),
    'audit:export': ({ filter }) => on(({ store }) => store.audit.exportCsv(filter)),
    'audit:verify': () => on(({ store }) => store.audit.check()),
  };
}
