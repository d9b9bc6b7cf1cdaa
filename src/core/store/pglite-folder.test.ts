import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotificationSchema } from '../praxis/schemas';
import { notificationBody } from '../../../test/support/notifications';
import { MIGRATIONS } from './migrations';
import { defaultStoreLocation, describeStoreLocation, openStore, parseStoreLocation } from './work-store';

describe('the one-desk PGlite store in the data folder', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('is created once, keeps its rows across a reopen, and runs with small shared_buffers', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'desk-data-'));
    const location = defaultStoreLocation(dataDir);
    const first = await openStore(location);
    await first.ingest(NotificationSchema.parse(notificationBody({ tid: 77, status: 'requested' })), {
      observedAt: new Date(),
      source: 'notification',
    });
    await first.close();

    const again = await openStore(location);
    try {
      expect((await again.pendingWithdrawals()).map((p) => p.tid)).toEqual([77]);
      const setting = async (name: string) =>
        (await again.db.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name];
      expect(await setting('shared_buffers')).toBe('8MB');
      expect(await setting('max_connections')).toBe('10');
      expect((await again.db.query('SELECT version FROM schema_migrations')).rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await again.close();
    }
    // A first open runs initdb (in a worker of its own) and a second open: slow on a loaded machine.
  }, 120_000);

  it('reads a store argument as a server URL or a folder, and never prints a password', () => {
    expect(parseStoreLocation('postgres://desk@db.example:5432/praxis')).toEqual({
      kind: 'postgres',
      url: 'postgres://desk@db.example:5432/praxis',
    });
    expect(parseStoreLocation('/var/lib/desk/store')).toEqual({ kind: 'pglite', dir: '/var/lib/desk/store' });
    expect(describeStoreLocation({ kind: 'postgres', url: 'postgres://desk:hunter2@db.example/praxis' })).not.toContain(
      'hunter2',
    );
  });

  it('says where and what to do when a server cannot be reached', async () => {
    await expect(
      openStore({ kind: 'postgres', url: 'postgres://desk@127.0.0.1:1/praxis', password: 'pw-not-shown' }),
    ).rejects.toMatchObject({
      code: 'STORE',
      message: expect.stringMatching(
        /Could not open the work store \(PostgreSQL postgres:\/\/desk@127\.0\.0\.1:1\/praxis\).*server is running/,
      ),
    });
  });
});
