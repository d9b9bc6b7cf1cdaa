/**
 * Migration 10: four-eyes on a team store reads the largest amount a request has ever had in the store. Desk logins
 * must UPDATE transactions as they ingest what Praxis says, so the row itself is theirs to rewrite: a back-office
 * login lowered a request's amount and its payout passed the database's four-eyes (insider round 4). What a trigger
 * records here, owned by the store's owner, no desk login can change.
 */
import { SHIPPED_THRESHOLDS } from './team-rules-sql';

export const AMOUNTS_SEEN_SQL = `
CREATE TABLE transaction_amounts_seen (
  tid          bigint NOT NULL,
  currency     text NOT NULL,
  amount_minor bigint NOT NULL,
  PRIMARY KEY (tid, currency, amount_minor)
);
INSERT INTO transaction_amounts_seen (tid, currency, amount_minor)
  SELECT tid, upper(currency), amount_minor FROM transactions ON CONFLICT DO NOTHING;

-- Default privileges (migration 8) gave the desk roles every right on a new table: none on this one.
REVOKE ALL ON transaction_amounts_seen FROM PUBLIC;
DO $do$
BEGIN
  IF desk_team_mode() THEN
    REVOKE ALL ON transaction_amounts_seen FROM desk_agent, desk_backoffice, desk_manager;
  END IF;
END
$do$;

-- Runs with its owner's rights, so the desk login that writes a transaction need not (and may not) write here.
CREATE FUNCTION desk_record_amount_seen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  INSERT INTO transaction_amounts_seen (tid, currency, amount_minor)
    VALUES (NEW.tid, upper(NEW.currency), NEW.amount_minor) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
-- A team store only: on PGlite there is one desk, no desk logins, and the intake's ingest pays nothing for it.
DO $do$
BEGIN
  IF version() LIKE '%PGlite%' THEN RETURN; END IF;
  CREATE TRIGGER transactions_amount_seen AFTER INSERT OR UPDATE OF amount_minor, currency ON transactions
    FOR EACH ROW EXECUTE FUNCTION desk_record_amount_seen();
END
$do$;

-- Migration 8's rule, on every amount and currency the request has had (the current row included), each against its
-- currency's threshold; runs with its owner's rights to read what was recorded.
CREATE OR REPLACE FUNCTION desk_four_eyes_refusal(p_item_id text, p_operator text, p_second text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  tx record;
  over record;
  thresholds jsonb;
  second jsonb;
  second_key text;
BEGIN
  IF p_item_id !~ '^[0-9]{1,18}$' THEN RETURN format('item %s is not a withdrawal request id', p_item_id); END IF;
  SELECT amount_minor, currency INTO tx FROM transactions WHERE tid = p_item_id::bigint;
  IF NOT FOUND THEN RETURN format('request %s is not in the store', p_item_id); END IF;
  SELECT value -> 'fourEyesThresholds' INTO thresholds FROM settings WHERE key = 'payout-settings';
  thresholds := COALESCE(thresholds, '${SHIPPED_THRESHOLDS}'::jsonb);
  SELECT a.amount_minor, a.currency INTO over
    FROM (SELECT tx.amount_minor AS amount_minor, upper(tx.currency) AS currency
          UNION ALL
          SELECT s.amount_minor, s.currency FROM transaction_amounts_seen s WHERE s.tid = p_item_id::bigint) a
    WHERE CASE WHEN jsonb_typeof(thresholds -> a.currency) = 'number'
               THEN a.amount_minor > (thresholds ->> a.currency)::numeric ELSE true END
    ORDER BY a.amount_minor DESC LIMIT 1;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF p_second IS NULL OR btrim(p_second) = '' THEN
    RETURN format('request %s (%s %s minor units) needs a second approver', p_item_id, over.amount_minor, over.currency);
  END IF;
  SELECT key, value INTO second_key, second FROM settings WHERE key LIKE 'operator:%' AND value ->> 'name' = p_second;
  IF second IS NULL THEN RETURN format('second approver "%s" is not a registered operator', p_second); END IF;
  IF p_second = p_operator OR second_key = 'operator:' || lower(btrim(p_operator)) THEN
    RETURN format('%s cannot be their own second approver', p_operator);
  END IF;
  IF COALESCE(second ->> 'role', 'backoffice') <> 'manager'
     AND EXISTS (SELECT 1 FROM settings WHERE key LIKE 'operator:%' AND value ->> 'role' = 'manager') THEN
    RETURN format('second approver "%s" is not a manager', p_second);
  END IF;
  RETURN NULL;
END
$fn$;
`;
