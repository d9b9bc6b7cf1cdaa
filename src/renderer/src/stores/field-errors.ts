import type { z } from 'zod';
import type { ValidationIssue, WireError } from '../../../shared/errors';
import { describeIssues, issuesOf } from '../../../shared/ipc/plain-messages';

export interface FieldErrors {
  /** Message per form field, keyed by the field's name in the contract. */
  fields: Record<string, string>;
  /** Whatever could not be placed next to a field. */
  general: string | null;
}

/**
 * The contract's plain wording, shown on its own, starts as a sentence ("must be at most 32" → "Must be at most 32");
 * a message that starts with a name ("merchant_id is required") is left as written.
 */
const sentence = (m: string) =>
  m === 'is required'
    ? 'Required'
    : /^(must|is|unknown|has|holds) /.test(m)
      ? m.charAt(0).toUpperCase() + m.slice(1)
      : m;

/** A core-raised message that names its fields in words ("customBaseUrl: must use https; …"), as issues. */
function issuesInMessage(message: string): ValidationIssue[] {
  return message.split('; ').map((part) => {
    const m = /^([A-Za-z_][\w.]*): (.+)$/s.exec(part);
    return m ? { path: m[1]!, message: m[2]! } : { path: '', message: part };
  });
}

/** The known field a path belongs to: the longest one it is, or starts with in whole segments ("holdWindows.2"). */
function fieldOf(path: string, knownFields: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const f of knownFields)
    if ((path === f || path.startsWith(`${f}.`)) && (found === undefined || f.length > found.length)) found = f;
  return found;
}

/**
 * Places a VALIDATION answer's problems next to the form's fields: each issue (or, for a core-raised error, the
 * field its details or message name) goes to the field its path starts with — the longest known one, so a form may
 * name the fields of a list's rows ("holdWindows.2.minutes", "holdWindows.2") beside the list itself — once per
 * field however many checks said it; the rest stays the form's message.
 */
export function fieldErrorsFrom(error: WireError, knownFields: readonly string[]): FieldErrors {
  if (error.code !== 'VALIDATION') return { fields: {}, general: error.message };
  const named = error.details?.field;
  if (typeof named === 'string' && knownFields.includes(named))
    return { fields: { [named]: error.message }, general: null };
  const said = new Map<string, string[]>();
  const leftover: string[] = [];
  for (const { path, message } of error.issues ?? issuesInMessage(error.message)) {
    const field = fieldOf(path, knownFields);
    if (field === undefined) leftover.push(path ? `${path}: ${message}` : sentence(message));
    else if (!said.get(field)?.includes(message)) said.set(field, [...(said.get(field) ?? []), message]);
  }
  const fields = Object.fromEntries(
    [...said].map(([field, messages]) => [field, [sentence(messages[0]!), ...messages.slice(1)].join('; ')]),
  );
  return { fields, general: leftover.length ? leftover.join('; ') : null };
}

/** A draft the form checked with the contract's own schema, as the VALIDATION answer the core would give. */
export function draftValidationError(error: z.ZodError): WireError {
  const issues = issuesOf(error);
  return { code: 'VALIDATION', message: describeIssues(issues), issues };
}
