import { DeskError } from '../../shared/errors';
import { ROLE_LABELS } from '../../shared/access';
import type { Channel } from '../../shared/ipc/contract';
import type { AdmittingHandler, CommandContext, CommandHandlers } from '../commands/dispatch';
import { DESK_ACTOR, runAs, type Actor } from './actor';
import { CHANNEL_ROLES, rolesFor } from './channel-roles';
import type { RoleRefusal } from './refusal-audit';
import type { Resolved } from './sign-in-sessions';

/** Who a call was admitted as, by this guard's admit for that call. */
interface Admission {
  actor: Actor;
}

/** "manager", "back-office or manager": a list of roles as a refusal says it. */
export const listRoles = (roles: readonly string[]) =>
  roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]!}`;

/**
 * Wraps the command table so that every channel is checked against CHANNEL_ROLES before its input is read (dispatch
 * asks `admit` first) and its handler runs as the person signed in at the calling window (their name goes to the
 * journal, audit and Praxis).
 * Each call refused for its role is told to `refused` (refusal-audit.ts audits it) before FORBIDDEN is answered.
 */
export function guardHandlers(
  handlers: CommandHandlers,
  resolve: (ctx: CommandContext) => Promise<Resolved>,
  refused: (refusal: RoleRefusal) => Promise<void>,
): CommandHandlers {
  const guarded = {} as Record<Channel, AdmittingHandler>;
  // What admit answered, used once by the handler it was asked for: a stray third argument never names an actor.
  const admissions = new WeakSet<Admission>();
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as (input: unknown, ctx: CommandContext) => Promise<unknown>;
    const access = CHANNEL_ROLES[channel];
    // Who the call runs as, or the refusal: dispatch asks before it reads the input.
    const admitted = (actor: Actor): Admission => {
      const admission = { actor };
      admissions.add(admission);
      return admission;
    };
    const admit = async (ctx: CommandContext): Promise<Admission> => {
      if (access === 'open') {
        const { actor } = await resolve(ctx).catch(() => ({ actor: null }));
        return admitted(actor ?? DESK_ACTOR);
      }
      const { actor, state } = await resolve(ctx);
      if (!actor) {
        throw state.mode === 'locked'
          ? new DeskError(
              'SIGN_IN',
              `The desk is locked (idle for ${state.idleLockMinutes} min, or locked by hand). ${state.operator}, enter your PIN to go on.`,
              { reason: 'locked' },
            )
          : new DeskError('SIGN_IN', 'Nobody is signed in at this window. Sign in with your operator name and PIN.', {
              reason: 'signed-out',
            });
      }
      const allowed = rolesFor(access);
      if (!actor.roles.some((r) => allowed.includes(r))) {
        await refused({ operator: actor.name, channel, needs: allowed, has: actor.roles });
        const names = allowed.map((r) => ROLE_LABELS[r].toLowerCase());
        throw new DeskError(
          'FORBIDDEN',
          `${channel} needs the ${listRoles(names)} role; ${actor.name} is signed in as ${listRoles(actor.roles.map((r) => ROLE_LABELS[r].toLowerCase()))}. Nothing was done; ask someone with that role.`,
          { channel },
        );
      }
      return admitted(actor);
    };
    guarded[channel] = Object.assign(
      async (input: unknown, ctx: CommandContext, given?: unknown) => {
        const admission =
          typeof given === 'object' && given !== null && admissions.delete(given as Admission)
            ? (given as Admission)
            : await admit(ctx);
        return runAs(admission.actor, () => handler(input, ctx));
      },
      { admit },
    );
  }
  return guarded as CommandHandlers;
}
