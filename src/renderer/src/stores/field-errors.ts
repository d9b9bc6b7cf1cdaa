import type { WireError } from '../../../shared/errors';

export interface FieldErrors {
  /** Message per form field, keyed by the field's name in the contract. */
  fields: Record<string, string>;
  /** Whatever could not be placed next to a field. */
  general: string | null;
}

/**
 * Splits a VALIDATION answer ("Invalid input for profiles:save: customBaseUrl: …; merchantId: …") into
 * messages per field, so each one can be shown next to its input.
 */
export function fieldErrorsFrom(error: WireError, knownFields: readonly string[]): FieldErrors {
  if (error.code !== 'VALIDATION') return { fields: {}, general: error.message };
  // A core-raised error may name its field in details instead of the message.
  const named = error.details?.field;
  if (typeof named === 'string' && knownFields.includes(named))
    return { fields: { [named]: error.message }, general: null };
  const body = error.message.replace(/^Invalid input for \S+: /, '');
  const fields: Record<string, string> = {};
  const leftover: string[] = [];
  for (const part of body.split('; ')) {
    const m = /^([A-Za-z_][\w.]*): (.+)$/s.exec(part);
    const field = m?.[1]?.split('.')[0];
    if (m && field && knownFields.includes(field)) fields[field] = fields[field] ? `${fields[field]} ${m[2]}` : m[2]!;
    else leftover.push(part);
  }
  return { fields, general: leftover.length ? leftover.join('; ') : null };
}
