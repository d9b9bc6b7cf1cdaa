/**
 * Store work of several statements run where the data is: on the store worker's thread for the desk's PGlite (one
 * message there and back, and no transaction holds PGlite while a message crosses threads), on the caller's
 * connection elsewhere. During a bulk approve, the transaction of an answer's ingest held PGlite across four such
 * crossings while every other item's statements waited. Arguments and answers must survive structured clone.
 */
import type { Db } from './db';
import { beginAction, journalForChecks, sentSince, type BegunEntry, type Notice } from './journal';
import { getTransaction } from './queue-queries';
import { ingestSnapshot, type PraxisSnapshot, type SnapshotOrigin } from './snapshots';

/** The store as a procedure sees it, on whichever thread it runs. */
export type ProcedureDb = Pick<Db, 'kind' | 'query' | 'exec' | 'transaction'>;

export const storeProcedures = {
  /** Stores what Praxis said about an item, in one transaction (snapshots.ts). */
  ingest: (db: ProcedureDb, snap: PraxisSnapshot, origin: SnapshotOrigin) =>
    db.transaction((tx) => ingestSnapshot(tx, snap, origin)),

  /**
   * Begins a journal entry (committed on its own, before anything is sent); given `seenJournalId` (the item's newest
   * entry when the action's checks read it: JournaledAction.seenJournalId), then reads the first entry sent since.
   */
  async beginAction(
    db: ProcedureDb,
    intent: Parameters<typeof beginAction>[1],
    notice: Notice | undefined,
    seenJournalId: number | undefined,
  ): Promise<BegunEntry> {
    const entry = await beginAction(db, intent, notice);
    if (seenJournalId === undefined) return entry;
    return { ...entry, sentSince: await sentSince(db, intent.itemKind, intent.itemId, seenJournalId, entry.id) };
  },

  /**
   * What an action on a stored transaction checks, journal first (journalForChecks: its unresolved entry and newest
   * id), then the transaction: anything sent after the transaction's read is newer than the id remembered.
   */
  async transactionForChecks(db: ProcedureDb, tid: number) {
    const journal = await journalForChecks(db, 'transaction', String(tid));
    return { journal, tx: await getTransaction(db, tid) };
  },
};

type Procedures = typeof storeProcedures;
export type StoreProcedureName = keyof Procedures;
type ArgsOf<K extends StoreProcedureName> = Procedures[K] extends (db: ProcedureDb, ...args: infer A) => unknown
  ? A
  : never;
type AnswerOf<K extends StoreProcedureName> = ReturnType<Procedures[K]>;

/** Runs the named procedure in the store's own thread where it has one, else on `db` itself. */
export function runProcedure<K extends StoreProcedureName>(db: Db, name: K, ...args: ArgsOf<K>): AnswerOf<K> {
  if (db.procedure) return db.procedure(name, args) as AnswerOf<K>;
  const procedure = storeProcedures[name] as unknown as (db: ProcedureDb, ...a: ArgsOf<K>) => AnswerOf<K>;
  return procedure(db, ...args);
}

/** Runs the procedure `name` sent from another thread, on `db` (the worker's side of Db.procedure). */
export function runSentProcedure(db: ProcedureDb, name: string, args: readonly unknown[]): Promise<unknown> {
  if (!Object.hasOwn(storeProcedures, name)) return Promise.reject(new Error(`No store procedure is called ${name}.`));
  const procedure = storeProcedures[name as StoreProcedureName] as (
    db: ProcedureDb,
    ...a: unknown[]
  ) => Promise<unknown>;
  return procedure(db, ...args);
}
