// zod's core, shared by its classic build (the contract) and its mini build (what the page parses at start).
import { config, type $ZodError, type $ZodRawIssue } from 'zod/v4/core';
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

/** Cuts a text the caller typed to `max` characters with an ellipsis, so an answer never carries the input back whole. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const NAMED_KEYS = 5;
/** Problems listed one by one in a refusal; a form shows each by its field and none has more fields than this. */
const LISTED_ISSUES = 20;

const quoted = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** The plain message for one zod issue, or undefined to keep zod's (for issue kinds not listed here). */
export function plainMessage(issue: $ZodRawIssue): string | undefined {
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
    case 'unrecognized_keys': {
      // Named, not echoed: a few of them, each cut short, so a flood of made-up names makes no flood of an answer.
      const named = issue.keys.slice(0, NAMED_KEYS).map((k) => clip(k, 40));
      const more = issue.keys.length - named.length;
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${named.join(', ')}${more ? ` and ${more} more` : ''}`;
    }
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

config({ customError: plainMessage });

/**
 * One problem per issue: where (a dotted path, '' for the input as a whole) and what to type, in plain words. At most
 * LISTED_ISSUES, each cut short (a path holds the caller's keys, a message may quote what was typed), and a last one
 * saying how many more: the answer to megabytes of input is a few lines, not the input again.
 */
export function issuesOf(error: $ZodError): ValidationIssue[] {
  const listed = error.issues.slice(0, LISTED_ISSUES).map((i) => ({
    path: clip(i.path.map(String).join('.'), 120),
    message: clip(i.message, 300),
  }));
  const more = error.issues.length - listed.length;
  return more ? [...listed, { path: '', message: `and ${more} more problems like these` }] : listed;
}

/** The issues as one line for logs and tests: "bulkConcurrency: must be at most 32; pin: must be 4 to 8 digits". */
export const describeIssues = (issues: readonly ValidationIssue[]): string =>
  issues
    .map((i) =>
      i.path ? `${i.path}: ${i.message}` : /^(must|is) /.test(i.message) ? `the input ${i.message}` : i.message,
    )
    .join('; ');
