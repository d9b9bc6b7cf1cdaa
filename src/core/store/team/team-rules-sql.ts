/**
 * Migration 8: team rules the database enforces on a shared PostgreSQL server (design.md "Who acts"). The desk
 * roles `desk_agent`, `desk_backoffice` and `desk_manager` are NOLOGIN groups; each person logs in as their own role
 * and is granted one of them. Every rule is off while the roles do not exist (PGlite, or a server whose owner has not
 * created them yet), where the core's own checks are the only ones — as they were before.
 */

// Four-eyes thresholds as shipped when this migration ran (risk.ts), used until a manager saves payout settings.
export const SHIPPED_THRESHOLDS = '{"EUR":500000,"USD":500000,"GBP":400000,"JPY":750000,"KWD":1500000,"BHD":1900000}';

export const TEAM_RULES_SQL = `
-- The roles: created here when the migrating user may (superuser or CREATEROLE); never on PGlite (one desk).
DO $do$
DECLARE r text;
BEGIN
  IF version() LIKE '%PGlite%' THEN RETURN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN RETURN; END IF;
  FOREACH r IN ARRAY ARRAY['desk_agent', 'desk_backoffice', 'desk_manager'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- roles are per cluster: another database's migration created it at the same moment
      END;
    END IF;
  END LOOP;
END
$do$;

-- Team mode: the three desk roles exist.
CREATE FUNCTION desk_team_mode() RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT count(*) = 3 FROM pg_roles WHERE rolname IN ('desk_agent', 'desk_backoffice', 'desk_manager')
$fn$;

-- Whether whoever runs the statement may act as a desk role: a member of it (directly or through another role),
-- or the owner of the store's tables (who migrates and bootstraps; a superuser counts as every role).
CREATE FUNCTION desk_is_owner() RETURNS boolean LANGUAGE sql STABLE AS $fn$
  SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'action_journal'::regclass), 'MEMBER')
$fn$;
CREATE FUNCTION desk_member_of(role_name text) RETURNS boolean LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  IF NOT desk_team_mode() THEN RETURN true; END IF;
  RETURN pg_has_role(current_user, role_name, 'MEMBER') OR desk_is_owner();
END
$fn$;

-- Grants of the desk roles, table by table. The migration calls it; after creating the roles by hand (an owner
-- without CREATEROLE), run SELECT desk_grant_team_rights(); once.
CREATE FUNCTION desk_grant_team_rights() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF NOT desk_team_mode() THEN RETURN; END IF;
  BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO desk_agent, desk_backoffice, desk_manager', current_database());
  EXCEPTION WHEN insufficient_privilege THEN
    NULL; -- the tables' owner need not own the database; CONNECT is PUBLIC's by default
  END;
  GRANT USAGE ON SCHEMA public TO desk_agent, desk_backoffice, desk_manager;
  GRANT SELECT ON schema_migrations TO desk_agent, desk_backoffice, desk_manager;
  -- What every desk (and the intake) writes as it works.
  GRANT SELECT, INSERT, UPDATE ON customers, transactions, sessions, notifications, action_journal,
    unconfirmed_changes, hold_expiry_notices, terminal_sessions TO desk_agent, desk_backoffice, desk_manager;
  -- The intake prunes records of unauthenticated messages.
  GRANT DELETE ON notifications TO desk_agent, desk_backoffice, desk_manager;
  -- Settings: the trigger below keeps everything but PIN-attempt counters and saved views for desk_manager.
  GRANT SELECT, INSERT, UPDATE, DELETE ON settings TO desk_agent, desk_backoffice, desk_manager;
  -- The audit log: read and append only (the append-only trigger refuses UPDATE and DELETE from everyone).
  GRANT SELECT, INSERT ON audit_log TO desk_agent, desk_backoffice, desk_manager;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO desk_agent, desk_backoffice, desk_manager;
  -- Tables later migrations add (claims, …) are the desks' to work with; a migration narrows its own if it must.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO desk_agent, desk_backoffice, desk_manager;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO desk_agent, desk_backoffice, desk_manager;
END
$fn$;
SELECT desk_grant_team_rights();

-- Settings that decide who may do what (operators, thresholds, access, queue settings) are a manager's to change.
CREATE FUNCTION settings_manager_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE k text;
BEGIN
  FOREACH k IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.key END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.key END] LOOP
    IF k IS NOT NULL AND k NOT LIKE 'pin-attempts:%' AND k NOT LIKE 'payout-view:%' AND NOT desk_member_of('desk_manager') THEN
      RAISE EXCEPTION 'Only a member of desk_manager may change the setting "%": % is refused for %.', k, TG_OP, current_user
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$fn$;
CREATE TRIGGER settings_manager_only BEFORE INSERT OR UPDATE OR DELETE ON settings
  FOR EACH ROW EXECUTE FUNCTION settings_manager_only();

-- Who wrote a journal entry, fixed by the database: the login of the connection, not what the client says.
ALTER TABLE action_journal ADD COLUMN db_user text;

-- Why four-eyes refuses a payout send, or NULL when it may go: the same rule as the core (risk.ts, confirm-colleague.ts)
-- on the same records (the request's amount, the payout-settings thresholds, the operators), failing closed.
CREATE FUNCTION desk_four_eyes_refusal(p_item_id text, p_operator text, p_second text) RETURNS text
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  tx record;
  thresholds jsonb;
  threshold bigint;
  second jsonb;
  second_key text;
BEGIN
  IF p_item_id !~ '^[0-9]{1,18}$' THEN RETURN format('item %s is not a withdrawal request id', p_item_id); END IF;
  SELECT amount_minor, currency INTO tx FROM transactions WHERE tid = p_item_id::bigint;
  IF NOT FOUND THEN RETURN format('request %s is not in the store', p_item_id); END IF;
  SELECT value -> 'fourEyesThresholds' INTO thresholds FROM settings WHERE key = 'payout-settings';
  thresholds := COALESCE(thresholds, '${SHIPPED_THRESHOLDS}'::jsonb);
  threshold := CASE WHEN jsonb_typeof(thresholds -> upper(tx.currency)) = 'number'
    THEN (thresholds ->> upper(tx.currency))::bigint END;
  IF threshold IS NOT NULL AND tx.amount_minor <= threshold THEN RETURN NULL; END IF;
  IF p_second IS NULL OR btrim(p_second) = '' THEN
    RETURN format('request %s (%s %s minor units) needs a second approver', p_item_id, tx.amount_minor, tx.currency);
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

-- The journal entry is what starts every send: who may start which action, and four-eyes on payouts.
CREATE FUNCTION action_journal_team_rules() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  needed text[];
  why text;
BEGIN
  IF NOT desk_team_mode() THEN RETURN NEW; END IF;
  IF TG_OP = 'UPDATE' THEN
    -- The owner (maintenance, tests that age an entry) may; a desk login only records outcomes.
    IF NOT desk_is_owner() AND (NEW.item_kind, NEW.item_id, NEW.action, NEW.operator, NEW.request, NEW.db_user, NEW.created_at)
       IS DISTINCT FROM (OLD.item_kind, OLD.item_id, OLD.action, OLD.operator, OLD.request, OLD.db_user, OLD.created_at) THEN
      RAISE EXCEPTION 'Journal entry %: only its outcome may change, never what was asked or by whom.', OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  NEW.db_user := session_user;
  -- The same roles as the core's channel table (channel-roles.ts); an action not listed needs a manager.
  needed := CASE
    WHEN NEW.action LIKE 'payouts:%' THEN ARRAY['desk_backoffice', 'desk_manager']
    WHEN NEW.action LIKE 'terminal:%' THEN ARRAY['desk_agent', 'desk_manager']
    ELSE ARRAY['desk_manager'] END;
  IF NOT (desk_member_of(needed[1]) OR desk_member_of(needed[array_upper(needed, 1)])) THEN
    RAISE EXCEPTION '% is refused for %: it needs membership in %.', NEW.action, session_user, array_to_string(needed, ' or ')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.action IN ('payouts:approve', 'payouts:split') THEN
    why := desk_four_eyes_refusal(NEW.item_id, NEW.operator, NEW.request ->> 'secondApprover');
    IF why IS NOT NULL THEN
      RAISE EXCEPTION 'Four-eyes: % refused, %.', NEW.action, why USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER action_journal_team_rules BEFORE INSERT OR UPDATE ON action_journal
  FOR EACH ROW EXECUTE FUNCTION action_journal_team_rules();
`;
