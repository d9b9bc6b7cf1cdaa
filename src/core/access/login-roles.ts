import { ROLES, type Role } from '../../shared/access';
import type { Queryable } from '../store/db';

/**
 * On a team store each person connects as their own database role, and what the desk lets them do follows its
 * membership in `desk_agent`, `desk_backoffice` and `desk_manager` (migration 8). The operator record may say more;
 * the lesser of the two applies, so a desk whose login is only desk_backoffice never offers a capture.
 */

/** The roles a database membership grants, spelled as the core's roles (a manager does everything). */
const ROLES_OF_MEMBERSHIP: Record<string, readonly Role[]> = {
  desk_manager: ROLES,
  desk_backoffice: ['backoffice'],
  desk_agent: ['agent'],
};

/** The roles the connected login may act in, or null when the store has no desk roles (PGlite, or no team set up). */
export async function loginDeskRoles(q: Queryable): Promise<readonly Role[] | null> {
  const res = await q.query<{ team: boolean; agent: boolean; backoffice: boolean; manager: boolean }>(
    `SELECT desk_team_mode() AS team, desk_member_of('desk_agent') AS agent,
            desk_member_of('desk_backoffice') AS backoffice, desk_member_of('desk_manager') AS manager`,
  );
  const row = res.rows[0];
  if (!row?.team) return null;
  const granted = new Set<Role>();
  if (row.manager) for (const r of ROLES_OF_MEMBERSHIP.desk_manager!) granted.add(r);
  if (row.backoffice) granted.add('backoffice');
  if (row.agent) granted.add('agent');
  return ROLES.filter((r) => granted.has(r));
}

/** The lesser of the operator's roles and the login's: only what both allow. `null` login roles: no team cap. */
export function capByLogin(operatorRoles: readonly Role[], login: readonly Role[] | null): Role[] {
  return login === null ? [...operatorRoles] : operatorRoles.filter((r) => login.includes(r));
}
