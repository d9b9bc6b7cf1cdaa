import { DeskError } from '../../shared/errors';
import type { Db, DbSession } from './db';
import type { ItemKind } from './journal';

/**
 * The first key of every claim's two-key advisory lock ("PXDC"); the migration and audit locks use the one-key
 * form, which PostgreSQL keeps apart (objsubid 1, not 2).
 */
export const CLAIM_LOCK_SPACE = 1_347_961_923;

/** The claim's second key: a hash of `<kind>:<id>`, the same expression in a lock call and in pg_locks. */
const claimKeySql = (kindAndId: string) => `hashtext(${kindAndId})`;

/** Whether a live session of this database holds the claim of journal entry alias `j` (a PostgreSQL server). */
export const sessionClaimHeldSql = (j: string) =>
  `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
     AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
     AND l.classid = ${CLAIM_LOCK_SPACE}::oid AND l.objid = ${claimKeySql(`${j}.item_kind || ':' || ${j}.item_id`)}::oid)`;

/** Gives a claim back; safe to call once whatever happened to the session meanwhile. */
export type ReleaseClaim = () => Promise<void>;

/**
 * "In progress by <name>" on every desk: the one desk acting on an item holds its claim. On a PostgreSQL server the
 * claim is an advisory lock on this desk's own claims session, so a desk that dies (or whose session is
 * terminated) leaves no claim behind; on PGlite (one desk) the journal's `sending` entry and its lease stand for it.
 */
export interface ItemClaims {
  /** True when claims live on a database session (PostgreSQL); the journal entry records it. */
  readonly bySession: boolean;
  /** Takes the item's claim, or null when another desk holds it. */
  take(kind: ItemKind, id: string): Promise<ReleaseClaim | null>;
  close(): Promise<void>;
}

const noRelease: ReleaseClaim = async () => undefined;

export function createItemClaims(db: Db): ItemClaims {
  const openSession = db.openSession?.bind(db);
  if (!openSession) return { bySession: false, take: async () => noRelease, close: async () => undefined };

  let session: Promise<DbSession> | null = null;
  // Claims this desk holds (or is taking) on the current session, with how many of its actions share each: a second
  // action here on the same item shares the claim (the journal refuses it), and the lock goes when the last one ends.
  let held = new Map<string, { count: number; taken: Promise<boolean> }>();
  let closed = false;

  const current = (): Promise<DbSession> => {
    if (closed) return Promise.reject(new DeskError('STORE', 'The work store is closed; nothing was sent.'));
    if (!session) {
      const opening = openSession().then((s) => {
        // The server dropped every lock of the session with it: the claims are gone, the next take reconnects.
        s.onLost(() => {
          if (session === opening) session = null;
          held = new Map();
        });
        return s;
      });
      opening.catch(() => {
        if (session === opening) session = null;
      });
      session = opening;
    }
    return session;
  };

  return {
    bySession: true,
    async take(kind, id) {
      const key = `${kind}:${id}`;
      let s: DbSession;
      try {
        s = await current();
      } catch (err) {
        if (err instanceof DeskError) throw err;
        throw new DeskError('STORE', `Could not reach the work store to claim ${id}; nothing was sent. ${String(err)}`);
      }
      const mine = held;
      let claim = mine.get(key);
      if (!claim) {
        const taken = s
          .query<{ ok: boolean }>(
            `SELECT pg_try_advisory_lock(${CLAIM_LOCK_SPACE}, ${claimKeySql('$1::text')}) AS ok`,
            [key],
          )
          .then((r) => r.rows[0]?.ok === true);
        claim = { count: 0, taken };
        mine.set(key, claim);
      }
      const c = claim;
      c.count++;
      const drop = () => {
        c.count--;
        if (c.count === 0 && mine.get(key) === c) mine.delete(key);
      };
      let ok: boolean;
      try {
        ok = await c.taken;
      } catch (err) {
        drop();
        throw new DeskError('STORE', `Could not claim ${id} in the work store; nothing was sent. ${String(err)}`);
      }
      if (!ok) {
        if (mine.get(key) === c) mine.delete(key);
        c.count--;
        return null;
      }
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        drop();
        // The last sharer unlocks; a lost session already released it on the server.
        if (c.count > 0 || mine !== held) return;
        await s
          .query(`SELECT pg_advisory_unlock(${CLAIM_LOCK_SPACE}, ${claimKeySql('$1::text')})`, [key])
          .catch(() => undefined);
      };
    },
    async close() {
      closed = true;
      const s = session;
      session = null;
      held = new Map();
      if (s) await (await s.catch(() => null))?.end();
    },
  };
}
