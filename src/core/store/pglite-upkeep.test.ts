import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type WorkStore } from './work-store';
import { pgliteUpkeep } from './pglite-upkeep';

// A desk left running: the same rows updated again and again, as notifications and journal steps do. The updated
// column is indexed, as a status or a journal state is: such an update leaves a dead row that only a vacuum frees
// (one that touches no index is pruned in its page).
let store: WorkStore;
beforeEach(async () => {
  store = await openStore({ kind: 'memory' });
  await store.db.exec(`CREATE TABLE upkeep_probe (id int PRIMARY KEY, v int NOT NULL);
    CREATE INDEX upkeep_probe_v ON upkeep_probe (v);
    INSERT INTO upkeep_probe SELECT g, 0 FROM generate_series(1, 400) g;`);
});
afterEach(() => store.close());

const tableBytes = async (table: string) =>
  Number((await store.db.query<{ bytes: string }>(`SELECT pg_table_size($1) AS bytes`, [table])).rows[0]!.bytes);

async function updateRows(rounds: number) {
  for (let round = 0; round < rounds; round++) await store.db.query('UPDATE upkeep_probe SET v = v + 1');
}

describe('PGlite upkeep', () => {
  it('vacuums a table whose updates left dead rows, so the next updates reuse their room instead of growing it', async () => {
    await updateRows(20);
    const first = await pgliteUpkeep(store.db);
    expect(first.vacuumed).toContain('upkeep_probe');
    const settled = await tableBytes('upkeep_probe');

    for (let day = 0; day < 4; day++) {
      await updateRows(20);
      await pgliteUpkeep(store.db);
    }
    expect(await tableBytes('upkeep_probe')).toBeLessThanOrEqual(settled * 1.2);
  });

  it('leaves tables alone while few of their rows are dead, and does nothing twice', async () => {
    await updateRows(20);
    await pgliteUpkeep(store.db);
    expect(await pgliteUpkeep(store.db)).toEqual({ vacuumed: [], analyzed: [] });
  });
});
