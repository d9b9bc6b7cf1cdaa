import { DeskError } from '../../shared/errors';
import { currentActor } from '../access/actor';
import { loadAccessSettings, saveAccessSettings } from '../access/access-settings';
import type { Resolved, SignInSessions } from '../access/sign-in-sessions';
import {
  assertNotLastManager,
  confirmManagerChange,
  confirmPinForSomeoneElse,
  confirmSecondManager,
} from '../access/weakening';
import {
  addOperator,
  changeOperator,
  checkNewOperator,
  findOperator,
  listOperators,
  operatorKey,
  removeOperator,
} from '../operators/operator-registry';
import type { WorkStore } from '../store/work-store';
import type { CommandHandlers } from './dispatch';

type AccessChannel = Extract<
  keyof CommandHandlers,
  `session:${string}` | `access-settings:${string}` | `operators:${string}`
>;

/** The active profile's store (null when the desk runs without one), held for the length of one command. */
export type WithAccessStore = <T>(fn: (store: WorkStore | null, profileId: string | null) => Promise<T>) => Promise<T>;

/** Sign-in, lock and the operators who sign in: each line delegates; who acts comes from the access guard. */
export function createAccessHandlers(
  withStore: WithAccessStore,
  sessions: SignInSessions,
  resolve: (connection: string) => Promise<Resolved>,
): Pick<CommandHandlers, AccessChannel> {
  const needStore = <T>(fn: (store: WorkStore, profileId: string) => Promise<T>) =>
    withStore((store, profileId) => {
      if (!store || !profileId)
        throw new DeskError(
          'STORE',
          'This desk runs without a work store, so it has no operators. Start it with a store (the default).',
        );
      return fn(store, profileId);
    });
  return {
    'session:status': async (_, ctx) => (await resolve(ctx.connection)).state,
    'session:sign-in': ({ operator, pin }, ctx) =>
      needStore((store, profileId) => sessions.signIn(store, profileId, ctx.connection, operator, pin)),
    'session:sign-out': (_, ctx) => withStore((store) => sessions.signOut(store, ctx.connection)),
    'session:lock': (_, ctx) =>
      withStore((store, profileId) => sessions.lock(store, profileId, ctx.connection, 'asked')),
    'session:touch': (_, ctx) =>
      withStore(async (store, profileId) => {
        sessions.touch(ctx.connection);
        return (await sessions.resolve(store, profileId, ctx.connection)).state;
      }),
    'access-settings:get': () => needStore((store) => loadAccessSettings(store)),
    'access-settings:save': (input) => needStore((store) => saveAccessSettings(store, input, currentActor().name)),
    'operators:list': () => needStore((store) => listOperators(store)),
    'operators:add': ({ name, pin, role, secondManager }) =>
      needStore(async (store) => {
        const actor = currentActor().name;
        // A name or PIN that cannot be added is said first: nobody is asked to confirm what would be refused.
        const added = await checkNewOperator(store, { name, pin });
        if (role === 'manager')
          await confirmManagerChange(store, actor, secondManager, `Adding ${added} as a manager`, added);
        else await confirmPinForSomeoneElse(store, actor, secondManager, `Adding ${added}`, added);
        return addOperator(store, { name, pin, role }, actor);
      }),
    'operators:change': ({ name, role, pin, secondManager }) =>
      needStore(async (store) => {
        const actor = currentActor().name;
        const target =
          role && role !== 'manager' ? await assertNotLastManager(store, name) : await findOperator(store, name);
        if (!target) throw new DeskError('NOT_FOUND', `No operator named "${name}" is registered on this desk.`);
        // Taking the manager role away leaves fewer people who can give a second approval.
        if (role && role !== 'manager' && target.role === 'manager')
          await confirmSecondManager(store, actor, secondManager, `Taking the manager role from ${target.name}`);
        // Making a manager, or setting a manager's PIN (then signing in as them), makes a second manager of one.
        else if (role === 'manager' && target.role !== 'manager')
          await confirmManagerChange(store, actor, secondManager, `Making ${target.name} a manager`, target.name);
        else if (pin !== undefined && target.role === 'manager' && operatorKey(target.name) !== operatorKey(actor))
          // The manager themselves may confirm it with their current PIN: then it is their own change.
          await confirmManagerChange(store, actor, secondManager, `Setting ${target.name}'s PIN`);
        else if (pin !== undefined && operatorKey(target.name) !== operatorKey(actor))
          await confirmPinForSomeoneElse(store, actor, secondManager, `Setting ${target.name}'s PIN`, target.name);
        return changeOperator(store, { name, role, pin }, actor);
      }),
    'operators:remove': ({ name, secondManager }) =>
      needStore(async (store) => {
        const target = await assertNotLastManager(store, name);
        await confirmSecondManager(store, currentActor().name, secondManager, `Removing ${target.name}`, target.name);
        return removeOperator(store, name, currentActor().name);
      }),
  };
}
