/**
 * Migration 12: every audit row on a team store carries the database login that wrote it, stamped by the database.
 * Desk logins append to the audit log and name the operator themselves, so a login could write a row in a
 * colleague's name that the hash chain calls intact (insider round 4); the stamp says whose it really was, and the
 * append-only trigger keeps it.
 */
export const AUDIT_LOGIN_SQL = `
ALTER TABLE audit_log ADD COLUMN db_user text;
CREATE FUNCTION audit_log_stamp_login() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.db_user := session_user;
  RETURN NEW;
END
$fn$;
-- A team store only: a PGlite store has one desk and no logins to tell apart.
DO $do$
BEGIN
  IF version() LIKE '%PGlite%' THEN RETURN; END IF;
  CREATE TRIGGER audit_log_stamp_login BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_stamp_login();
END
$do$;
`;
