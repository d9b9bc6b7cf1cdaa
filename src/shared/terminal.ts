/** The virtual terminal's shapes shared by the core and the renderer (issue 12). Money in integer minor units. */

export const TERMINAL_INTENTS = ['payment', 'authorization', 'withdrawal'] as const;
export type TerminalIntent = (typeof TERMINAL_INTENTS)[number];

/**
 * Where a terminal session stands, as the agent sees it. `opening`: the journal entry is written and the call is
 * on its way; `pending`: the page is open and nothing is known yet; `approved` / `authorized` (a hold, now in the
 * capture queue) / `requested` (a withdrawal request, now in the payout queue); `declined`; `expired` (the page
 * was abandoned); `failed`: Praxis refused to open it; `unknown`: the open call's outcome is not known.
 */
export const TERMINAL_STATES = [
  'opening',
  'pending',
  'approved',
  'authorized',
  'requested',
  'declined',
  'expired',
  'failed',
  'unknown',
] as const;
export type TerminalState = (typeof TERMINAL_STATES)[number];

/** A Cashier session lives 15 minutes (§3.1): its page takes no card after that. */
export const CASHIER_SESSION_LIFE_MS = 15 * 60_000;

/** States after which nothing more will happen to the session. */
export const ENDED_TERMINAL_STATES: readonly TerminalState[] = [
  'approved',
  'authorized',
  'requested',
  'declined',
  'expired',
  'failed',
];

export interface TerminalCustomer {
  cid: string;
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  phone: string | null;
  address: string | null;
  city: string | null;
  zip: string | null;
}

export interface TerminalSession {
  orderId: string;
  intent: TerminalIntent;
  cid: string;
  customerName: string;
  currency: string;
  /** null: the customer chose the amount on the page (it is then in `processedAmountMinor` once known). */
  amountMinor: number | null;
  /** The transaction's amount once Praxis reported one. */
  transactionAmountMinor: number | null;
  /** The withdrawable balance sent with a withdrawal, when known. */
  balanceMinor: number | null;
  paymentMethod: string | null;
  gateway: string | null;
  agent: string;
  state: TerminalState;
  /** Praxis's words for the outcome (status_details), or the refusal's description. */
  statusDetails: string | null;
  tid: number | null;
  /** The order this one retried, if any. */
  retryOf: string | null;
  /** How the outcome became known: a notification (confirmed by find-transaction) or the desk's own find-order. */
  learnedBy: 'notification' | 'find-order' | null;
  /**
   * The hosted page can still take a card: open and undecided, or declined while Praxis keeps it open for another
   * card (the desk cannot close it). While true, a retry shows this page again rather than a second one.
   */
  pageOpen: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What starting a session answers: the session and the hosted page to show (never stored, never logged). */
export interface TerminalStart {
  session: TerminalSession;
  redirectUrl: string | null;
  /** The origin the hosted page may come from (the active environment's Praxis host). */
  praxisOrigin: string;
  /** Electron: the page opened in its own window (and redirectUrl is withheld from the renderer). */
  openedInWindow?: boolean;
  /** A reopened open session whose page is not given back: why (another agent's, or kept by an earlier run). */
  pageWithheld?: string;
}

export interface TerminalGatewayOption {
  gateway: string;
  label: string;
  paymentMethod: string | null;
}
