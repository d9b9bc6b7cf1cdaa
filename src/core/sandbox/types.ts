import type { Logger } from '../log';

export interface SimulatorOptions {
  /** 0 = a free port (default). */
  port?: number;
  /** Loopback by default; the admin API refuses non-loopback callers whatever the bind address. */
  host?: string;
  /** Seed a believable book on start (default true). */
  seed?: boolean;
  /** The random seed of the book, so tests see the same customers and amounts (default 1). */
  seedValue?: number;
  /** A new withdrawal request or authorization every so often (default 20 000 ms); null = none. */
  arrivalIntervalMs?: number | null;
  /** Where seeded and arriving items send their notifications (the desk's intake); null = nowhere yet. */
  notificationUrl?: string | null;
  /** First retry delay of a notification that was not acknowledged with status 0 (default 1000 ms; doubles, capped). */
  notificationRetryBaseMs?: number;
  /** How long a "timeoutAfterApply" fault holds the socket before dropping it (default 30 000 ms). */
  hangMs?: number;
  /** How long an authorization holds before it lapses (default 7 days, the schemes' usual card window). */
  holdWindowMs?: number;
  /** How often lapsed holds are looked for (default 1000 ms). */
  lapseCheckMs?: number;
  /** How long a virtual-terminal session stays open before it expires and is notified (default 15 min). */
  vtSessionTtlMs?: number;
  /** The merchant's customer sync endpoint, called when a terminal session opens for a cid (default none). */
  customerSyncUrl?: string | null;
  logger?: Logger;
  /** The merchant the simulator accepts (default the public sample credentials); tests use a distinctive secret. */
  credentials?: { merchantId: string; applicationKey: string; secret: string };
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number;
}

/**
 * Faults for the next calls to the signed API (`POST /_sim/faults` takes the same JSON):
 * {
 *   "latencyMs": 1500,            // every signed call waits this long first (until cleared)
 *   "http5xx": 2,                 // the next 2 signed calls answer HTTP 503 without acting
 *   "timeoutAfterApply": 1,       // the next call IS applied, then the answer never comes…
 *   "timeoutMode": "hang",        // …"hang": socket held for hangMs then dropped; "drop": socket cut at once
 *   "wrongSignature": 1,          // the next answer carries a Gt-Authentication that does not verify
 *   "dropNotifications": 1,       // the next notification is silently not sent (no retry)
 *   "duplicateNotifications": 1,  // the next notification is sent twice
 *   "clockOffsetMs": -90000,      // the simulator's clock 90 s behind the machine's (a desk clock 90 s ahead)
 *   "holdPayouts": true,          // payouts made from now on stay `pending` (processing at the PSP) and the request
 *                                 // keeps showing `requested`, until POST /_sim/settle-payouts (until cleared)
 *   "shortPayouts": 1, "shortByMinor": 100,
 *                                 // the next payout is booked (and answered) 100 minor units below what was asked,
 *                                 // as a PSP may settle a different amount (§6.7)
 *   "findStatus": [{ "tid": 123, "status": "verification", "seconds": 30 }]
 *                                 // find-transaction for tid 123 (or find-order for { "orderId" }) answers that
 *                                 // transaction_status for the next 30 s, whatever the book holds
 *   "tidFaults": [{ "tid": 123, "fault": "refuse", "description": "Generic Error.", "times": 1 }]
 *                                 // the next money-moving call (manage-*, split-*) naming tid 123: "http5xx" answers
 *                                 // 503 without acting, "refuse" answers status 400 with the description without
 *                                 // acting, "timeoutAfterApply" acts and then withholds the answer (timeoutMode)
 * }
 * Counts are "the next N"; each is used up as it fires. `DELETE /_sim/faults` clears everything.
 */
export interface SimFaults {
  latencyMs?: number;
  http5xx?: number;
  timeoutAfterApply?: number;
  timeoutMode?: 'hang' | 'drop';
  wrongSignature?: number;
  dropNotifications?: number;
  duplicateNotifications?: number;
  holdPayouts?: boolean;
  /** The simulator's clock this far from the machine's (+ ahead, − behind), for timestamps it stamps and checks. */
  clockOffsetMs?: number;
  shortPayouts?: number;
  shortByMinor?: number;
  findStatus?: SimStatusAnswer[];
  tidFaults?: SimTidFault[];
}

/** A fault for the money-moving calls naming one tid (a capture, a void, a complete…), `times` times (default 1). */
export interface SimTidFault {
  tid: number;
  fault: 'http5xx' | 'refuse' | 'timeoutAfterApply';
  /** The refusal's description (default "Generic Error.", Praxis's documented generic text). */
  description?: string;
  times?: number;
}

/** "Answer find-transaction for this tid (or find-order for this order_id) with this status for the next N seconds." */
export interface SimStatusAnswer {
  tid?: number;
  orderId?: string;
  status: string;
  /** The status_details to answer with it (e.g. why a payout errored); default: the record's own. */
  details?: string;
  seconds: number;
}

/** Card brands the simulator can make a card of, as Praxis writes card_type. */
export const SIM_CARD_BRANDS = ['VISA', 'MasterCard', 'AMEX', 'Discover', 'Maestro'] as const;

export interface CreateItemInput {
  cid: string;
  currency: string;
  /** Minor units. */
  amount: number;
  notification_url?: string | null;
  /** Authorizations: a card of this brand instead of the customer's first card. */
  card_type?: (typeof SIM_CARD_BRANDS)[number];
  /** The merchant's own order id; default: a new one. */
  order_id?: string;
  /** A new cid's name, as a merchant sends it in customer_data; default none (a known cid keeps its own). */
  customer_data?: { first_name?: string; last_name?: string };
}

export interface Simulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** The public sample credentials the simulator accepts. */
  credentials: { merchantId: string; applicationKey: string; secret: string };
  setNotificationUrl(url: string | null): void;
  /** Re-send the latest signed notification of every item to the current notification URL; resolves with how many were sent. */
  replayNotifications(): Promise<number>;
  createWithdrawalRequest(input: CreateItemInput): { tid: number };
  createAuthorization(input: CreateItemInput): { tid: number };
  setFaults(faults: SimFaults): void;
  /** Shortens (or lengthens) the hold window for this run: every hold, or only the given tids. */
  setHoldWindow(seconds: number, tids?: number[]): void;
  /** Where customer sync calls go when a terminal session opens (null = none). */
  setCustomerSyncUrl(url: string | null): void;
  /** The address callers reach it at when a proxy sits in front (redirect_url is built on it); null = its own url. */
  setPublicUrl(url: string | null): void;
  clearFaults(): void;
  /** Resolves when every notification that is being sent or retried has finished (for tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}
