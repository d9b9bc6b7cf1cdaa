/** The Praxis protocol core: signing, the typed client, its error type and the message schemas. */
export { createPraxisClient, MONEY_MOVING_METHODS } from './client';
export type { PraxisClient, PraxisClientOptions, MoneyMovingMethod } from './client';
export { PraxisError, isPraxisError, PRAXIS_ERROR_CODES } from './praxis-error';
export type { PraxisErrorCode } from './praxis-error';
export { checkPraxisBaseUrl, isLoopbackHost } from './base-url';
export { API_VERSION, DEFAULT_TIMEOUT_MS } from './transport';
export { PRAXIS_TEXTS, TIMESTAMP_WINDOW_SECONDS, classifyRejection } from './protocol-texts';
export { signBody, verifyBody, signatureBase, legacyBodySignature, sha384Hex } from './signing';
export { AGENT_SIGNATURES, CASHIER_SIGNATURES, WEBHOOK_SIGNATURES, assumedSignatureLists } from './signature-fields';
export type { SignatureFieldList, MethodSignatures, AgentMethod, WebhookKind } from './signature-fields';
export {
  notificationSignature,
  verifyNotificationSignature,
  signedAck,
  verifyAckSignature,
  timestampWindowViolation,
} from './webhooks';
export type { SignedAck } from './webhooks';
export * from './schemas';
