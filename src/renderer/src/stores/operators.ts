import { create } from 'zustand';
import type { AccessSettings, OperatorView, Role } from '../../../shared/access';
import type { Result, WireError } from '../../../shared/errors';
import { desk } from '../api/desk';
import { accessActions, isSignedInAs, useAccess } from './access';
import { fieldErrorsFrom } from './field-errors';
import { withSecondManager } from './second-manager';

// ---- state ----
export interface OperatorsState {
  operators: OperatorView[];
  accessSettings: AccessSettings | null;
  error: WireError | null;
  /** The add and idle-lock forms' messages next to their inputs, keyed by the contract's field name. */
  fieldErrors: Record<string, string>;
  notice: string | null;
}

/** The inputs of Settings › Operators that a VALIDATION answer can point at. */
export const OPERATOR_FIELDS = ['name', 'pin', 'role', 'idleLockMinutes'] as const;

export const useOperators = create<OperatorsState>()(() => ({
  operators: [],
  accessSettings: null,
  error: null,
  fieldErrors: {},
  notice: null,
}));
const set = useOperators.setState;

/** A refusal: what is about one input goes next to it, the rest (without any channel name) under the forms. */
function refused(error: WireError): WireError {
  const { fields, general } = fieldErrorsFrom(error, OPERATOR_FIELDS);
  set({ error: general === null ? null : { ...error, message: general }, fieldErrors: fields, notice: null });
  return error;
}

/** Applies a changed operators list; adding the first manager turns sign-in on, so the access state is read again. */
async function apply(res: Result<OperatorView[]>, notice: string): Promise<WireError | null> {
  if (!res.ok) return refused(res.error);
  set({ operators: res.data, error: null, fieldErrors: {}, notice });
  await accessActions.load();
  return null;
}

// ---- actions ----
export const operatorsActions = {
  async load(): Promise<void> {
    const res = await desk().operators.list({});
    set(res.ok ? { operators: res.data, error: null } : { error: res.error });
  },

  async loadAccessSettings(): Promise<void> {
    const res = await desk()['access-settings'].get({});
    if (res.ok) set({ accessSettings: res.data });
  },

  /** The PIN goes straight to the core, which keeps only a hash; it is never put in a store. */
  add: async (name: string, pin: string, role: Role) =>
    apply(
      await withSecondManager((secondManager) => desk().operators.add({ name, pin, role, secondManager })),
      `Operator “${name.trim()}” added.`,
    ),

  changeRole: async (name: string, role: Role) =>
    apply(
      await withSecondManager((secondManager) => desk().operators.change({ name, role, secondManager })),
      `${name} is now ${role === 'backoffice' ? 'back-office' : role}.`,
    ),

  /**
   * A manager gives someone a new PIN (a forgotten one, or one seen by others); the core asks a second manager when it
   * is another manager's. Answers the refusal, its message about the PIN alone when it is one, for the dialog to show.
   */
  async setPin(name: string, pin: string): Promise<string | null> {
    const res = await withSecondManager((secondManager) => desk().operators.change({ name, pin, secondManager }));
    if (!res.ok) {
      const { fields, general } = fieldErrorsFrom(res.error, ['pin']);
      return fields.pin ?? general ?? res.error.message;
    }
    set({
      operators: res.data,
      error: null,
      fieldErrors: {},
      // The core signs out whoever used the old PIN, except the manager who set their own.
      notice: isSignedInAs(useAccess.getState().access, name)
        ? 'Your new PIN is set. You stay signed in; it opens the desk from your next sign-in or unlock.'
        : `${name}’s new PIN is set, and any window ${name} was signed in at is signed out. Tell them the PIN in person.`,
    });
    return null;
  },

  remove: async (name: string) =>
    apply(
      await withSecondManager((secondManager) => desk().operators.remove({ name, secondManager })),
      `Operator “${name}” removed.`,
    ),

  async saveIdleLock(idleLockMinutes: number): Promise<WireError | null> {
    const res = await desk()['access-settings'].save({ idleLockMinutes });
    if (!res.ok) return refused(res.error);
    set({
      accessSettings: res.data,
      error: null,
      fieldErrors: {},
      notice: `The desk now locks after ${idleLockMinutes} idle minutes.`,
    });
    await accessActions.load();
    return null;
  },
};
