/** Fills a store with a large synthetic capture queue in one set-wise INSERT (tests and benchmarks). */
import type { WorkStore } from '../../src/core/store/work-store';

export const SYNTHETIC_HOLD_BASE_TID = 70_000_000;

/**
 * `holds` open authorizations (status authorized) over `customers` customers: hold i is i seconds old (up to a day
 * spread over the week), alternately a VISA and a MasterCard card, every fifth in JPY and every seventh in KWD.
 */
export async function fillSyntheticHolds(
  store: WorkStore,
  opts: { holds: number; customers: number; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  await store.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO customers (customer_token, cid, first_name, last_name, country, avs_alert, verification_alert, raw_customer)
       SELECT 'htok-' || n, 'hcid-' || n, 'First' || n, 'Last' || n, 'DE', 0, 0, '{}'::jsonb
       FROM generate_series(0, $1::int - 1) AS n ON CONFLICT DO NOTHING`,
      [opts.customers],
    );
    await tx.query(
      `INSERT INTO transactions (tid, transaction_type, status, status_rank, status_at, order_id, cid, customer_token, amount_minor, currency,
         payment_method, payment_processor, masked_destination, created_at, last_source, raw_transaction)
       SELECT $2::int8 + i, 'authorization', 'authorized', 3, $3, 'auth-' || i, 'hcid-' || (i % $4::int), 'htok-' || (i % $4::int),
              1000 + (i % 500) * 10, CASE WHEN i % 5 = 0 THEN 'JPY' WHEN i % 7 = 0 THEN 'KWD' ELSE 'EUR' END, 'Credit Card', 'SimAcquirer',
              CASE WHEN i % 2 = 0 THEN '411111******' ELSE '555555******' END || lpad((i % 10000)::text, 4, '0'),
              $3::timestamptz - make_interval(secs => (i * 6) % 604800), 'lookup',
              jsonb_build_object('card', jsonb_build_object('card_type', CASE WHEN i % 2 = 0 THEN 'VISA' ELSE 'MasterCard' END))
       FROM generate_series(0, $1::int - 1) AS i`,
      [opts.holds, SYNTHETIC_HOLD_BASE_TID, now, opts.customers],
    );
  });
  await store.db.exec('ANALYZE transactions; ANALYZE customers');
}
