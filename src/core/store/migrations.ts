import type { Db } from './db';
import { AUDIT_LOGIN_SQL } from './team/audit-login-sql';
import { AMOUNTS_SEEN_SQL } from './team/amounts-seen-sql';
import { OPERATOR_PINS_SQL } from './team/operator-pins-sql';
import { TEAM_RULES_SQL } from './team/team-rules-sql';
import { PIN_ATTEMPTS_BOUND_SQL } from './team/pin-attempts-bound-sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versioned schema, append-only: never edit a shipped migration, add the next one.
 * Amounts are BIGINT minor units next to their currency; every timestamp is timestamptz (UTC).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'work store',
    sql: `
CREATE TABLE customers (
  customer_token      text PRIMARY KEY,
  cid                 text,
  first_name          text,
  last_name           text,
  country             text,
  avs_alert           integer,
  verification_alert  integer,
  raw_customer        jsonb NOT NULL,
  first_seen_at       timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_cid ON customers (cid) WHERE cid IS NOT NULL;

-- Every Praxis transaction the desk has seen: withdrawal requests, their payouts and splits, authorizations, sales.
CREATE TABLE transactions (
  tid                     bigint PRIMARY KEY,
  transaction_type        text NOT NULL,
  status                  text NOT NULL,
  status_rank             smallint NOT NULL,
  status_at               timestamptz NOT NULL,
  psp_transaction_id      text,
  order_id                text,
  cid                     text,
  customer_token          text REFERENCES customers (customer_token),
  amount_minor            bigint NOT NULL CHECK (amount_minor >= 0),
  currency                text NOT NULL,
  processed_amount_minor  bigint CHECK (processed_amount_minor >= 0),
  processed_currency      text,
  conversion_rate         text,
  payment_method          text,
  payment_processor       text,
  gateway                 text,
  masked_destination      text,
  withdrawal_request_id   bigint,
  created_at              timestamptz NOT NULL,
  first_seen_at           timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  last_source             text NOT NULL CHECK (last_source IN ('notification', 'lookup', 'action')),
  raw_transaction         jsonb NOT NULL,
  raw_session             jsonb,
  raw_customer            jsonb
);
-- The payout queue: withdrawal requests (not their child payouts) still waiting for a decision.
CREATE INDEX transactions_pending_withdrawals ON transactions (created_at, tid)
  WHERE transaction_type = 'payout' AND withdrawal_request_id IS NULL
    AND status IN ('requested', 'verification', 'partial_payout', 'split_partial');
-- The capture queue: holds that can still be captured or voided.
CREATE INDEX transactions_open_authorizations ON transactions (created_at, tid)
  WHERE transaction_type = 'authorization' AND status = 'authorized';
CREATE INDEX transactions_customer ON transactions (customer_token, created_at DESC);
CREATE INDEX transactions_cid ON transactions (cid) WHERE cid IS NOT NULL;
CREATE INDEX transactions_order ON transactions (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX transactions_withdrawal_request ON transactions (withdrawal_request_id) WHERE withdrawal_request_id IS NOT NULL;

-- Cashier and virtual-terminal sessions; the terminal opens rows with origin 'virtual-terminal'.
CREATE TABLE sessions (
  order_id            text PRIMARY KEY,
  origin              text NOT NULL DEFAULT 'praxis' CHECK (origin IN ('praxis', 'virtual-terminal')),
  intent              text,
  session_status      text,
  status_at           timestamptz,
  cid                 text,
  customer_token      text,
  amount_minor        bigint CHECK (amount_minor >= 0),
  currency            text,
  processed_amount_minor bigint,
  processed_currency  text,
  latest_tid          bigint,
  operator            text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  raw_session         jsonb
);
CREATE INDEX sessions_open_vt ON sessions (created_at) WHERE origin = 'virtual-terminal';

-- Every notification received, accepted or not, with its verdict.
CREATE TABLE notifications (
  id                  bigserial PRIMARY KEY,
  received_at         timestamptz NOT NULL DEFAULT now(),
  verdict             text NOT NULL CHECK (verdict IN ('accepted', 'duplicate', 'bad_signature', 'stale', 'future', 'malformed', 'wrong_merchant', 'too_large', 'unverifiable', 'store_failed')),
  reason              text,
  dedupe_key          text,
  tid                 bigint,
  order_id            text,
  transaction_status  text,
  praxis_timestamp    bigint,
  raw_body            text,
  headers             jsonb NOT NULL DEFAULT '{}'::jsonb,
  response            jsonb
);
-- One stored effect per (tid, status, timestamp): the database, not a race, decides which copy wins.
CREATE UNIQUE INDEX notifications_accepted_once ON notifications (dedupe_key) WHERE verdict = 'accepted';
CREATE INDEX notifications_received ON notifications (received_at DESC);
CREATE INDEX notifications_tid ON notifications (tid) WHERE tid IS NOT NULL;

-- "Money moves exactly once": every money-moving call is written here before it is sent.
CREATE TABLE action_journal (
  id                  bigserial PRIMARY KEY,
  item_kind           text NOT NULL CHECK (item_kind IN ('transaction', 'session')),
  item_id             text NOT NULL,
  action              text NOT NULL,
  operator            text NOT NULL,
  request             jsonb NOT NULL,
  state               text NOT NULL CHECK (state IN ('sending', 'done', 'failed', 'unknown')),
  praxis_status       integer,
  praxis_description  text,
  result              jsonb,
  error_code          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
-- At most one action in flight (or with an unknown outcome) per item, enforced by the database.
CREATE UNIQUE INDEX action_journal_one_in_flight ON action_journal (item_kind, item_id) WHERE state IN ('sending', 'unknown');
CREATE INDEX action_journal_item ON action_journal (item_kind, item_id, created_at DESC);

-- Hash-chained log of every operator action: each row's hash covers its content and the previous hash.
CREATE TABLE audit_log (
  seq                 bigserial PRIMARY KEY,
  at                  timestamptz NOT NULL,
  operator            text NOT NULL,
  action              text NOT NULL,
  item_kind           text,
  item_id             text,
  details             jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash           text NOT NULL,
  hash                text NOT NULL UNIQUE
);

-- Settings that are not secrets (secrets live in the OS keychain only).
CREATE TABLE settings (
  key                 text PRIMARY KEY,
  value               jsonb NOT NULL,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 2,
    name: 'status ranks after the flows of api-reference §6.6',
    // Ranks of status-precedence.ts as they were when this shipped; an unlisted status is -1 (placed by time).
    sql: `
UPDATE transactions SET status_rank = CASE
  WHEN status IN ('initialized') THEN 0
  WHEN status IN ('pending', 'pending_async', 'in progress', 'requested', 'verification', 'partial_payout', 'split_partial') THEN 1
  WHEN status IN ('authorized') THEN 3
  WHEN status IN ('approved', 'rejected', 'declined', 'error', 'cancelled', 'canceled', 'payment', 'split', 'split_payout') THEN 4
  WHEN status IN ('refunded', 'chargeback', 'reversed') THEN 5
  ELSE -1 END;
`,
  },
  {
    version: 3,
    name: 'bounded records of unauthenticated notifications',
    sql: `
-- A message no one authenticated keeps a digest, not its body: an open port cannot fill the disk.
ALTER TABLE notifications ADD COLUMN body_sha256 text, ADD COLUMN body_bytes integer, ADD COLUMN body_head text;
CREATE INDEX notifications_unauthenticated ON notifications (id) WHERE raw_body IS NULL;
`,
  },
  {
    version: 4,
    name: 'notified changes wait for a signed find-transaction',
    sql: `
-- A notification's signature does not cover its status, card or alerts: what it claims waits here until a signed
-- find-transaction confirms (or contradicts) it; only Praxis's answer changes the item.
CREATE TABLE unconfirmed_changes (
  id               bigserial PRIMARY KEY,
  tid              bigint NOT NULL,
  notification_id  bigint REFERENCES notifications (id),
  claimed_status   text NOT NULL,
  claimed_amount_minor bigint,
  claimed_currency text,
  notified_at      timestamptz NOT NULL,
  received_at      timestamptz NOT NULL DEFAULT now(),
  state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'contradicted')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  found_status     text,
  resolved_at      timestamptz
);
CREATE INDEX unconfirmed_changes_due ON unconfirmed_changes (next_attempt_at) WHERE state = 'pending';
CREATE INDEX unconfirmed_changes_tid ON unconfirmed_changes (tid);
`,
  },
  {
    version: 5,
    name: 'holds announced as entering their last 24 hours',
    sql: `
-- One row per authorization the desk has announced as expiring, so a restart (or a second desk) never repeats it.
CREATE TABLE hold_expiry_notices (
  tid          bigint PRIMARY KEY,
  lapses_at    timestamptz NOT NULL,
  notified_at  timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 6,
    name: 'the audit log is append-only',
    sql: `
-- The desk only ever inserts audit rows; the database refuses anything else from anyone (an edit that gets past it,
-- by someone with the rights to switch triggers off, is what "Verify chain" finds).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % is refused.', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$fn$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
`,
  },
  {
    version: 7,
    name: 'virtual-terminal sessions',
    sql: `
-- What the agent asked for when opening a virtual-terminal session (never a card field: Praxis's page takes those).
-- The outcome is read from the sessions and transactions rows that notifications and find-order fill.
CREATE TABLE terminal_sessions (
  order_id        text PRIMARY KEY,
  journal_id      bigint,
  intent          text NOT NULL CHECK (intent IN ('payment', 'authorization', 'withdrawal')),
  cid             text NOT NULL,
  customer_data   jsonb NOT NULL,
  currency        text NOT NULL,
  amount_minor    bigint CHECK (amount_minor > 0),
  balance_minor   bigint,
  payment_method  text,
  gateway         text,
  agent           text NOT NULL,
  retry_of        text,
  open_state      text NOT NULL CHECK (open_state IN ('opening', 'pending', 'failed', 'unknown')),
  open_details    text,
  -- The last refusal the desk's validation answered for this session (the agent sees it beside the page).
  validation_refusal text,
  polls           integer NOT NULL DEFAULT 0,
  last_poll_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX terminal_sessions_created ON terminal_sessions (created_at DESC);
CREATE INDEX terminal_sessions_cid ON terminal_sessions (cid, created_at DESC);
`,
  },
  { version: 8, name: 'team rules: desk roles, grants, manager-only settings, four-eyes', sql: TEAM_RULES_SQL },
  {
    version: 9,
    name: 'session-held claims',
    sql: `
-- True when the sender holds the item's claim as an advisory lock on its own database session (a PostgreSQL
-- server): the claim dies with that session, so a dead desk's entry needs reconciling at once, not after the lease.
ALTER TABLE action_journal ADD COLUMN session_claim boolean NOT NULL DEFAULT false;
`,
  },
  { version: 10, name: 'four-eyes on the largest amount a request has had', sql: AMOUNTS_SEEN_SQL },
  { version: 11, name: 'PIN hashes and wrong-PIN counts out of desk logins’ reach', sql: OPERATOR_PINS_SQL },
  { version: 12, name: 'audit rows stamped with the database login that wrote them', sql: AUDIT_LOGIN_SQL },
  {
    version: 13,
    name: 'wrong-PIN counters of names nobody has kept to the newest 10,000',
    sql: PIN_ATTEMPTS_BOUND_SQL,
  },
  {
    version: 14,
    name: 'a journal entry records when its send began (a bulk item waits for a send slot after its entry is begun)',
    sql: 'ALTER TABLE action_journal ADD COLUMN send_started_at timestamptz;',
  },
  {
    version: 15,
    name: 'the terminal outcome last written to the audit, so each outcome is audited once',
    sql: 'ALTER TABLE terminal_sessions ADD COLUMN audited_outcome text;',
  },
];

/** A fixed advisory-lock key so two desks starting together on one server migrate one after the other. */
const MIGRATION_LOCK_KEY = 74_201_001;

/** Applies every migration not yet recorded, each once and in its own transaction. Returns the versions applied. */
export async function runMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // A desk login on a team server may not create tables: it only reads what the owner's migrations recorded.
    const exists = await tx.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
    if ((exists.rows[0] as { present: boolean } | undefined)?.present) return;
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}
