/**
 * Praxis's documented error texts (api-reference §6.6, [PT-err]) and how the desk classifies them.
 * The simulator answers with these exact texts and the client recognises them, so both live here.
 */
export const PRAXIS_TEXTS = {
  notJson: 'Request should be json formatted.',
  timestampMissing: 'Request parameter missing: timestamp (required with merchant_id).',
  timestampFormat: 'Invalid timestamp format, must be unix timestamp - seconds (required with merchant_id).',
  timestampExpired: (ageSeconds: number) =>
    `Timestamp expired: ${ageSeconds}s old, should be at most 60s old (required with merchant_id).`,
  timestampFuture: 'Timestamp cannot be greater than current time (required with merchant_id).',
  orderIdNotUnique: 'The order_id value is not unique!',
  versionMissing: 'Request parameter missing: version (required with merchant_id).',
  versionUnsupported: 'Unsupported API version.',
  invalidSignature: 'Invalid signature.',
  headerMissing: 'GT-Authentication header is missing.',
  merchantIdMissing: 'merchant_id parameter is missing.',
  userNotFound: 'User not found.',
  websiteNotFound: 'Website not found.',
  agentApiDisabled: 'Agent API disabled.',
  transactionNotFound: 'Transaction not found!',
  withdrawalNotFound: 'Withdrawal Transaction not found!',
  mustBePayout: 'Transaction must be a payout.',
  alreadyProcessed: 'Payout request is already processed.',
  alreadyCancelled: 'Payout is already cancelled.',
  generic: 'Generic Error.',
} as const;

/** How long Praxis accepts a request timestamp ([PT-err]: "should be at most 60s old"). */
export const TIMESTAMP_WINDOW_SECONDS = 60;

/** Credentials, signature, IP or permission problems: the operator must fix settings, nothing was processed. */
const AUTH_PATTERNS = [
  /invalid signature/i,
  /gt-authentication header is missing/i,
  /request parameter missing: signature/i,
  /merchant_id parameter is missing/i,
  /user not found/i,
  /website not found/i,
  /api access is disabled/i,
  /wrong credentials/i,
  /agent api disabled/i,
  /insufficient permissions/i,
  /invalid ip/i,
];
const CLOCK_PATTERNS = [/timestamp expired/i, /timestamp cannot be greater than current time/i];

export type RejectionKind = 'AUTH' | 'CLOCK_SKEW' | 'OTHER';

export function classifyRejection(description: string | undefined, httpStatus?: number): RejectionKind {
  const text = description ?? '';
  if (CLOCK_PATTERNS.some((p) => p.test(text))) return 'CLOCK_SKEW';
  if (AUTH_PATTERNS.some((p) => p.test(text))) return 'AUTH';
  if (httpStatus === 401 || httpStatus === 403 || httpStatus === 406) return 'AUTH';
  return 'OTHER';
}

/** "Timestamp expired: 75s old" → 75 seconds. */
export function expiredAgeSeconds(description: string | undefined): number | undefined {
  const m = /timestamp expired:\s*(\d+)\s*s/i.exec(description ?? '');
  return m ? Number(m[1]) : undefined;
}
