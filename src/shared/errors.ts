/** The closed set of error codes the UI can act on; every failure that crosses a boundary carries one. */
export const ERROR_CODES = [
  'VALIDATION', // the input was malformed: say which field and what is expected
  'PRAXIS_REJECTED', // Praxis answered status != 0; description says why; no money moved
  'AUTH', // invalid signature / credentials / IP not allowed / Agent API disabled
  'CLOCK_SKEW', // Praxis says our timestamp is stale or in the future
  'TIMEOUT', // no answer in time: for a money-moving call the outcome is unknown
  'NETWORK', // connection failed or was cut: for a money-moving call the outcome is unknown
  'UNVERIFIED_RESPONSE', // the answer's Gt-Authentication is missing or wrong: never treated as success
  'NO_CREDENTIALS', // the active profile has no merchant secret yet
  'KEYCHAIN_UNAVAILABLE', // the OS keychain cannot be reached
  'NOT_FOUND',
  'CONFLICT', // the item is being acted on elsewhere, or its state forbids the action
  'OUTCOME_UNKNOWN', // a previous send has no known outcome yet: reconcile before acting
  'FOUR_EYES', // a second, different operator must confirm
  'SIGN_IN', // nobody is signed in at this window, or it is locked: sign in / enter the PIN
  'FORBIDDEN', // the signed-in operator's role may not do this
  'STORE', // the work store failed
  'BUSY', // this window has too many commands waiting for an answer: nothing was done, wait for them and retry
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with a command's input: the dotted path of its field ('' for the whole input) and a plain message. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** What crosses IPC / the browser-host socket: plain data, never a thrown Error. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** Extra facts for the UI, never secrets (e.g. praxisStatus, skewSeconds, moneyMayHaveMoved). */
  details?: Record<string, string | number | boolean | null>;
  /** A VALIDATION answer's problems one by one, so a form can put each next to its field. */
  issues?: ValidationIssue[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** An error that already carries a desk error code; the command layer turns it into a WireError. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly details?: WireError['details'];
  constructor(code: ErrorCode, message: string, details?: WireError['details']) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.details = details;
  }
  toWire(): WireError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** Whether `code` is one of the desk's error codes. */
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

export const isDeskError = (e: unknown): e is DeskError => e instanceof Error && isErrorCode((e as DeskError).code);
