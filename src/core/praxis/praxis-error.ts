import { DeskError } from '../../shared/errors';

/** The codes a Praxis call can fail with; all belong to the desk's closed ErrorCode set. */
export const PRAXIS_ERROR_CODES = [
  'PRAXIS_REJECTED',
  'AUTH',
  'CLOCK_SKEW',
  'TIMEOUT',
  'NETWORK',
  'UNVERIFIED_RESPONSE',
  'VALIDATION',
] as const;
export type PraxisErrorCode = (typeof PRAXIS_ERROR_CODES)[number];

export interface PraxisErrorFacts {
  /** The Agent API method, e.g. "manage-withdrawal-request". */
  method: string;
  /** True when the call may have moved money (see MONEY_MOVING_METHODS). */
  movesMoney: boolean;
  praxisStatus?: number;
  praxisDescription?: string;
  httpStatus?: number;
  /** Seconds our clock is ahead (+) or behind (-) Praxis. */
  skewSeconds?: number;
  /** Force outcomeUnknown (e.g. a negative Praxis status on a money-moving call). */
  outcomeUnknown?: boolean;
}

/**
 * The one error a Praxis call throws. `outcomeUnknown` tells the journal that money may have moved and the item
 * must be looked up before anything is retried. Every fact is also in `details`, so it survives IPC.
 */
export class PraxisError extends DeskError {
  declare readonly code: PraxisErrorCode;
  readonly method: string;
  readonly praxisStatus?: number;
  readonly praxisDescription?: string;
  readonly httpStatus?: number;
  readonly skewSeconds?: number;
  readonly outcomeUnknown: boolean;

  constructor(code: PraxisErrorCode, message: string, facts: PraxisErrorFacts) {
    const unknownByCode =
      facts.movesMoney && (code === 'TIMEOUT' || code === 'NETWORK' || code === 'UNVERIFIED_RESPONSE');
    const outcomeUnknown = unknownByCode || (facts.movesMoney && facts.outcomeUnknown === true);
    const details: Record<string, string | number | boolean | null> = {
      method: facts.method,
      outcomeUnknown,
      moneyMayHaveMoved: outcomeUnknown,
    };
    if (facts.praxisStatus !== undefined) details.praxisStatus = facts.praxisStatus;
    if (facts.praxisDescription !== undefined) details.praxisDescription = facts.praxisDescription;
    if (facts.httpStatus !== undefined) details.httpStatus = facts.httpStatus;
    if (facts.skewSeconds !== undefined) details.skewSeconds = facts.skewSeconds;
    super(code, message, details);
    this.name = 'PraxisError';
    this.method = facts.method;
    this.praxisStatus = facts.praxisStatus;
    this.praxisDescription = facts.praxisDescription;
    this.httpStatus = facts.httpStatus;
    this.skewSeconds = facts.skewSeconds;
    this.outcomeUnknown = outcomeUnknown;
  }
}

export const isPraxisError = (e: unknown): e is PraxisError => e instanceof PraxisError;
