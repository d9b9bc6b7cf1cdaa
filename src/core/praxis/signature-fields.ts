/**
 * THE one table of Gt-Authentication field lists (API 1.3), used by the client, the simulator and the intake.
 *
 * Each list is the order in which values are concatenated before the merchant secret is appended.
 * `documented: true` means the list is printed in the Praxis docs (api-reference.md §2.1);
 * `documented: false` means it is an ASSUMPTION (api-reference.md §8) — correct the one line here when
 * Praxis support confirms the real list. A response verified only against an assumed list that does not
 * match is reported as UNVERIFIED_RESPONSE, never as success.
 */
export interface SignatureFieldList {
  readonly fields: readonly string[];
  readonly documented: boolean;
  /** Where the list comes from, or why it was assumed. */
  readonly source: string;
}

export interface MethodSignatures {
  readonly request: SignatureFieldList;
  readonly response: SignatureFieldList;
}

const REQ_BASE = ['merchant_id', 'application_key', 'timestamp'] as const;
const STATUS_TS = ['status', 'timestamp'] as const;
const TX_RESULT = [
  'status',
  'timestamp',
  'transaction.tid',
  'transaction.transaction_status',
  'transaction.processed_currency',
  'transaction.processed_amount',
] as const;

export const AGENT_SIGNATURES = {
  'find-order': {
    request: { fields: [...REQ_BASE, 'order_id'], documented: true, source: '[L-fo]' },
    response: {
      fields: [
        'status',
        'timestamp',
        'customer.customer_token',
        'transaction.tid',
        'transaction.transaction_status',
        'transaction.processed_currency',
        'transaction.processed_amount',
      ],
      documented: false,
      source:
        'ASSUMED: not visible in the docs (§8.1); taken to equal find-transaction, whose answer has the same shape',
    },
  },
  'find-transaction': {
    request: { fields: [...REQ_BASE, 'tid'], documented: true, source: '[L-ft]' },
    response: {
      fields: [
        'status',
        'timestamp',
        'customer.customer_token',
        'transaction.tid',
        'transaction.transaction_status',
        'transaction.processed_currency',
        'transaction.processed_amount',
      ],
      documented: false,
      source:
        'PARTLY ASSUMED: [L-ft] shows the list up to "transaction.p…" (§8.1); processed_currency, processed_amount completed by analogy with manage-transaction',
    },
  },
  'manage-transaction': {
    request: { fields: [...REQ_BASE, 'intent', 'tid'], documented: true, source: '[L-mt][PT-mt]' },
    response: { fields: TX_RESULT, documented: true, source: '[L-mt]' },
  },
  'manage-withdrawal-request': {
    request: { fields: [...REQ_BASE, 'intent', 'withdrawal_request_id'], documented: true, source: '[PT-mwr][PR-mwr]' },
    response: {
      fields: TX_RESULT,
      documented: false,
      source: 'ASSUMED: not in the docs (§8.1); third-party production code [GH-iqsoft] verifies this list',
    },
  },
  'split-withdrawal-request': {
    request: { fields: [...REQ_BASE, 'withdrawal_request_id'], documented: true, source: '[PT-swr]' },
    response: {
      fields: TX_RESULT,
      documented: false,
      source: 'ASSUMED: not in the docs (§8.1); taken to equal manage-withdrawal-request',
    },
  },
  'get-available-gateways': {
    request: {
      fields: [...REQ_BASE],
      documented: false,
      source: 'ASSUMED: not in the docs (§8.2); taken to equal get-gateway-options',
    },
    response: {
      fields: STATUS_TS,
      documented: false,
      source: 'ASSUMED: not in the docs (§8.1); taken to equal the other list-returning calls (get-customer-cards)',
    },
  },
  'get-gateway-options': {
    request: { fields: [...REQ_BASE], documented: true, source: '[L-ggo]' },
    response: {
      fields: STATUS_TS,
      documented: false,
      source: 'ASSUMED: truncated in the docs (§8.1); taken to equal get-customer-cards',
    },
  },
  'get-customer-cards': {
    request: { fields: [...REQ_BASE, 'cid'], documented: true, source: '[L-gcc]' },
    response: { fields: STATUS_TS, documented: true, source: '[L-gcc]' },
  },
  'remove-customer-card': {
    request: { fields: [...REQ_BASE, 'cid', 'card_token'], documented: true, source: '[L-rcc][PT-rcc]' },
    response: { fields: STATUS_TS, documented: true, source: '[L-rcc]' },
  },
} as const satisfies Record<string, MethodSignatures>;

export const CASHIER_SIGNATURES = {
  'virtual-terminal': {
    request: {
      fields: [...REQ_BASE, 'intent', 'cid', 'order_id'],
      documented: false,
      source: 'ASSUMED: not visible for VT (§8.2); taken to equal /cashier/cashier [L-auth] (agent_name not signed)',
    },
    response: { fields: STATUS_TS, documented: false, source: 'ASSUMED: not visible (§8.1)' },
  },
} as const satisfies Record<string, MethodSignatures>;

/** Calls Praxis makes to the merchant: the request list is Praxis's, the response list is our acknowledgement's. */
export const WEBHOOK_SIGNATURES = {
  notification: {
    request: {
      fields: [
        ...REQ_BASE,
        'customer.customer_token',
        'session.order_id',
        'transaction.tid',
        'transaction.currency',
        'transaction.amount',
        'transaction.conversion_rate',
        'transaction.processed_currency',
        'transaction.processed_amount',
      ],
      documented: true,
      source: '[PT-notif][L-notif]',
    },
    response: {
      fields: STATUS_TS,
      documented: false,
      source: 'ASSUMED: not in the docs (§8.3); [GH-gopraxis] signs status, timestamp with Gt-Authentication',
    },
  },
  validation: {
    request: {
      fields: [
        ...REQ_BASE,
        'customer.customer_token',
        'session.order_id',
        'transaction_attempt.currency',
        'transaction_attempt.amount',
        'transaction_attempt.conversion_rate',
        'transaction_attempt.attempted_currency',
        'transaction_attempt.attempted_amount',
      ],
      documented: true,
      source: '[PR-valid]',
    },
    response: { fields: STATUS_TS, documented: false, source: 'ASSUMED: not in the docs (§8.3)' },
  },
  'customer-sync': {
    request: { fields: [...REQ_BASE, 'cid'], documented: true, source: '[PT-sync] (order_id is not signed)' },
    response: { fields: STATUS_TS, documented: false, source: 'ASSUMED: not in the docs (§8.3, §8.12)' },
  },
} as const satisfies Record<string, MethodSignatures>;

export type AgentMethod = keyof typeof AGENT_SIGNATURES;
export type WebhookKind = keyof typeof WEBHOOK_SIGNATURES;

/** Every assumed list, for the README's "Praxis compatibility" section and the settings screen. */
export function assumedSignatureLists(): {
  name: string;
  side: 'request' | 'response';
  fields: readonly string[];
  source: string;
}[] {
  const all: Record<string, MethodSignatures> = { ...AGENT_SIGNATURES, ...CASHIER_SIGNATURES, ...WEBHOOK_SIGNATURES };
  return Object.entries(all).flatMap(([name, sig]) =>
    (['request', 'response'] as const)
      .filter((side) => !sig[side].documented)
      .map((side) => ({ name, side, fields: sig[side].fields, source: sig[side].source })),
  );
}
