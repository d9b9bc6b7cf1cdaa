/**
 * zod schemas of every Praxis message the desk sends or reads (API 1.3, api-reference.md §3–§6).
 * Objects are loose: real Praxis may send fields we do not know, and those must not break parsing.
 * Money fields are integer minor units, exactly as Praxis sends them.
 */
import { z } from 'zod';

const int = z.number().int();
const minor = z.number().int().nonnegative();
const opt = <T extends z.ZodType>(schema: T) => schema.nullish();
/** Alert codes are small integers; the store keeps them as a 32-bit integer. */
const alert = int.min(-(2 ** 31)).max(2 ** 31 - 1);

/*
 * A signature joins its values with no separator (§2), so "993026773" "EUR" and "9930267" "73EUR" sign alike, as do
 * "5000" "1.000000" and "50001" ".000000". Each signed value must keep a shape that cannot take a neighbour's
 * characters: a tid is a positive integer (int(11)), a currency three capital letters, a rate a plain decimal without a
 * leading zero (JSON numbers cannot have one either).
 */
const tid = int.positive().max(2_147_483_647);
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as EUR');
const rate = z.union([
  z.string().regex(/^(0|[1-9]\d*)(\.\d+)?$/, 'a plain decimal such as "1.000000"'),
  z.number().nonnegative(),
]);

// ---------------------------------------------------------------------------------------------
// Objects (§6)
// ---------------------------------------------------------------------------------------------

/** §6.1 Customer object as Praxis returns it. */
export const CustomerSchema = z.looseObject({
  customer_token: z.string(),
  country: opt(z.string()),
  first_name: opt(z.string()),
  last_name: opt(z.string()),
  avs_alert: opt(alert),
  verification_alert: opt(alert),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** §6.2 customer_data as the merchant sends it (VT, Cashier). */
export const CustomerDataSchema = z.looseObject({
  country: z.string().length(2),
  first_name: z.string().min(1).max(25),
  last_name: z.string().min(1).max(25),
  email: z.string().max(50),
  dob: opt(z.string()),
  phone: opt(int),
  zip: opt(z.string().max(12)),
  state: opt(z.string().max(3)),
  city: opt(z.string().max(50)),
  address: opt(z.string().max(100)),
  profile: opt(int.min(0).max(5)),
});
export type CustomerData = z.infer<typeof CustomerDataSchema>;

export const SESSION_INTENTS = ['authorization', 'payment', 'withdrawal'] as const;
export type SessionIntent = (typeof SESSION_INTENTS)[number];

/** §6.3 Session object. `cid`, `payment_method`, `gateway` are read by third-party clients only. */
export const SessionSchema = z.looseObject({
  auth_token: opt(z.string()),
  intent: opt(z.string()),
  session_status: opt(z.string()),
  order_id: opt(z.string()),
  currency: opt(currency),
  amount: opt(minor),
  conversion_rate: opt(rate),
  processed_currency: opt(currency),
  processed_amount: opt(minor),
  cid: opt(z.string()), // ASSUMED (§8.5, [GH-gopraxis])
  payment_method: opt(z.string()), // ASSUMED (§8.5)
  gateway: opt(z.string()), // ASSUMED (§8.5)
});
export type Session = z.infer<typeof SessionSchema>;

/** §6.5 card inside a transaction; card_number is always masked (411111******1111). */
export const CardSchema = z.looseObject({
  card_token: opt(z.string()),
  card_type: opt(z.string()),
  card_number: z.string(),
  card_exp: opt(z.string()),
  card_issuer_name: opt(z.string()),
  card_issuer_country: opt(z.string()),
  card_holder: opt(z.string()),
  card_funding_source: opt(z.string()),
});
export type Card = z.infer<typeof CardSchema>;

/** §6.5 wallet object. */
export const WalletSchema = z.looseObject({
  wallet_token: opt(z.string()),
  account_identifier: z.string(),
  data: opt(z.record(z.string(), z.unknown())),
});
export type Wallet = z.infer<typeof WalletSchema>;

export const TRANSACTION_TYPES = ['authorization', 'sale', 'payout', 'refund'] as const;

/**
 * The transaction fields the desk needs beyond the visible part of [L-o-tx]. ALL ASSUMED (api-reference §8.4):
 * third-party clients read payment_method, payment_processor, gateway, card, fee*, status_details
 * ([GH-gopraxis][GH-php][GH-iqsoft]); a public capture (§8a) shows all of them, wallet and withdrawal_request_id
 * included, and no created_at (so an item's age is the earliest time the desk knows of it).
 * Kept in one place so a merchant can correct them when Praxis confirms the real object.
 */
export const ASSUMED_TRANSACTION_FIELDS = {
  payment_method: opt(z.string()), // ASSUMED: "Credit Card", "Skrill", … ([GH-gopraxis])
  payment_processor: opt(z.string()), // ASSUMED ([GH-gopraxis])
  gateway: opt(z.string()), // ASSUMED: the gateway hash that processed it ([GH-iqsoft])
  card: opt(CardSchema), // ASSUMED key name ([GH-gopraxis]); object per [L-o-card]
  wallet: opt(WalletSchema), // ASSUMED key name: not visible in any doc (§6.5)
  withdrawal_request_id: opt(int), // ASSUMED: links a payout (split or completion) to its withdrawal request
  fee: opt(minor), // ASSUMED ([GH-gopraxis])
  fee_included: opt(int), // ASSUMED ([GH-gopraxis])
  fee_type: opt(z.string()), // ASSUMED ([GH-gopraxis])
  status_details: opt(z.string()), // ASSUMED ([GH-iqsoft]); "Transaction approved", "[TEST] Payout initiated" (§8a)
  status_code: opt(z.string()), // §8a: "SC-002", "0"
} as const;

/** §6.4 Transaction object: the visible documented part plus the assumed fields above. */
export const TransactionSchema = z.looseObject({
  transaction_type: z.string(),
  transaction_status: z.string(),
  tid,
  transaction_id: opt(z.string()),
  currency,
  amount: minor,
  conversion_rate: opt(rate),
  processed_currency: opt(currency),
  processed_amount: opt(minor),
  redirect_url: opt(z.string()),
  ...ASSUMED_TRANSACTION_FIELDS,
});
export type Transaction = z.infer<typeof TransactionSchema>;

// ---------------------------------------------------------------------------------------------
// Webhooks (§5)
// ---------------------------------------------------------------------------------------------

/** §5.1 Notification body (Praxis → merchant). */
export const NotificationSchema = z.looseObject({
  merchant_id: z.string(),
  application_key: z.string(),
  conversion_rate: opt(rate),
  customer: CustomerSchema,
  session: SessionSchema,
  transaction: opt(TransactionSchema),
  version: z.string(),
  timestamp: int,
});
export type Notification = z.infer<typeof NotificationSchema>;

/** §5.1 The merchant's acknowledgement: 0 = accepted, -1 = send again. */
export const NotificationAckSchema = z.looseObject({
  status: int,
  description: z.string(),
  version: opt(z.string()),
  timestamp: opt(int),
});
export type NotificationAck = z.infer<typeof NotificationAckSchema>;

// ---------------------------------------------------------------------------------------------
// Responses (§3, §4). `status` 0 = success; customer/session/transaction are null on errors.
// ---------------------------------------------------------------------------------------------

const Envelope = {
  status: int,
  description: z.string(),
  version: opt(z.string()),
  timestamp: opt(int),
};

/** Any Praxis answer before it is known to be a success: just enough to read status and description. */
export const AnyResponseSchema = z.looseObject({ status: int, description: opt(z.string()), timestamp: opt(int) });

export const FindOrderResponseSchema = z.looseObject({
  ...Envelope,
  customer: CustomerSchema,
  session: SessionSchema,
  transaction: opt(TransactionSchema),
});
export type FindOrderResponse = z.infer<typeof FindOrderResponseSchema>;

export const FindTransactionResponseSchema = z.looseObject({
  ...Envelope,
  customer: opt(CustomerSchema),
  session: opt(SessionSchema),
  transaction: TransactionSchema,
});
export type FindTransactionResponse = z.infer<typeof FindTransactionResponseSchema>;

/** manage-transaction, manage-withdrawal-request and split-withdrawal-request answer in find-transaction's shape. */
export const ManageResponseSchema = FindTransactionResponseSchema;
export type ManageResponse = z.infer<typeof ManageResponseSchema>;

/** One gateway in get-available-gateways. ASSUMED shape: the response table is not visible (§8.1). */
export const AvailableGatewaySchema = z.looseObject({
  gateway: z.string(),
  name: opt(z.string()),
  payment_method: opt(z.string()),
  gateway_type: opt(z.string()),
  currencies: opt(z.array(z.string())),
});
export type AvailableGateway = z.infer<typeof AvailableGatewaySchema>;

export const AvailableGatewaysResponseSchema = z.looseObject({
  ...Envelope,
  gateways: z.array(AvailableGatewaySchema), // ASSUMED key name (§8.1)
});
export type AvailableGatewaysResponse = z.infer<typeof AvailableGatewaysResponseSchema>;

/** §3.12: keys are gateway hashes; the contents of each option are not documented. */
export const GatewayOptionsResponseSchema = z.looseObject({
  ...Envelope,
  gateway_options: z.record(z.string(), z.looseObject({})).nullish(),
});
export type GatewayOptionsResponse = z.infer<typeof GatewayOptionsResponseSchema>;

/** §4: only redirect_url is documented; customer/session by analogy with /cashier/cashier (assumed). */
export const VirtualTerminalResponseSchema = z.looseObject({
  ...Envelope,
  redirect_url: z.string().url(),
  customer: opt(CustomerSchema),
  session: opt(SessionSchema),
});
export type VirtualTerminalResponse = z.infer<typeof VirtualTerminalResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Request inputs the client accepts (camelCase at the desk's edge; money as amountMinor + currency).
// ---------------------------------------------------------------------------------------------

const id50 = z.string().min(1).max(50);

export const TidSchema = tid;
export const OrderIdSchema = id50;
export const GatewayHashSchema = z.string().min(1).max(32);

export const SplitInputSchema = z.object({
  withdrawalRequestId: tid,
  amountMinor: z.number().int().positive(),
  currency,
  orderId: id50,
  gateway: GatewayHashSchema,
});
export type SplitInput = z.infer<typeof SplitInputSchema>;

export const GATEWAY_TRANSACTION_TYPES = ['authorization', 'sale', 'payout'] as const;

export const AvailableGatewaysInputSchema = z.object({
  transactionType: z.enum(GATEWAY_TRANSACTION_TYPES),
  currency: currency.optional(),
  country: z.string().length(2).optional(),
  cid: id50.optional(),
  amountMinor: z.number().int().positive().optional(),
  paymentMethod: z.array(z.string().min(1).max(50)).optional(),
});
export type AvailableGatewaysInput = z.infer<typeof AvailableGatewaysInputSchema>;

export const GatewayOptionsInputSchema = z.object({
  transactionType: z.enum(GATEWAY_TRANSACTION_TYPES).optional(),
  gateway: GatewayHashSchema.optional(),
});
export type GatewayOptionsInput = z.infer<typeof GatewayOptionsInputSchema>;

export const VirtualTerminalInputSchema = z.object({
  intent: z.enum(SESSION_INTENTS),
  currency,
  amountMinor: z.number().int().positive().optional(),
  cid: id50,
  orderId: id50,
  agentName: z.string().min(1).max(32),
  customerData: CustomerDataSchema.optional(),
  notificationUrl: z.string().url().max(256).optional(),
  validationUrl: z.string().url().max(256).optional(),
  /** withdrawal: the customer's withdrawable balance (§4); absent = null, which bypasses Praxis's check. */
  balanceMinor: z.number().int().nonnegative().optional(),
  returnUrl: z.string().url().max(256).optional(),
  gateway: GatewayHashSchema.optional(),
  paymentMethod: z.string().min(1).max(50).optional(),
  locale: z
    .string()
    .regex(/^[a-z]{2}-[A-Z]{2}$/, 'a locale such as en-GB')
    .optional(),
});
export type VirtualTerminalInput = z.infer<typeof VirtualTerminalInputSchema>;
