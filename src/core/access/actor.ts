import { AsyncLocalStorage } from 'node:async_hooks';
import { SANDBOX_OPERATOR, type Role } from '../../shared/access';

/** The person a command runs for: written in the journal and audit, and sent to Praxis as `agent_name`. */
export interface Actor {
  name: string;
  roles: readonly Role[];
}

/** Work the desk does by itself (recovery at start, confirming notifications) is done in this name. */
export const DESK_ACTOR: Actor = { name: 'Desk (automatic)', roles: [] };
export const SANDBOX_ACTOR: Actor = { name: SANDBOX_OPERATOR, roles: ['agent', 'backoffice', 'manager'] };

// Carried through every await of a command (bulk runs included), so no engine needs it passed by hand.
const actorOfCommand = new AsyncLocalStorage<Actor>();

export const runAs = <T>(actor: Actor, fn: () => T): T => actorOfCommand.run(actor, fn);

export const currentActor = (): Actor => actorOfCommand.getStore() ?? DESK_ACTOR;
