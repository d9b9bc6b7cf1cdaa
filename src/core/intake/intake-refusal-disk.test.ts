/**
 * What an outsider's flood of refused messages leaves on disk. From the security review: only the newest refusal
 * records are kept, yet the store grew ~2 KB per refused request without end (4.5 GB an hour from one client): PGlite
 * is a single process with no autovacuum, so the rows the trim deleted never gave their space back to new ones.
 */
import { describe, expect, it } from 'vitest';
import { intakeUnderTest } from '../../../test/support/intake-under-test';
import { storeBackends } from '../../../test/support/store-backends';

const KEEP_RECORDS = 200;
const PRUNE_EVERY = 50;
const ROUND = 4 * KEEP_RECORDS;

const pglite = storeBackends().find((b) => b.name === 'pglite')!;

describe('a flood of unauthenticated messages at the intake on PGlite', () => {
  const rig = intakeUnderTest(pglite, { refusalLimits: { keepRecords: KEEP_RECORDS, pruneEvery: PRUNE_EVERY } });
  const tableBytes = async () =>
    Number(
      (await rig.store.db.query<{ bytes: string }>(`SELECT pg_total_relation_size('notifications') AS bytes`)).rows[0]!
        .bytes,
    );
  const flood = async (round: number) => {
    for (let i = 0; i < ROUND; i++) {
      const r = await rig.postRaw(JSON.stringify({ junk: `${round}-${i}`, padding: 'x'.repeat(1_500) }));
      expect(r.http).toBe(400);
    }
  };

  it('takes no more room once the kept records are full: the trimmed rows are reused', async () => {
    await flood(0);
    await flood(1);
    const settled = await tableBytes();
    for (let round = 2; round < 6; round++) await flood(round);
    const after = await tableBytes();
    // Four more rounds of 800 refusals each: the same room, give or take a page or two per index.
    expect(after).toBeLessThan(settled * 1.25);
    const { malformed } = await rig.store.countNotificationsByVerdict();
    expect(Number(malformed)).toBeGreaterThanOrEqual(KEEP_RECORDS);
    expect(Number(malformed)).toBeLessThanOrEqual(KEEP_RECORDS + PRUNE_EVERY);
  });
});
