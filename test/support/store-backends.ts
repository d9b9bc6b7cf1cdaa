import { tamperAsDatabaseOwner } from './tamper';
/** Runs a suite on both stores the desk supports: PGlite (in memory) and a real PostgreSQL server started here. */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { openStore, type WorkStore } from '../../src/core/store/work-store';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from './postgres';

export interface StoreBackend {
  name: 'pglite' | 'postgres';
  /** Why the backend cannot run here, or null. */
  skipReason: string | null;
  /** Opens a fresh, empty store (a new database on the server). */
  open(): Promise<WorkStore>;
  /** A second connection to the same store as the last `open()` (PostgreSQL only: a second desk). */
  openSecondDesk(): Promise<WorkStore>;
  stop(): Promise<void>;
}

let dbCounter = 0;

export function storeBackends(): StoreBackend[] {
  let server: TestPostgres | null = null;
  let lastUrl: string | null = null;
  const pgSkip = postgresUnavailableReason();
  if (pgSkip) console.warn(pgSkip);
  return [
    {
      name: 'pglite',
      skipReason: null,
      open: () => openStore({ kind: 'memory' }),
      openSecondDesk: () => Promise.reject(new Error('PGlite is one desk: there is no second connection')),
      stop: async () => undefined,
    },
    {
      name: 'postgres',
      skipReason: pgSkip,
      async open() {
        server ??= await startPostgres();
        lastUrl = await server.createDatabase(`desk_${process.pid}_${++dbCounter}`);
        return openStore({ kind: 'postgres', url: lastUrl });
      },
      openSecondDesk() {
        if (!lastUrl) throw new Error('open() first');
        return openStore({ kind: 'postgres', url: lastUrl });
      },
      async stop() {
        await server?.stop();
        server = null;
      },
    },
  ];
}

/** Empties every work table between tests (the schema and its migrations stay). */
export async function emptyStore(store: WorkStore): Promise<void> {
  // Emptied as the database owner: the audit log's own trigger refuses a TRUNCATE from anyone else.
  await tamperAsDatabaseOwner(
    store.db,
    'TRUNCATE transactions, customers, sessions, notifications, unconfirmed_changes, action_journal, audit_log, settings, hold_expiry_notices, operator_pins, pin_attempts, transaction_amounts_seen RESTART IDENTITY CASCADE',
  );
}

/**
 * Call inside a describe: opens a store on `backend` before the block, empties it before each test, closes it (and
 * the backend) after. Answers a getter for the store.
 */
export function storeUnderTest(backend: StoreBackend): () => WorkStore {
  let store: WorkStore | undefined;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store?.close();
    await backend.stop();
  });
  beforeEach(async () => emptyStore(store!));
  return () => store!;
}

/** What a queue rig must offer to be run on each store: its store, its simulator's faults and a close. */
export interface StoreRig {
  store: WorkStore;
  sim: { clearFaults(): void };
  close(): Promise<void>;
}

/**
 * Registers one `describe` per store backend (skipped where it cannot run) whose rig is started on that backend
 * before the suite and closed after it, with the simulator's faults cleared and the store emptied before each test.
 * The suite gets a getter for the rig, and the backend (e.g. to open a second desk on it).
 */
export function describeOnEachStore<R extends StoreRig>(
  title: string,
  start: (openStore: () => Promise<WorkStore>) => Promise<R>,
  suite: (rig: () => R, backend: StoreBackend) => void,
): void {
  for (const backend of storeBackends()) {
    describe.skipIf(backend.skipReason !== null)(`${title} on ${backend.name}`, () => {
      let rig: R | undefined;
      beforeAll(async () => {
        rig = await start(() => backend.open());
      }, 60_000);
      afterAll(async () => {
        await rig?.close();
        await backend.stop();
      });
      beforeEach(async () => {
        rig!.sim.clearFaults();
        await emptyStore(rig!.store);
      });
      suite(() => rig!, backend);
    });
  }
}
