import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOperator } from '../../src/core/operators/operator-registry';
import { attemptPin } from '../../src/core/operators/pin-attempts';
import { openStore, type WorkStore } from '../../src/core/store/work-store';

// Sign-in is open to anyone with the page (and desk_pin_attempt to every desk login on a team server): every name
// tried gets a wrong-PIN counter, known or not, so a refusal never tells which part was wrong. Made-up names by the
// thousand must not grow that table without bound.
let dir: string;
let store: WorkStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sign-in-names-flood-'));
  store = await openStore({ kind: 'pglite', dir });
});
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

/** One try as the store counts it (the desk hashes first; the hash is beside the point here). */
const attempt = (name: string) => store.db.query(`SELECT desk_pin_attempt($1, 'not-a-hash')`, [name]);
const counters = async () =>
  Number((await store.db.query<{ n: string }>(`SELECT count(*) AS n FROM pin_attempts`)).rows[0]!.n);

describe('wrong-PIN counters for names nobody has', () => {
  it('stay bounded under a flood of made-up names; a real operator’s lockout outlives it', async () => {
    await addOperator(store, { name: 'Mia', pin: '2468', role: 'manager' }, 'test');
    for (let i = 0; i < 6; i++) await attemptPin(store, 'Mia', '1111');
    expect(await attemptPin(store, 'Mia', '2468')).toMatchObject({ ok: false, reason: 'locked' });

    for (let i = 0; i < 12_000; i++) await attempt(`made-up-${i}`);
    expect(await counters()).toBeLessThanOrEqual(10_500 + 1);
    // The real operator's count was not pushed out by the flood (however long the flood took).
    const mia = await store.db.query(`SELECT failures FROM pin_attempts WHERE operator_key = 'mia'`);
    expect(mia.rows).toEqual([{ failures: 5 }]);
    // A made-up name still locks like a real one after its free tries.
    for (let i = 0; i < 5; i++) await attempt('made-up-again');
    expect(await attemptPin(store, 'made-up-again', '1234')).toMatchObject({ ok: false, reason: 'locked' });
  });
});
