import type { Queryable } from '../../src/core/store/db';
import { CLAIM_LOCK_SPACE } from '../../src/core/store/item-claims';

/**
 * Ends, at the server, every session holding an item claim (PostgreSQL only): what happens to a desk whose machine
 * dies or whose network is cut mid-action. Returns how many sessions were ended.
 */
export async function endClaimSessions(q: Queryable): Promise<number> {
  const res = await q.query<{ ended: boolean }>(
    `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks
     WHERE locktype = 'advisory' AND objsubid = 2 AND classid = $1::oid AND granted`,
    [CLAIM_LOCK_SPACE],
  );
  return res.rows.filter((r) => r.ended).length;
}
