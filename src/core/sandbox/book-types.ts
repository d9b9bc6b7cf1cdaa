/** The simulator's records: what Praxis would hold for one merchant. Amounts are integer minor units. */
import type { Card, Wallet } from '../praxis/schemas';

export interface SimCustomer {
  cid: string;
  customer_token: string;
  first_name: string;
  last_name: string;
  country: string;
  currency: string;
  avs_alert: number;
  verification_alert: number | null;
  cards: Card[];
  wallets: Wallet[];
}

export interface SimSession {
  auth_token: string;
  intent: 'authorization' | 'payment' | 'withdrawal';
  session_status: 'open' | 'action required' | 'successful' | 'failed' | 'expired';
  order_id: string;
  cid: string;
  currency: string;
  amount: number | null;
  /** Where this session's notifications go; undefined = the simulator's current notification URL. */
  notificationUrl?: string | null;
  /** VT only: the agent who opened it and where the card page returns to. */
  agentName?: string;
  returnUrl?: string | null;
  /** VT: where validation calls go before an attempt is processed (§5.2), and the withdrawable balance sent. */
  validationUrl?: string | null;
  balance?: number | null;
  /** VT: what the merchant's customer sync answered when the session opened. */
  customerSync?: { status: number | null; balance: number | null; verified: boolean } | null;
  /** VT: descriptions of attempts the merchant's validation refused. */
  validationRefusals?: string[];
  tids: number[];
}

/**
 * The wire form of a transaction: the fields Praxis really sends (api-reference §8a), in its order. There is no
 * `created_at`: neither capture carries one, so the desk must not rely on it.
 */
export interface SimTransaction {
  transaction_type: 'authorization' | 'sale' | 'payout' | 'refund';
  transaction_status: string;
  tid: number;
  transaction_id: string | null;
  currency: string;
  amount: number;
  conversion_rate: string | null;
  processed_currency: string | null;
  processed_amount: number | null;
  fee: number;
  fee_included: number;
  fee_type: string;
  payment_method: string;
  payment_processor: string;
  gateway: string | null;
  card: Card | null;
  wallet: Wallet | null;
  is_async: number;
  is_cascade: number;
  cascade_level: number;
  reference_id: string | null;
  withdrawal_request_id: number | null;
  created_by: string;
  edited_by: string | null;
  status_code: string;
  status_details: string;
}

export interface SimRecord {
  tx: SimTransaction;
  /** Unix seconds the simulator created it: orders seeding and replays; never sent (Praxis sends no created_at). */
  createdAt: number;
  cid: string;
  orderId: string;
  /** Withdrawal requests: what is still to be paid out. */
  remainingMinor: number;
  /** Payout tids created from this withdrawal request (completion and splits). */
  parts: number[];
  payoutsMade: number;
  capturesMade: number;
  cancelsMade: number;
  notifications: { sent: number; acknowledged: number; dropped: number; failedAttempts: number };
}

export interface SimGateway {
  gateway: string;
  name: string;
  payment_method: string;
  gateway_type: 'card' | 'apm';
  currencies: string[];
  transaction_types: ('authorization' | 'sale' | 'payout')[];
}
