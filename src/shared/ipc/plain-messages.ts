import { z } from 'zod';
import type { ValidationIssue } from '../errors';

/*
 * zod's own wording ("Too big: expected number to be <=32") is for developers. Every schema of the contract is
 * parsed on both sides (the renderer checks drafts, the core checks every command), so the plain wording is set
 * once, globally, wherever the contract is loaded. A message a schema gives itself still wins over this one.
 */

const UNITS: Record<string, [one: string, many: string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  map: ['entry', 'entries'],
  file: ['byte', 'bytes'],
};

const FORMATS: Record<string, string> = {
  email: 'an email address',
  url: 'a web address (URL)',
  uuid: 'an id',
  datetime: 'a date and time',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time',
};

const TYPES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of fields',
};

const counted = (n: number | bigint, origin: string): string => {
  const unit = UNITS[origin];
  return unit ? `${n} ${Number(n) === 1 ? unit[0] : unit[1]}` : String(n);
};

const quoted = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** The plain message for one zod issue, or undefined to keep zod's (for issue kinds not listed here). */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_big': {
      const max = counted(issue.maximum, issue.origin);
      if (issue.exact) return `must be exactly ${max}`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'too_small': {
      const min = counted(issue.minimum, issue.origin);
      if (issue.exact) return `must be exactly ${min}`;
      if (issue.origin === 'string' && Number(issue.minimum) === 1 && issue.inclusive !== false)
        return 'must not be empty';
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      // `.int()` reports a fraction as a wrong type; NaN and Infinity as numbers that are no number.
      return `must be ${TYPES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values)}` : `must be one of ${quoted(issue.values)}`;
    case 'invalid_format':
      return FORMATS[issue.format] ? `must be ${FORMATS[issue.format]}` : 'is not in the expected form';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not accepted';
    case 'invalid_element':
      return 'holds a value that is not accepted';
    case 'custom':
      return 'is not accepted';
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });

/** One problem per issue: where (a dotted path, '' for the input as a whole) and what to type, in plain words. */
export const issuesOf = (error: z.ZodError): ValidationIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** The issues as one line for logs and tests: "bulkConcurrency: must be at most 32; pin: must be 4 to 8 digits". */
export const describeIssues = (issues: readonly ValidationIssue[]): string =>
  issues
    .map((i) =>
      i.path ? `${i.path}: ${i.message}` : /^(must|is) /.test(i.message) ? `the input ${i.message}` : i.message,
    )
    .join('; ');
