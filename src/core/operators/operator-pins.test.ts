import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../store/migrations';
import { openPgliteDb } from '../store/pglite-db';
import { openStore, type WorkStore } from '../store/work-store';
import { attemptPin } from './pin-attempts';

let dir: string | null = null;
let store: WorkStore | null = null;
afterEach(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  store = dir = null;
});

describe('a store from before PINs moved out of settings (migration 11)', () => {
  it('keeps every operator’s PIN and lockout, and settings hold neither afterwards', async () => {
    dir = await mkdtemp(join(tmpdir(), 'praxis-pins-'));
    const before = await openPgliteDb(dir);
    await runMigrations(
      before,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    // The records as migration 10's desk wrote them: the hash beside the name and role, counters as settings.
    const salt = randomBytes(16);
    const params = { N: 16_384, r: 8, p: 1 };
    const hash = scryptSync('2468', salt, 32, { ...params, maxmem: 64 * 1024 * 1024 });
    const record = (name: string, role: string) => ({
      name,
      role,
      createdAt: '2026-11-01T09:00:00.000Z',
      pinSalt: salt.toString('base64'),
      pinHash: hash.toString('base64'),
      scrypt: params,
    });
    await before.query(`INSERT INTO settings (key, value) VALUES ($1, $2), ($3, $4), ($5, $6)`, [
      'operator:mia',
      JSON.stringify(record('Mia', 'manager')),
      'operator:bo',
      JSON.stringify(record('Bo', 'backoffice')),
      'pin-attempts:bo',
      JSON.stringify({ failures: 5, lockedUntil: new Date(Date.now() + 600_000).toISOString() }),
    ]);
    await before.close();

    store = await openStore({ kind: 'pglite', dir });
    expect(await attemptPin(store, 'mia', '2468')).toEqual({ ok: true, name: 'Mia', role: 'manager' });
    expect(await attemptPin(store, 'Mia', '1111')).toMatchObject({ ok: false, reason: 'wrong_pin', triesLeft: 4 });
    expect(await attemptPin(store, 'Bo', '2468')).toMatchObject({ ok: false, reason: 'locked' });
    const left = await store.db.query<{ key: string; value: Record<string, unknown> }>(
      `SELECT key, value FROM settings ORDER BY key`,
    );
    expect(left.rows).toEqual([
      { key: 'operator:bo', value: { name: 'Bo', role: 'backoffice', createdAt: '2026-11-01T09:00:00.000Z' } },
      { key: 'operator:mia', value: { name: 'Mia', role: 'manager', createdAt: '2026-11-01T09:00:00.000Z' } },
    ]);
  });
});
