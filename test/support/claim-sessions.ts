import type { Queryable } from '../../src/core/store/db';
import { CLAIM_LOCK_SPACE } from '../../src/core/store/item-claims';

const CLAIM_HOLDERS = `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND classid = $1::oid AND granted`;

/**
 * Ends, at the server, every session holding an item claim (PostgreSQL only): what happens to a desk whose machine
 * dies or whose network is cut mid-action. Waits until the server has let their locks go (termination is
 * asynchronous). Returns how many sessions were ended.
 */
export async function endClaimSessions(q: Queryable): Promise<number> {
  const res = await q.query<{ ended: boolean }>(`SELECT pg_terminate_backend(pid) AS ended FROM (${CLAIM_HOLDERS}) h`, [
    CLAIM_LOCK_SPACE,
  ]);
  for (let i = 0; i < 500; i++) {
    if ((await q.query(CLAIM_HOLDERS, [CLAIM_LOCK_SPACE])).rows.length === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return res.rows.filter((r) => r.ended).length;
}
