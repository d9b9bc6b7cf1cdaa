import { z } from 'zod';
import type { AccessSettings, AccessState } from '../access';
import { ROLES } from '../access';
import type { OperatorView } from '../access';
import { channel } from './channel';

const OperatorName = z.string().trim().min(1, 'Enter the operator name').max(32);
const Pin = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');
/** A new operator's name: digits alone look like a PIN, which the audit then withholds (typed-name.ts). */
const NewOperatorName = OperatorName.refine((n) => !/^\d+$/.test(n), {
  message: 'needs a letter: a name of digits alone looks like a PIN',
});

/** A second manager's name and PIN, for a change that weakens four-eyes. */
export const SecondManager = z.object({ operator: OperatorName, pin: z.string().min(1).max(8) }).strict();

/** Sign-in, lock, the idle-lock setting and the operators who may sign in. */
export const accessContract = {
  'session:status': channel(z.object({}).strict()).returns<AccessState>(),
  'session:sign-in': channel(
    z.object({ operator: OperatorName, pin: z.string().min(1).max(8) }).strict(),
  ).returns<AccessState>(),
  'session:sign-out': channel(z.object({}).strict()).returns<AccessState>(),
  /** The person at the screen stepped away: the desk asks for the PIN again. */
  'session:lock': channel(z.object({}).strict()).returns<AccessState>(),
  /** The person at the screen is active (keys, pointer): the idle clock starts again. */
  'session:touch': channel(z.object({}).strict()).returns<AccessState>(),
  'access-settings:get': channel(z.object({}).strict()).returns<AccessSettings>(),
  'access-settings:save': channel(
    z
      .object({
        idleLockMinutes: z
          .number()
          .int('Whole minutes')
          .min(1, 'The desk locks after 1 minute at the soonest')
          .max(240, 'The desk locks after 240 minutes at the latest'),
      })
      .strict(),
  ).returns<AccessSettings>(),
  'operators:list': channel(z.object({}).strict()).returns<OperatorView[]>(),
  /** Adding a manager, once the desk has another besides the person acting, needs a second manager. */
  'operators:add': channel(
    z
      .object({ name: NewOperatorName, pin: Pin, role: z.enum(ROLES), secondManager: SecondManager.optional() })
      .strict(),
  ).returns<OperatorView[]>(),
  /** A new role or PIN for an operator; taking the manager role away weakens four-eyes and needs a second manager. */
  'operators:change': channel(
    z
      .object({
        name: OperatorName,
        role: z.enum(ROLES).optional(),
        pin: Pin.optional(),
        secondManager: SecondManager.optional(),
      })
      .strict()
      .refine((c) => c.role !== undefined || c.pin !== undefined, { message: 'Give a new role or a new PIN' }),
  ).returns<OperatorView[]>(),
  'operators:remove': channel(
    z.object({ name: OperatorName, secondManager: SecondManager.optional() }).strict(),
  ).returns<OperatorView[]>(),
} as const;
