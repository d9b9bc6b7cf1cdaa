import type { WorkStore } from '../store/work-store';
import type { CommandHandlers } from './dispatch';
import { workspaceOrRefuse } from './workspace-or-refuse';

type AuditChannel = Extract<keyof CommandHandlers, `audit:${string}`>;

/** The active profile's store, held for the length of one command (a profile switch waits for it). */
export type WithAuditStore = <T>(fn: (ws: { store: WorkStore }) => Promise<T>) => Promise<T>;

/** The command table for the Audit screen: list, export and verify the active profile's audit log. */
export function createAuditHandlers(withWorkspace: WithAuditStore | null): Pick<CommandHandlers, AuditChannel> {
  const on = workspaceOrRefuse(withWorkspace, 'there is no audit log');
  return {
    'audit:list': ({ filter, beforeSeq, limit }) => on(({ store }) => store.audit.page(filter, { beforeSeq, limit })),
    'audit:export': ({ filter }) => on(({ store }) => store.audit.exportCsv(filter)),
    'audit:verify': () => on(({ store }) => store.audit.check()),
  };
}
