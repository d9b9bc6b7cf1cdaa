import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type WorkStore } from '../store/work-store';
import { auditHeadFileIn, readAuditHead } from './audit-head';
import { auditHash, toEntry, type AuditRow } from './audit-log';
import { tamperAsDatabaseOwner } from '../../../test/support/tamper';

const dirs: string[] = [];
const stores: WorkStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function storeWithRows(n: number): Promise<{ store: WorkStore; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'audit-verify-'));
  dirs.push(dir);
  const store = await openStore({ kind: 'pglite', dir });
  stores.push(store);
  for (let i = 1; i <= n; i++)
    await store.audit.append({
      operator: i % 2 ? 'alice' : 'bob',
      action: 'payouts:approve',
      itemKind: 'transaction',
      itemId: String(1000 + i),
      details: { amountMinor: 100 * i, currency: 'EUR', result: 'done' },
    });
  return { store, dir };
}

// Each test creates a PGlite folder (initdb), which takes seconds on a loaded machine.
describe('verifying the audit chain with its head kept beside the store', { timeout: 120_000 }, () => {
  it('says the chain is intact and how many rows were checked', async () => {
    const { store, dir } = await storeWithRows(5);
    expect(await readAuditHead(auditHeadFileIn(dir))).toMatchObject({ seq: 5 });
    const result = await store.audit.check();
    expect(result).toMatchObject({ ok: true, rows: 5, head: 'checked' });
    expect(result.message).toMatch(/intact: 5 rows checked/);
  });

  it('writes a row whose text no store could hold as it came (half an emoji, a NUL, from a Praxis answer say), and it verifies', async () => {
    const { store } = await storeWithRows(1);
    const entry = await store.audit.append({
      operator: 'alice\ud800',
      action: 'payouts:reject',
      itemKind: 'transaction',
      itemId: '1002\u0000',
      details: { praxisSaid: 'cancelled \udfff', 'key\u0000': 'x' },
    });
    expect(entry).toMatchObject({
      operator: 'alice\ufffd',
      itemId: '1002\u2400',
      details: { praxisSaid: 'cancelled \ufffd', 'key\u2400': 'x' },
    });
    expect(await store.audit.check()).toMatchObject({ ok: true, rows: 2 });
  });

  it('points at an edited row by its number', async () => {
    const { store } = await storeWithRows(5);
    await tamperAsDatabaseOwner(
      store.db,
      `UPDATE audit_log SET details = '{"amountMinor": 999999, "currency": "EUR"}' WHERE seq = 3`,
    );
    const result = await store.audit.check();
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 3, rows: 2 });
    expect(result.message).toMatch(/Row 3 was changed after it was written/);
  });

  it('finds the newest rows deleted, which the chain alone cannot see', async () => {
    const { store } = await storeWithRows(5);
    await tamperAsDatabaseOwner(store.db, 'DELETE FROM audit_log WHERE seq >= 4');
    const result = await store.audit.check();
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 5, rows: 3 });
    expect(result.message).toMatch(/Row 5 is missing.*now ends at row 3.*newest rows were deleted/);
  });

  it('still finds them after a new entry is appended on top of the shortened log', async () => {
    const { store } = await storeWithRows(5);
    await tamperAsDatabaseOwner(store.db, 'DELETE FROM audit_log WHERE seq >= 4');
    await store.audit.append({ operator: 'alice', action: 'settings:save' });
    expect(await store.audit.check()).toMatchObject({ ok: false, brokenAtSeq: 5 });
  });

  it('finds the whole log deleted', async () => {
    const { store } = await storeWithRows(2);
    await tamperAsDatabaseOwner(store.db, 'DELETE FROM audit_log');
    expect((await store.audit.check()).message).toMatch(/Row 2 is missing.*the log is empty/);
  });

  it('accepts a head left one behind by a crash between the commit and the head write', async () => {
    const { store, dir } = await storeWithRows(4);
    const row3 = await store.db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 3');
    await writeFile(auditHeadFileIn(dir), JSON.stringify({ seq: 3, hash: row3.rows[0]!.hash }));
    expect(await store.audit.check()).toMatchObject({ ok: true, rows: 4, head: 'checked' });
  });

  it('finds a log rewritten from an edited row with every later hash recomputed, by the head', async () => {
    const { store } = await storeWithRows(3);
    // The insider edits row 2 and recomputes rows 2 and 3 so the chain itself checks out again.
    const rows = (await store.db.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq')).rows.map(toEntry);
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const details = row.seq === 2 ? { ...row.details, amountMinor: 1 } : row.details;
      const hash = auditHash({ ...row, details, prevHash: prev });
      await tamperAsDatabaseOwner(
        store.db,
        'UPDATE audit_log SET details = $1, prev_hash = $2, hash = $3 WHERE seq = $4',
        [JSON.stringify(details), prev, hash, row.seq],
      );
      prev = hash;
    }
    const result = await store.audit.check();
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 3, rows: 3 });
    expect(result.message).toMatch(/Row 3 is not the row that was written/);
  });

  it('says plainly when the head file itself was tampered with', async () => {
    const { store, dir } = await storeWithRows(1);
    await writeFile(auditHeadFileIn(dir), '{"seq": "latest"}');
    await expect(store.audit.check()).rejects.toThrow(/head kept beside the store .* was changed/);
  });

  it('says when a store keeps no head beside it', async () => {
    const store = await openStore({ kind: 'memory' });
    stores.push(store);
    await store.audit.append({ operator: 'alice', action: 'settings:save' });
    const result = await store.audit.check();
    expect(result).toMatchObject({ ok: true, rows: 1, head: 'not-kept' });
    expect(result.message).toMatch(/keeps no head/);
  });
});
