import type { ValidationIssue, WireError } from '../../../shared/errors';

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

/**
 * Places a VALIDATION answer's problems next to the form's fields: each issue (or, for a core-raised error, the
 * field its details or message name) goes to the field its path starts with; the rest stays the form's message.
 */
export function fieldErrorsFrom(error: WireError, knownFields: readonly string[]): FieldErrors {
  if (error.code !== 'VALIDATION') return { fields: {}, general: error.message };
  const named = error.details?.field;
  if (typeof named === 'string' && knownFields.includes(named))
    return { fields: { [named]: error.message }, general: null };
  const fields: Record<string, string> = {};
  const leftover: string[] = [];
  for (const { path, message } of error.issues ?? issuesInMessage(error.message)) {
    const field = path.split('.')[0]!;
    if (knownFields.includes(field)) fields[field] = fields[field] ? `${fields[field]}; ${message}` : sentence(message);
    else leftover.push(path ? `${path}: ${message}` : sentence(message));
  }
  return { fields, general: leftover.length ? leftover.join('; ') : null };
}
