/** What the payout queue shows and acts on; produced by src/core/payouts, rendered by the Payouts screen. */
import type {
  AuditEntryView,
  CustomerHistory,
  JournalEntryView,
  QueueBulkOutcome,
  QueuePageOf,
  ReasonOption,
} from './queue-views';

export type { AuditEntryView, CustomerHistory, JournalEntryView } from './queue-views';

/** Withdrawal-request statuses that still wait for the merchant's decision: the payout queue, in core and renderer alike. */
export const PENDING_WITHDRAWAL_STATUSES = ['requested', 'verification', 'partial_payout', 'split_partial'] as const;

export type RiskFlagCode =
  | 'first_withdrawal'
  | 'withdrawal_ratio'
  | 'unknown_destination'
  | 'velocity'
  | 'verification_alert'
  | 'avs_alert'
  | 'four_eyes';

export type RiskSeverity = 'info' | 'warn' | 'high';

export interface RiskFlagView {
  code: RiskFlagCode;
  severity: RiskSeverity;
  reason: string;
}

/** One withdrawal request in the queue (requested / verification / journal unknown). */
export interface PayoutRow {
  tid: number;
  cid: string | null;
  customerName: string | null;
  country: string | null;
  /** The amount the customer asked for. */
  amountMinor: number;
  /** What is left to pay after split parts: what an approval pays and what the desk shows as the request's amount. */
  remainingMinor: number;
  currency: string;
  paymentMethod: string | null;
  /** Masked card number or wallet account; never a full PAN. */
  destination: string | null;
  gateway: string | null;
  status: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** Set when a money-moving action is in flight or its outcome is unknown. */
  journalState: 'sending' | 'unknown' | null;
  /** Who is acting on the item right now, at this desk or another (a live claim), else null. */
  claimedBy: string | null;
  flags: RiskFlagCode[];
  /** Each flag's severity as the risk card gives it (a ratio with no deposits is high, over the limit warn). */
  flagSeverity: Partial<Record<RiskFlagCode, RiskSeverity>>;
  needsSecondApproval: boolean;
}

export { FIRST_PAGE_ROWS } from './queue-views';

/** An answer of payouts:list: the whole queue, or one page of it in the default order (oldest first). */
export type PayoutPage = QueuePageOf<PayoutRow>;

export interface PayoutDetail {
  row: PayoutRow;
  risk: RiskFlagView[];
  history: CustomerHistory;
  /** Child payouts / split parts of this request. */
  parts: {
    tid: number;
    amountMinor: number;
    currency: string;
    status: string;
    gateway: string | null;
    /** The gateway's name as Praxis reported it (payment_processor); the hash alone means nothing to an operator. */
    gatewayName: string | null;
    orderId: string | null;
  }[];
  raw: { transaction: unknown; customer: unknown; session: unknown };
  /**
   * Where the request's age comes from: Praxis sends no created_at (api-reference §8a), so it is the timestamp of
   * the first notification the desk accepted, or when the desk first saw it (a lookup or an action's answer).
   */
  age: { since: string; from: 'notification' | 'first-seen' };
  /** Praxis's processed amount; null while it has none (a requested payout): the pane shows the requested one, labelled. */
  processed: { amountMinor: number; currency: string } | null;
  /** Praxis's status_details by tid (request and parts) where the status is a decline or an error: they explain it. */
  statusDetails: Record<number, string>;
  /** What notifications claimed that a signed find-transaction has not confirmed yet: shown, not applied. */
  unconfirmed: { status: string; notifiedAt: string }[];
  journal: JournalEntryView[];
  audit: AuditEntryView[];
}

export interface GatewayOption {
  /** Gateway hash sent as `gateway`. */
  id: string;
  name: string;
  /** The gateway/method the request came with. */
  isDefault: boolean;
}

export type { ActionOutcome } from './actions';

/** A bulk approve / reject: per-item results and what succeeded per currency. */
export type BulkOutcome = QueueBulkOutcome<'approve' | 'reject'>;

export type RejectReason = ReasonOption;

/** Desk-wide payout settings (not secrets), kept in the work store. */
export interface PayoutSettings {
  slaWarnMinutes: number;
  slaLateMinutes: number;
  withdrawalRatioPercent: number;
  velocityCount: number;
  velocityWindowHours: number;
  /** Per currency, minor units: approvals strictly above need a second operator. */
  fourEyesThresholds: Record<string, number>;
  rejectReasons: RejectReason[];
  bulkConcurrency: number;
}

export interface SavedView {
  id: string;
  name: string;
  /** Opaque to the core: the Payouts screen's filter and sort state. */
  state: Record<string, unknown>;
}
