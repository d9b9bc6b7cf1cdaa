import type { Logger } from '../log';
import type { StoreChange } from '../store/changes';
import type { Queryable } from '../store/db';
import { PENDING_WITHDRAWAL_STATUSES } from '../store/status-precedence';

const PENDING_LIST = PENDING_WITHDRAWAL_STATUSES.map((s) => `'${s}'`).join(', ');

/** The pending withdrawal requests of the customers of the given transactions, those transactions left out. */
const SIBLINGS_SQL = `
SELECT DISTINCT o.tid FROM transactions t
JOIN transactions o ON o.customer_token = t.customer_token
WHERE t.tid = ANY($1::int8[]) AND o.transaction_type = 'payout' AND o.withdrawal_request_id IS NULL
  AND o.status IN (${PENDING_LIST}) AND o.tid <> ALL($1::int8[])`;

/** How long changes gather before their customers' other requests are looked up: one query for a flood's moment. */
const GATHER_MS = 250;

/**
 * A payout request's risk flags read its customer's whole history (first withdrawal, the withdrawal ratio, velocity),
 * so a customer's new request or deposit changes the rows of their other pending requests though the store did not
 * touch them. Answers the tids of those requests for the given tids (of any queue but the terminal's order ids).
 */
export async function customerSiblingsOf(q: Queryable, ids: readonly string[]): Promise<string[]> {
  const tids = ids.filter((id) => /^\d{1,18}$/.test(id));
  if (tids.length === 0) return [];
  const res = await q.query<{ tid: number | string }>(SIBLINGS_SQL, [tids]);
  return res.rows.map((r) => String(r.tid));
}

/**
 * Announces, with `emit`, the same customers' other requests of the changes `note` is told, gathered for GATHER_MS:
 * under a flood of notifications the store answers one look-up a quarter second, not one per commit.
 */
export function createSiblingRefresh(q: Queryable, emit: (change: StoreChange) => void, log: Logger) {
  let gathered = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const flush = async () => {
    timer = null;
    const ids = [...gathered];
    gathered = new Set();
    try {
      const siblings = await customerSiblingsOf(q, ids);
      if (siblings.length && !stopped) emit({ queue: 'payouts', ids: siblings });
    } catch (err) {
      if (!stopped) log.warn('the same customers’ other payout requests were not refreshed', { error: String(err) });
    }
  };
  return {
    note(change: StoreChange): void {
      if (stopped || change.queue === 'terminal') return;
      for (const id of change.ids) gathered.add(id);
      timer ??= setTimeout(() => void flush(), GATHER_MS);
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
