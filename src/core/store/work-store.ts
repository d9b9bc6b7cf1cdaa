import { join } from 'node:path';
import type { z } from 'zod';
import { DeskError } from '../../shared/errors';
import {
  appendAudit,
  listAudit,
  verifyAuditChain,
  type AuditEntry,
  type AuditInput,
  type AuditVerification,
} from '../audit/audit-log';
import type { AuditFilter } from '../../shared/audit';
import { auditHeadFileIn, keepAuditHead, readAuditHead } from '../audit/audit-head';
import { exportAuditCsv } from '../audit/audit-csv';
import { listAuditPage } from '../audit/audit-query';
import { verifyAudit } from '../audit/audit-verify';
import { subscribeChanges, type StoreChange } from './changes';
import type { Db } from './db';
import { createItemClaims } from './item-claims';
import {
  actionById,
  actionsFor,
  finishAction,
  inFlightAction,
  leaseHeld,
  entryStanding,
  recordLateAnswer,
  startSend,
  type beginAction,
  type Notice,
  unresolvedActions,
} from './journal';
import { runMigrations } from './migrations';
import { loginDeskRoles } from '../access/login-roles';
import type { Role } from '../../shared/access';
import { countNotificationsByVerdict, listNotifications } from './notifications-repo';
import { openPglite } from './open-pglite';
import type { PostgresConnection } from './postgres-db';
import { customerHistory, getTransaction, openAuthorizations, pendingWithdrawals } from './queue-queries';
import { getSetting, setSetting } from './settings-repo';
import type { IngestedItem, PraxisSnapshot, SnapshotOrigin } from './snapshots';
import { runProcedure } from './store-procedures';

export type StoreLocation =
  /** One desk: an embedded PGlite folder (created on first open). */
  | { kind: 'pglite'; dir: string }
  /** Tests and benchmarks: PGlite in memory. */
  | { kind: 'memory' }
  /** A team: a PostgreSQL server. */
  | ({ kind: 'postgres' } & PostgresConnection);

/** Where the desk keeps its store when nothing else is configured. */
export const defaultStoreLocation = (dataDir: string): StoreLocation => ({
  kind: 'pglite',
  dir: join(dataDir, 'store'),
});

/** `postgres://…` / `postgresql://…` is a server; anything else is a PGlite folder. */
export function parseStoreLocation(spec: string): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(spec)) return { kind: 'postgres', url: spec };
  if (spec === ':memory:') return { kind: 'memory' };
  return { kind: 'pglite', dir: spec };
}

/** A store location for messages: a server URL without its password. */
export function describeStoreLocation(loc: StoreLocation): string {
  if (loc.kind === 'pglite') return `PGlite folder ${loc.dir}`;
  if (loc.kind === 'memory') return 'PGlite in memory';
  try {
    const u = new URL(loc.url);
    u.password = '';
    return `PostgreSQL ${u.toString()}`;
  } catch {
    return 'PostgreSQL (unparseable URL)';
  }
}

export type WorkStore = ReturnType<typeof buildStore>;

/** `headFile`: where the audit chain's head is kept beside the store (a PGlite folder only). */
/** `loginRoles`: what the connected database login may do on a team store (login-roles.ts); null elsewhere. */
function buildStore(db: Db, headFile: string | null, loginRoles: readonly Role[] | null) {
  const listeners = new Set<(change: StoreChange) => void>();
  let unlisten: Promise<() => Promise<void>> | null = null;
  const claims = createItemClaims(db);
  return {
    db,
    kind: db.kind,
    loginRoles,
    /** Which desk is acting on an item right now (see item-claims.ts). */
    claims,
    /** Stores a Praxis snapshot (notification, lookup or action answer) in its own transaction. */
    ingest: (snap: PraxisSnapshot, origin: SnapshotOrigin): Promise<IngestedItem> =>
      runProcedure(db, 'ingest', snap, origin),
    getTransaction: (tid: number) => getTransaction(db, tid),
    /** A transaction with its journal as an action checks them, journal first (store-procedures.ts). */
    transactionForChecks: (tid: number) => runProcedure(db, 'transactionForChecks', tid),
    pendingWithdrawals: (limit?: number) => pendingWithdrawals(db, limit),
    openAuthorizations: (now?: Date, limit?: number) => openAuthorizations(db, now, limit),
    customerHistory: (who: Parameters<typeof customerHistory>[1], limit?: number) => customerHistory(db, who, limit),
    listNotifications: (opts?: Parameters<typeof listNotifications>[1]) => listNotifications(db, opts),
    countNotificationsByVerdict: () => countNotificationsByVerdict(db),
    journal: {
      /** Given `seenJournalId`, the entry also says which entry of the item was sent since (BegunEntry.sentSince). */
      begin: (intent: Parameters<typeof beginAction>[1], notice?: Notice, seenJournalId?: number) =>
        runProcedure(db, 'beginAction', intent, notice, seenJournalId),
      finish: (id: number, outcome: Parameters<typeof finishAction>[2], notice?: Notice) =>
        finishAction(db, id, outcome, notice),
      inFlight: (itemKind: Parameters<typeof inFlightAction>[1], itemId: string) =>
        inFlightAction(db, itemKind, itemId),
      unresolved: (leaseMs: number) => unresolvedActions(db, leaseMs),
      leaseHeld: (id: number, leaseMs: number) => leaseHeld(db, id, leaseMs),
      startSend: (id: number, leaseMs: number) => startSend(db, id, leaseMs),
      standing: (id: number, leaseMs: number) => entryStanding(db, id, leaseMs),
      recordLate: (id: number, late: Record<string, unknown>) => recordLateAnswer(db, id, late),
      byId: (id: number) => actionById(db, id),
      forItem: (itemKind: Parameters<typeof actionsFor>[1], itemId: string) => actionsFor(db, itemKind, itemId),
    },
    audit: {
      append: (input: AuditInput, now?: Date): Promise<AuditEntry> => appendAudit(db, input, now),
      verify: (): Promise<AuditVerification> => verifyAuditChain(db),
      list: (opts?: Parameters<typeof listAudit>[1]) => listAudit(db, opts),
      page: (filter: AuditFilter, page?: Parameters<typeof listAuditPage>[2]) => listAuditPage(db, filter, page),
      exportCsv: (filter: AuditFilter) => exportAuditCsv(db, filter),
      /** The chain and the head kept beside the store, with a message for a person. */
      check: async () => verifyAudit(db, headFile ? await readAuditHead(headFile) : undefined),
    },
    settings: {
      get: <S extends z.ZodType>(key: string, schema: S) => getSetting(db, key, schema),
      set: (key: string, value: unknown) => setSetting(db, key, value),
    },
    /** Committed queue changes, from this desk and (on PostgreSQL) every other desk on the server. */
    async onChange(cb: (change: StoreChange) => void): Promise<() => Promise<void>> {
      listeners.add(cb);
      unlisten ??= subscribeChanges(db, (change) => {
        for (const l of listeners) l(change);
      });
      await unlisten;
      return async () => {
        listeners.delete(cb);
      };
    },
    async close(): Promise<void> {
      if (unlisten) await (await unlisten)().catch(() => undefined);
      await claims.close();
      await db.close();
    },
  };
}

/** Opens the work store and brings its schema up to date. Failures say where and what to do, never a password. */
export async function openStore(location: StoreLocation): Promise<WorkStore> {
  let db: Db;
  try {
    db =
      location.kind === 'postgres'
        ? // Loaded when a team store is used: a desk on PGlite does not carry the PostgreSQL client.
          await (await import('./postgres-db')).openPostgresDb(location)
        : await openPglite(location.kind === 'pglite' ? location.dir : undefined);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const safe =
      location.kind === 'postgres' && location.password
        ? why
            .split(location.password)
            .join('[redacted]')
            .split(encodeURIComponent(location.password))
            .join('[redacted]')
        : why;
    // pg says "client password must be a string" when the server asks for a password and none was given.
    const askedForPassword = location.kind === 'postgres' && /password/i.test(safe);
    const todo = askedForPassword
      ? `The server wants ${location.password ? 'a different' : 'a'} password for this login: set the Database password in Settings › Profiles › Credentials (it is kept in the OS keychain).`
      : 'Check the location and that the server is running.';
    throw new DeskError(
      'STORE',
      `Could not open the work store (${describeStoreLocation(location)}): ${safe}. ${todo}`,
    );
  }
  try {
    await runMigrations(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw new DeskError(
      'STORE',
      `The work store (${describeStoreLocation(location)}) could not be brought up to date: ${err instanceof Error ? err.message : String(err)}.`,
    );
  }
  // One desk owns a PGlite folder, so the head beside it is exact; a shared server's head would race other desks.
  const headFile = location.kind === 'pglite' ? auditHeadFileIn(location.dir) : null;
  const loginRoles = db.kind === 'postgres' ? await loginDeskRoles(db) : null;
  return buildStore(headFile ? await keepAuditHead(db, headFile) : db, headFile, loginRoles);
}
