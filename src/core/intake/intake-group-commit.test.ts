import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { createMemoryLogger } from '../log';
import { verifyAckSignature } from '../praxis/webhooks';
import { notificationBody, signNotification } from '../../../test/support/notifications';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../test/support/postgres';
import { openStore, type StoreLocation, type WorkStore } from '../store/work-store';
import type { GroupCommitOptions } from '../store/group-commit';
import { createIntake, NOTIFICATION_PATH, type Intake } from './intake-server';

const merchant = {
  merchantId: SANDBOX_SAMPLE.merchantId,
  applicationKey: SANDBOX_SAMPLE.applicationKey,
  secret: async () => SANDBOX_SAMPLE.secret,
};

interface Answered {
  http: number;
  status: number;
  signed: boolean;
}

/** A new folder under the system's temporary one, removed (with what is made inside it) after the tests. */
const madeDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'desk-group-'));
  dirs.push(dir);
  return dir;
};

/** A migrated PGlite folder made once per file and copied for each test: initdb is the slow part of opening one. */
let templateDir: Promise<string> | null = null;
const pgliteCopy = async (): Promise<StoreLocation> => {
  templateDir ??= (async () => {
    const dir = join(await madeDir(), 'template');
    await (await openStore({ kind: 'pglite', dir })).close();
    return dir;
  })();
  const dir = join(await madeDir(), 'store');
  await cp(await templateDir, dir, { recursive: true });
  return { kind: 'pglite', dir };
};

/** Stores that can be opened again after the intake's store was closed: a PGlite folder, a PostgreSQL database. */
const stores: { name: string; skipReason: string | null; location: () => Promise<StoreLocation> }[] = [
  { name: 'a PGlite folder (on its worker)', skipReason: null, location: pgliteCopy },
  {
    name: 'PostgreSQL',
    skipReason: postgresUnavailableReason(),
    location: async () => ({
      kind: 'postgres',
      url: await (server ??= await startPostgres()).createDatabase(`group_${process.pid}_${++n}`),
    }),
  },
];
let server: TestPostgres | null = null;
let n = 0;
const dirs: string[] = [];

for (const backend of stores) {
  describe.skipIf(backend.skipReason !== null)(`group commit of notifications on ${backend.name}`, () => {
    let location: StoreLocation;
    let store: WorkStore;
    let intake: Intake;
    let url: string;
    let commits: number[];
    // The first store of the backend (initdb, migrations) is made before the tests, under the hook's longer timeout.
    beforeAll(async () => void (await backend.location()));

    const start = async (groupCommit: GroupCommitOptions) => {
      location = await backend.location();
      store = await openStore(location);
      commits = [];
      const onCommit = (size: number) => void commits.push(size);
      intake = createIntake({
        store,
        merchant,
        logger: createMemoryLogger(),
        groupCommit: { ...groupCommit, onCommit },
      });
      url = (await intake.listen({ port: 0 })) + NOTIFICATION_PATH;
    };
    const postRaw = async (raw: string, signature: string): Promise<Answered> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'gt-authentication': signature },
        body: raw,
      });
      const text = await res.text();
      return {
        http: res.status,
        status: (JSON.parse(text) as { status: number }).status,
        signed: verifyAckSignature(text, SANDBOX_SAMPLE.secret, res.headers.get('gt-authentication')),
      };
    };
    const post = (body: unknown) => postRaw(JSON.stringify(body), signNotification(body));
    const claimedTids = async (s: WorkStore) =>
      (await s.db.query<{ tid: number }>('SELECT tid FROM unconfirmed_changes ORDER BY tid')).rows.map((r) =>
        Number(r.tid),
      );
    /** Each request's answer, or 'waiting' while none has come. */
    const track = (p: Promise<Answered>) => {
      const seen: { answer: Answered | 'waiting' } = { answer: 'waiting' };
      void p.then((a) => (seen.answer = a));
      return seen;
    };
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    afterEach(async () => {
      await intake?.close();
      await store?.close().catch(() => undefined);
    });
    afterAll(async () => {
      await server?.stop();
      server = null;
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    });

    it('answers messages arriving together only once their one shared transaction has committed', async () => {
      await start({ windowMs: 600, maxBatch: 64 });
      const sends = [5001, 5002, 5003, 5004].map((tid) => post(notificationBody({ tid, status: 'requested' })));
      const seen = sends.map(track);
      await pause(200);
      // Inside the batching window: nothing is stored yet, so nothing is acknowledged.
      expect(seen.map((s) => s.answer)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
      expect(await claimedTids(store)).toEqual([]);
      for (const r of await Promise.all(sends)) expect(r).toEqual({ http: 200, status: 0, signed: true });
      expect(await claimedTids(store)).toEqual([5001, 5002, 5003, 5004]);
      expect(commits).toEqual([4]);
    });

    it('acknowledges none of a batch when the store goes away before it commits, and none is stored', async () => {
      await start({ windowMs: 600, maxBatch: 64 });
      const sends = [5101, 5102, 5103].map((tid) => post(notificationBody({ tid, status: 'requested' })));
      await pause(200);
      await store.close();
      // Praxis is asked to send each again (-1), never told it was stored.
      for (const r of await Promise.all(sends)) expect(r).toMatchObject({ http: 503, status: -1, signed: true });
      expect(commits).toEqual([]);
      const reopened = await openStore(location);
      try {
        expect(await claimedTids(reopened)).toEqual([]);
        expect((await reopened.countNotificationsByVerdict()).accepted).toBeUndefined();
      } finally {
        await reopened.close();
      }
    });

    it('stores and acknowledges the good messages of a batch that one unstorable message made fail', async () => {
      await start({ windowMs: 2_000, maxBatch: 5 });
      // Signed and well-formed, but refused by a rule of the store's that the schema does not know (the schema now
      // refuses what PostgreSQL cannot hold, such as a NUL character): this one statement fails.
      await store.db.query(`ALTER TABLE notifications ADD CONSTRAINT refuses_5205 CHECK (tid IS DISTINCT FROM 5205)`);
      try {
        const unstorable = notificationBody({ tid: 5205, status: 'requested' });
        const good = [5201, 5202, 5203, 5204].map((tid) => post(notificationBody({ tid, status: 'requested' })));
        const [bad, ...answers] = await Promise.all([post(unstorable), ...good]);
        for (const r of answers) expect(r).toEqual({ http: 200, status: 0, signed: true });
        expect(bad).toMatchObject({ http: 503, status: -1 });
        expect(await claimedTids(store)).toEqual([5201, 5202, 5203, 5204]);
        // The batch of five rolled back; the four were then committed one by one.
        expect(commits).toEqual([1, 1, 1, 1]);
      } finally {
        await store.db.query(`ALTER TABLE notifications DROP CONSTRAINT refuses_5205`);
      }
    });

    it('stores copies of one message arriving in one batch once, and answers each as accepted', async () => {
      await start({ windowMs: 2_000, maxBatch: 3 });
      const body = notificationBody({ tid: 5301, status: 'requested' });
      const answers = await Promise.all([post(body), post(body), post(body)]);
      for (const r of answers) expect(r).toEqual({ http: 200, status: 0, signed: true });
      expect(commits).toEqual([3]);
      expect(await claimedTids(store)).toEqual([5301]);
      expect(await store.countNotificationsByVerdict()).toEqual({ accepted: 1, duplicate: 2 });
    });
  });
}
