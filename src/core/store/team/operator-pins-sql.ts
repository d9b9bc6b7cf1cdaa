/**
 * Migration 11: operators' PIN hashes and wrong-PIN counters move out of `settings`, which every desk login reads
 * and whose counters any desk login could delete (insider round 4: a 4-digit PIN's hash falls offline in minutes).
 * Their tables are the store owner's alone; desks reach them only through the functions below, which run with the
 * owner's rights: a PIN is checked and counted in one statement, and a hash never leaves but to carry a manager.
 */

/** Wrong tries in a row before a name locks; then LOCK_BASE_MS, doubling with every further miss, up to LOCK_MAX_MS. */
export const FREE_TRIES = 5;
export const LOCK_BASE_MS = 30_000;
export const LOCK_MAX_MS = 60 * 60_000;

export const OPERATOR_PINS_SQL = `
CREATE TABLE operator_pins (
  operator_key text PRIMARY KEY,
  pin_salt     text NOT NULL,
  pin_hash     text NOT NULL,
  scrypt       jsonb NOT NULL
);
CREATE TABLE pin_attempts (
  operator_key text PRIMARY KEY,
  failures     integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);
REVOKE ALL ON operator_pins, pin_attempts FROM PUBLIC;
DO $do$
BEGIN
  IF desk_team_mode() THEN
    REVOKE ALL ON operator_pins, pin_attempts FROM desk_agent, desk_backoffice, desk_manager;
  END IF;
END
$do$;

INSERT INTO operator_pins (operator_key, pin_salt, pin_hash, scrypt)
  SELECT substr(key, length('operator:') + 1), value ->> 'pinSalt', value ->> 'pinHash', value -> 'scrypt'
  FROM settings WHERE key LIKE 'operator:%' AND value ? 'pinHash';
UPDATE settings SET value = value - 'pinSalt' - 'pinHash' - 'scrypt' WHERE key LIKE 'operator:%' AND value ? 'pinHash';
INSERT INTO pin_attempts (operator_key, failures, locked_until)
  SELECT substr(key, length('pin-attempts:') + 1), (value ->> 'failures')::integer, (value ->> 'lockedUntil')::timestamptz
  FROM settings WHERE key LIKE 'pin-attempts:%';
DELETE FROM settings WHERE key LIKE 'pin-attempts:%';

-- Migration 8's rule on settings without its exception for PIN counters, which no longer live there: only saved
-- views are every desk's to write.
CREATE OR REPLACE FUNCTION settings_manager_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE k text;
BEGIN
  FOREACH k IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.key END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.key END] LOOP
    IF k IS NOT NULL AND k NOT LIKE 'payout-view:%' AND NOT desk_member_of('desk_manager') THEN
      RAISE EXCEPTION 'Only a member of desk_manager may change the setting "%": % is refused for %.', k, TG_OP, current_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$fn$;

-- desk_member_of for the functions below: they run as their owner, so current_user is the owner; the login is the
-- session's.
CREATE FUNCTION desk_login_member_of(role_name text) RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT NOT desk_team_mode() OR pg_has_role(session_user, role_name, 'MEMBER')
    OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'action_journal'::regclass), 'MEMBER')
$fn$;

-- What a desk needs to hash a PIN typed for p_key (not secret), or NULL for a name nobody has.
CREATE FUNCTION desk_pin_salt(p_key text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT jsonb_build_object('salt', pin_salt, 'scrypt', scrypt) FROM operator_pins WHERE operator_key = p_key
$fn$;

-- Checks a hashed PIN under the name's lockout and counts a miss, as one step under the name's row lock: guesses
-- from every desk at once are counted one by one. A name nobody has is counted like a wrong PIN.
CREATE FUNCTION desk_pin_attempt(p_key text, p_hash text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  tries pin_attempts;
  known boolean;
  lock_ms bigint;
BEGIN
  INSERT INTO pin_attempts (operator_key) VALUES (p_key) ON CONFLICT DO NOTHING;
  SELECT * INTO tries FROM pin_attempts WHERE operator_key = p_key FOR UPDATE;
  IF tries.locked_until > clock_timestamp() THEN
    RETURN jsonb_build_object('result', 'locked',
      'remainingMs', ceil(extract(epoch FROM tries.locked_until - clock_timestamp()) * 1000));
  END IF;
  known := EXISTS (SELECT 1 FROM settings WHERE key = 'operator:' || p_key);
  IF known AND EXISTS (SELECT 1 FROM operator_pins WHERE operator_key = p_key AND pin_hash = p_hash) THEN
    DELETE FROM pin_attempts WHERE operator_key = p_key;
    RETURN jsonb_build_object('result', 'ok');
  END IF;
  tries.failures := tries.failures + 1;
  lock_ms := CASE WHEN tries.failures >= ${FREE_TRIES}
    THEN least(${LOCK_MAX_MS}, ${LOCK_BASE_MS} * 2 ^ least(tries.failures - ${FREE_TRIES}, 30)) ELSE 0 END;
  UPDATE pin_attempts SET failures = tries.failures,
    locked_until = CASE WHEN lock_ms > 0 THEN clock_timestamp() + lock_ms * interval '1 millisecond' ELSE locked_until END
    WHERE operator_key = p_key;
  RETURN jsonb_build_object('result', CASE WHEN known THEN 'wrong_pin' ELSE 'unknown_operator' END,
    'lockMs', lock_ms, 'triesLeft', greatest(0, ${FREE_TRIES} - tries.failures));
END
$fn$;

-- A registered operator's PIN, set by a manager (settings' own rule); the name's count starts again.
CREATE FUNCTION desk_pin_set(p_key text, p_salt text, p_hash text, p_scrypt jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF NOT desk_login_member_of('desk_manager') THEN
    RAISE EXCEPTION 'Only a member of desk_manager may set a PIN: refused for %.', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM settings WHERE key = 'operator:' || p_key) THEN
    RAISE EXCEPTION 'No operator "%" is registered: register them before setting a PIN.', p_key;
  END IF;
  INSERT INTO operator_pins (operator_key, pin_salt, pin_hash, scrypt) VALUES (p_key, p_salt, p_hash, p_scrypt)
    ON CONFLICT (operator_key) DO UPDATE SET pin_salt = EXCLUDED.pin_salt, pin_hash = EXCLUDED.pin_hash,
      scrypt = EXCLUDED.scrypt;
  DELETE FROM pin_attempts WHERE operator_key = p_key;
END
$fn$;

-- An operator removed (their settings row gone, by the manager-only rule): their PIN goes with them.
CREATE FUNCTION desk_pin_forget(p_key text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM settings WHERE key = 'operator:' || p_key) THEN
    RAISE EXCEPTION 'Operator "%" is still registered: remove them first.', p_key;
  END IF;
  DELETE FROM operator_pins WHERE operator_key = p_key;
END
$fn$;

-- A manager's PIN record, for a manager's desk to carry them into a store with no manager yet (manager-carrier.ts).
CREATE FUNCTION desk_pin_export(p_key text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF NOT desk_login_member_of('desk_manager') THEN RETURN NULL; END IF;
  RETURN (SELECT jsonb_build_object('salt', p.pin_salt, 'hash', p.pin_hash, 'scrypt', p.scrypt)
    FROM operator_pins p JOIN settings s ON s.key = 'operator:' || p.operator_key
    WHERE p.operator_key = p_key AND s.value ->> 'role' = 'manager');
END
$fn$;
`;
