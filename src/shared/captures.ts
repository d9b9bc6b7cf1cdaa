/** What the capture queue shows and acts on; produced by src/core/captures, rendered by the Captures screen. */
import type {
  AuditEntryView,
  CustomerHistory,
  JournalEntryView,
  QueueBulkOutcome,
  QueuePageOf,
  ReasonOption,
} from './queue-views';

/** The hold window a countdown uses: which row of the settings' table, in words, and how long it is. */
export interface HoldWindow {
  key: string;
  label: string;
  minutes: number;
}

/**
 * One row of the hold-window table in Settings › Captures. A row with a card brand matches that brand (Praxis's
 * `card.card_type`, any case); a row with only a payment method matches that method; the row with neither is the
 * default. The most specific match wins; among equals, the first row.
 */
export interface HoldWindowRule extends HoldWindow {
  /** Praxis `card.card_type` (VISA, MasterCard, AMEX…), or null. */
  cardType: string | null;
  /** Praxis `payment_method` (e.g. "Credit Card", "Skrill"), or null. */
  paymentMethod: string | null;
}

/** One authorization (hold) waiting to be captured or voided. */
export interface CaptureRow {
  tid: number;
  cid: string | null;
  customerName: string | null;
  /** The held amount: Praxis captures the whole hold, so this is also what a capture takes. */
  amountMinor: number;
  currency: string;
  paymentMethod: string | null;
  /** Praxis `card.card_type`, or null for a wallet / APM. */
  cardType: string | null;
  /** Masked card number or wallet account; never a full PAN. */
  destination: string | null;
  /** Gateway hash as Praxis sent it. */
  gateway: string | null;
  /** Praxis `payment_processor`: the gateway's name. */
  gatewayName: string | null;
  orderId: string | null;
  /**
   * ISO 8601 UTC. Praxis sends no created_at (api-reference §8a): the earliest time the desk knows of the hold —
   * the Praxis timestamp of its first accepted notification, or when the desk first saw it (lookup, answer).
   */
  authorizedAt: string;
  /** The window the countdown uses (Settings › Captures). */
  holdWindow: HoldWindow;
  /** authorizedAt + the window, ISO 8601 UTC. */
  lapsesAt: string;
  status: string;
  /** Set when a capture/void is in flight or its outcome is unknown. */
  journalState: 'sending' | 'unknown' | null;
  /** Who is acting on the item right now, at this desk or another (a live claim), else null. */
  claimedBy: string | null;
}

/** An answer of captures:list: the queue, or one page of it, closest to lapsing first. */
export type CapturePage = QueuePageOf<CaptureRow>;

export interface CaptureDetail {
  row: CaptureRow;
  history: CustomerHistory;
  /** Where authorizedAt comes from (see CaptureRow.authorizedAt). */
  age: { since: string; from: 'notification' | 'first-seen' };
  /** Praxis's status_details where they explain the status (a cancelled or lapsed hold), else null. */
  statusDetails: string | null;
  journal: JournalEntryView[];
  audit: AuditEntryView[];
  raw: { transaction: unknown; customer: unknown; session: unknown };
}

export type CaptureAction = 'capture' | 'void';
export type CaptureBulkOutcome = QueueBulkOutcome<CaptureAction>;
export type VoidReason = ReasonOption;

/** Desk-wide capture settings (not secrets), kept in the work store. */
export interface CaptureSettings {
  /** Must hold one default row (no card brand, no payment method). */
  holdWindows: HoldWindowRule[];
  voidReasons: VoidReason[];
  /** Items a bulk capture/void works at once (the desk's one send limit follows it). */
  bulkConcurrency: number;
}

/** One hold that entered its last 24 hours (event:holds-expiring): announced once per item, ever. */
export interface ExpiringHold {
  tid: number;
  /** The customer's name, else their cid. */
  customer: string | null;
  amountMinor: number;
  currency: string;
  lapsesAt: string;
}
