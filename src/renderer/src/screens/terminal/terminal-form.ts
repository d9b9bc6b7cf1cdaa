import { TerminalStartInput } from '../../../../shared/ipc/terminal-contract';
import type { TerminalIntent } from '../../../../shared/terminal';
import { draftValidationError, fieldErrorsFrom, type FieldErrors } from '../../stores/field-errors';

export interface TerminalDraft {
  cid: string;
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  phone: string;
  address: string;
  city: string;
  zip: string;
  intent: TerminalIntent;
  currency: string;
  amount: string;
  openAmount: boolean;
  gateway: string;
}

export const EMPTY_DRAFT: TerminalDraft = {
  cid: '',
  firstName: '',
  lastName: '',
  email: '',
  country: '',
  phone: '',
  address: '',
  city: '',
  zip: '',
  intent: 'payment',
  currency: 'EUR',
  amount: '',
  openAmount: false,
  gateway: '',
};

/** The start command for a draft; `callerCheck`: the lines the agent ticked (none while still reviewing). */
export const inputOf = (d: TerminalDraft, callerCheck: readonly string[] = []) => ({
  intent: d.intent,
  customer: {
    cid: d.cid,
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email,
    country: d.country.toUpperCase(),
    phone: d.phone,
    address: d.address,
    city: d.city,
    zip: d.zip,
  },
  currency: d.currency.toUpperCase(),
  amount: d.openAmount ? null : d.amount,
  ...(d.gateway ? { gateway: d.gateway } : {}),
  callerCheck: [...callerCheck],
});

const CUSTOMER_KEYS = ['cid', 'firstName', 'lastName', 'email', 'country', 'phone', 'address', 'city', 'zip'] as const;

/** The contract's path of a form field ("email" is "customer.email"): the key its message is placed at. */
export const fieldPath = (key: keyof TerminalDraft): string =>
  (CUSTOMER_KEYS as readonly string[]).includes(key) ? `customer.${key}` : key;

/** The form's fields in the order the agent meets them. */
const FORM_KEYS: readonly (keyof TerminalDraft)[] = [...CUSTOMER_KEYS, 'intent', 'currency', 'amount', 'gateway'];

/** Every field of the form a VALIDATION answer (the core's, or the draft's own check) may be placed beside. */
export const TERMINAL_FIELDS: readonly string[] = FORM_KEYS.map(fieldPath);

/** The draft checked with the core's own schema, its messages placed as the core's would be (`fieldErrorsFrom`). */
export function draftErrors(d: TerminalDraft): FieldErrors {
  const r = TerminalStartInput.safeParse(inputOf(d));
  return r.success ? { fields: {}, general: null } : fieldErrorsFrom(draftValidationError(r.error), TERMINAL_FIELDS);
}

/** What a field says as the agent leaves it: its message if it holds a wrong value; an empty one waits for the review. */
export function errorOnLeaving(d: TerminalDraft, key: keyof TerminalDraft): string | undefined {
  if (String(d[key]).trim() === '') return undefined;
  return draftErrors(d).fields[fieldPath(key)];
}

/** The first field, in the form's order, still to fill or fix in `d`; null once the draft is ready for the review. */
export function nextToFill(d: TerminalDraft): keyof TerminalDraft | null {
  const { fields } = draftErrors(d);
  return FORM_KEYS.find((key) => fields[fieldPath(key)] !== undefined) ?? null;
}
