import { FREE_TRIES, LOCK_BASE_MS, LOCK_MAX_MS } from './operator-pins-sql';

/** Counters kept for names nobody has: the most recently tried, so made-up names cannot grow the table without bound. */
export const MAX_UNKNOWN_NAME_COUNTERS = 10_000;
/** New made-up names between two prunings: the table holds at most MAX_UNKNOWN_NAME_COUNTERS + PRUNE_EVERY of them. */
export const PRUNE_EVERY = 500;

/**
 * Migration 13: every name tried at sign-in gets a wrong-PIN counter (known or not, so a refusal never tells which
 * part was wrong), and sign-in is open to anyone with the page: only the newest counters of names nobody has are
 * kept. Registered operators' counters are never dropped.
 */
export const PIN_ATTEMPTS_BOUND_SQL = `
ALTER TABLE pin_attempts
  ADD COLUMN known boolean NOT NULL DEFAULT true,
  ADD COLUMN last_try timestamptz NOT NULL DEFAULT clock_timestamp();
UPDATE pin_attempts a SET known = EXISTS (SELECT 1 FROM settings WHERE key = 'operator:' || a.operator_key);
CREATE INDEX pin_attempts_unknown_by_last_try ON pin_attempts (last_try) WHERE NOT known;
-- Counts new made-up names, so the oldest are pushed out in batches rather than on every try.
CREATE SEQUENCE pin_attempts_unknown_added;
REVOKE ALL ON SEQUENCE pin_attempts_unknown_added FROM PUBLIC;

CREATE OR REPLACE FUNCTION desk_pin_attempt(p_key text, p_hash text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  tries pin_attempts;
  is_known boolean;
  fresh boolean;
  lock_ms bigint;
BEGIN
  is_known := EXISTS (SELECT 1 FROM settings WHERE key = 'operator:' || p_key);
  INSERT INTO pin_attempts (operator_key, known) VALUES (p_key, is_known) ON CONFLICT DO NOTHING;
  fresh := FOUND;
  SELECT * INTO tries FROM pin_attempts WHERE operator_key = p_key FOR UPDATE;
  IF tries.locked_until > clock_timestamp() THEN
    RETURN jsonb_build_object('result', 'locked',
      'remainingMs', ceil(extract(epoch FROM tries.locked_until - clock_timestamp()) * 1000));
  END IF;
  IF is_known AND EXISTS (SELECT 1 FROM operator_pins WHERE operator_key = p_key AND pin_hash = p_hash) THEN
    DELETE FROM pin_attempts WHERE operator_key = p_key;
    RETURN jsonb_build_object('result', 'ok');
  END IF;
  tries.failures := tries.failures + 1;
  lock_ms := CASE WHEN tries.failures >= ${FREE_TRIES}
    THEN least(${LOCK_MAX_MS}, ${LOCK_BASE_MS} * 2 ^ least(tries.failures - ${FREE_TRIES}, 30)) ELSE 0 END;
  UPDATE pin_attempts SET failures = tries.failures, known = is_known, last_try = clock_timestamp(),
    locked_until = CASE WHEN lock_ms > 0 THEN clock_timestamp() + lock_ms * interval '1 millisecond' ELSE locked_until END
    WHERE operator_key = p_key;
  -- Every PRUNE_EVERY-th new made-up name pushes out the oldest beyond the bound.
  IF fresh AND NOT is_known AND nextval('pin_attempts_unknown_added') % ${PRUNE_EVERY} = 0 THEN
    DELETE FROM pin_attempts WHERE operator_key IN (
      SELECT operator_key FROM pin_attempts WHERE NOT known
      ORDER BY last_try DESC OFFSET ${MAX_UNKNOWN_NAME_COUNTERS});
  END IF;
  RETURN jsonb_build_object('result', CASE WHEN is_known THEN 'wrong_pin' ELSE 'unknown_operator' END,
    'lockMs', lock_ms, 'triesLeft', greatest(0, ${FREE_TRIES} - tries.failures));
END
$fn$;
`;
