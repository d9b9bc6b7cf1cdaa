import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteWorkerDb, type PgliteWorkerDb } from './pglite-worker-db';
import { PREPARED_STATEMENTS_KEPT } from './pglite-prepared';

describe('PGlite on its worker thread', () => {
  // One store for the file: opening PGlite is the slow part.
  let db!: PgliteWorkerDb;
  beforeAll(async () => {
    db = await openPgliteWorkerDb();
  }, 90_000);
  afterAll(() => db.close());

  it('brings PostgreSQL errors across the thread with their code, constraint and detail', async () => {
    await db.exec('CREATE TABLE once (id int PRIMARY KEY)');
    await db.query('INSERT INTO once VALUES ($1)', [1]);
    const err = await db.query('INSERT INTO once VALUES ($1)', [1]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({
      code: '23505',
      constraint: 'once_pkey',
      message: expect.stringContaining('duplicate key'),
    });
    expect((err as { detail: string }).detail).toContain('(id)=(1)');
  });

  it('keeps a transaction interactive and whole: other queries wait for its commit, a throw rolls it back', async () => {
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, note text)');
    let outsideSaw: number | null = null;
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1, $1)', ['first']);
      // Asked outside the transaction while it is open: answered only after the commit, never in between.
      const outside = db!
        .query<{ n: number }>('SELECT count(*)::int AS n FROM t')
        .then((r) => (outsideSaw = r.rows[0]!.n));
      const inside = await tx.query<{ note: string }>('SELECT note FROM t WHERE id = 1');
      expect(inside.rows[0]!.note).toBe('first');
      await tx.query('INSERT INTO t VALUES (2, $1)', ['second']);
      expect(outsideSaw).toBeNull();
      void outside;
    });
    await expect.poll(() => outsideSaw).toBe(2);

    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (3, $1)', ['gone']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await db.query('SELECT id FROM t ORDER BY id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('delivers NOTIFY payloads to every listener after the commit, and stops after unlisten', async () => {
    const got: string[] = [];
    const unlisten = await db.listen('desk_test', (p) => got.push(`a:${p}`));
    await db.listen('desk_test', (p) => got.push(`b:${p}`));
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_notify('desk_test', 'one')`);
    });
    await expect.poll(() => got).toEqual(['a:one', 'b:one']);
    await unlisten();
    await db.query(`SELECT pg_notify('desk_test', 'two')`);
    await expect.poll(() => got).toEqual(['a:one', 'b:one', 'b:two']);
  });

  it('reads int8 as numbers and dates as Dates, as on one thread', async () => {
    const r = await db.query<{ n: number; at: Date }>(
      `SELECT 9007199254740991::int8 AS n, timestamptz '2026-01-02T03:04:05Z' AS at`,
    );
    expect(r.rows[0]!.n).toBe(9007199254740991);
    expect(r.rows[0]!.at.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  // Statements are prepared once per text (pglite-prepared.ts): a kept one must follow the schema, and many texts
  // must not exhaust anything.
  it('answers a kept statement with the columns a later migration added, in and out of a transaction', async () => {
    await db.exec('CREATE TABLE grows (id int PRIMARY KEY)');
    await db.query('INSERT INTO grows VALUES ($1)', [1]);
    expect((await db.query('SELECT * FROM grows WHERE id = $1', [1])).rows).toEqual([{ id: 1 }]);
    await db.exec(`ALTER TABLE grows ADD COLUMN note text NOT NULL DEFAULT 'added'`);
    expect((await db.query('SELECT * FROM grows WHERE id = $1', [1])).rows).toEqual([{ id: 1, note: 'added' }]);
    await db.exec(`ALTER TABLE grows ADD COLUMN more int NOT NULL DEFAULT 7`);
    // Inside a transaction the refused run aborts it: the caller sees the error once, the next run is right.
    const inTx = await db
      .transaction((tx) => tx.query('SELECT * FROM grows WHERE id = $1', [1]))
      .catch((err: unknown) => err);
    if (inTx instanceof Error) expect(inTx.message).toContain('cached plan must not change result type');
    expect((await db.query('SELECT * FROM grows WHERE id = $1', [1])).rows).toEqual([
      { id: 1, note: 'added', more: 7 },
    ]);
  });

  it('answers right past the number of statements kept prepared, and a statement that failed to parse says why', async () => {
    const texts = PREPARED_STATEMENTS_KEPT + 20;
    for (let i = 0; i < texts; i++) {
      const r = await db.query<{ n: number; tag: string }>(`SELECT $1::int + ${i} AS n, 'text ${i}' AS tag`, [1]);
      expect(r.rows).toEqual([{ n: 1 + i, tag: `text ${i}` }]);
    }
    // The first texts were dropped and closed; asked again they are prepared anew.
    expect((await db.query<{ n: number }>(`SELECT $1::int + 0 AS n, 'text 0' AS tag`, [5])).rows[0]!.n).toBe(5);
    await expect(db.query('SELEC 1')).rejects.toMatchObject({
      code: '42601',
      message: expect.stringContaining('syntax'),
    });
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  // A profile switch closes the store while a follow-up may hold a transaction open waiting for Praxis: the close
  // must not wait for it (PGlite's close waits for open transactions), and the late owner gets a clear error.
  it('closes at once while transactions are open or waiting: they are rolled back and their owners told the store is closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pglite-close-in-tx-'));
    const s = await openPgliteWorkerDb(dir);
    await s.exec('CREATE TABLE kept (id int PRIMARY KEY)');
    let insideTx = false;
    let backFromPraxis!: () => void;
    const praxisAnswer = new Promise<void>((resolve) => (backFromPraxis = resolve));
    const owner = s.transaction(async (tx) => {
      await tx.query('INSERT INTO kept VALUES (1)');
      insideTx = true;
      await praxisAnswer;
      await tx.query('INSERT INTO kept VALUES (2)');
    });
    await expect.poll(() => insideTx).toBe(true);
    // A second transaction asked for meanwhile waits for its turn, which comes only during the close.
    // Its refusal is taken at once: it comes during the close, before the assertions below are reached.
    const waiting = s.transaction((tx) => tx.query('INSERT INTO kept VALUES (3)')).catch((err: unknown) => err);
    await s.close();
    backFromPraxis();
    await expect(owner).rejects.toThrow('The work store is closed.');
    expect(await waiting).toMatchObject({ message: 'The work store is closed.' });
    // Nothing of the rolled-back transaction was kept.
    const again = await openPgliteWorkerDb(dir);
    expect((await again.query('SELECT id FROM kept')).rows).toEqual([]);
    await again.close();
    await rm(dir, { recursive: true, force: true });
  }, 90_000);

  it('answers a clear error once closed', async () => {
    const closed = await openPgliteWorkerDb();
    await closed.close();
    await expect(closed.query('SELECT 1')).rejects.toThrow('The work store is closed.');
  }, 90_000);
});
