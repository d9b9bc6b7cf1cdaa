/** Fills a store with a large synthetic payout queue in a few set-wise INSERTs (tests and benchmarks). */
import type { WorkStore } from '../../src/core/store/work-store';

export const SYNTHETIC_BASE_TID = 50_000_000;

/**
 * `requests` pending EUR withdrawal requests over `customers` customers (request i belongs to customer i % customers),
 * each customer with one approved deposit of €1,000.00 to card `4111…<n>`. Request i is created i seconds before
 * `now`; every third pays to a card never used for a deposit; every 1,000th is €6,000.00 (above four-eyes).
 */
export async function fillSyntheticQueue(
  store: WorkStore,
  opts: { requests: number; customers: number; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  const { requests, customers } = opts;
  await store.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO customers (customer_token, cid, first_name, last_name, country, avs_alert, verification_alert, raw_customer)
       SELECT 'tok-' || n, 'cid-' || n, 'First' || n, 'Last' || n, 'DE', CASE WHEN n % 101 = 0 THEN 1 ELSE 0 END,
              CASE WHEN n % 97 = 0 THEN 1 ELSE 0 END, '{}'::jsonb
       FROM generate_series(0, $1::int - 1) AS n`,
      [customers],
    );
    await tx.query(
      `INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, order_id, cid, customer_token, amount_minor, currency,
         payment_method, masked_destination, created_at, last_source, raw_transaction)
       SELECT $2::int8 + n, 'sale', 'approved', 4, $3, 'dep-' || n, 'cid-' || n, 'tok-' || n, 100000, 'EUR', 'Credit Card',
              '411111******' || lpad((n % 10000)::text, 4, '0'), $3::timestamptz - interval '30 days', 'lookup', '{}'::jsonb
       FROM generate_series(0, $1::int - 1) AS n`,
      [customers, SYNTHETIC_BASE_TID - customers, now],
    );
    await tx.query(
      `INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, order_id, cid, customer_token, amount_minor, currency,
         payment_method, masked_destination, created_at, last_source, raw_transaction)
       SELECT $2::int8 + i, 'payout', 'requested', 1, $3, 'wd-' || i, 'cid-' || (i % $4::int), 'tok-' || (i % $4::int),
              CASE WHEN i % 1000 = 0 THEN 600000 ELSE 1000 + (i % 500) * 100 END, 'EUR', 'Credit Card',
              CASE WHEN i % 3 = 0 THEN '555555******' || lpad((i % 10000)::text, 4, '0') ELSE '411111******' || lpad(((i % $4::int) % 10000)::text, 4, '0') END,
              $3::timestamptz - make_interval(secs => i), 'lookup', '{}'::jsonb
       FROM generate_series(0, $1::int - 1) AS i`,
      [requests, SYNTHETIC_BASE_TID, now, customers],
    );
  });
  await store.db.exec('ANALYZE transactions; ANALYZE customers');
}
