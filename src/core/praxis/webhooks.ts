/**
 * Signing and checking the webhook messages (api-reference §5): Praxis's notification and the merchant's
 * acknowledgement. Used by the simulator (sending) and the desk's intake (receiving).
 */
import { TIMESTAMP_WINDOW_SECONDS } from './protocol-texts';
import { WEBHOOK_SIGNATURES } from './signature-fields';
import { signBody, verifyWrittenBody } from './signing';
import { API_VERSION } from './transport';

export const notificationSignature = (body: unknown, secret: string): string =>
  signBody(body, WEBHOOK_SIGNATURES.notification.request.fields, secret);

/** Over the notification's raw body as Praxis wrote it (a number such as 1.000000 keeps its digits). */
export const verifyNotificationSignature = (
  rawBody: string,
  secret: string,
  header: string | null | undefined,
): boolean => verifyWrittenBody(rawBody, WEBHOOK_SIGNATURES.notification.request.fields, secret, header);

export interface SignedAck {
  body: { status: number; description: string; version: string; timestamp: number };
  /** Gt-Authentication over the ASSUMED list status, timestamp (§8.3). */
  signature: string;
}

/** The merchant's answer to a notification: status 0 accepts it, -1 asks Praxis to send it again. */
export function signedAck(status: 0 | -1, description: string, secret: string, nowMs: number = Date.now()): SignedAck {
  const body = { status, description, version: API_VERSION, timestamp: Math.floor(nowMs / 1000) };
  return { body, signature: signBody(body, WEBHOOK_SIGNATURES.notification.response.fields, secret) };
}

export const verifyAckSignature = (rawBody: string, secret: string, header: string | null | undefined): boolean =>
  verifyWrittenBody(rawBody, WEBHOOK_SIGNATURES.notification.response.fields, secret, header);

/** Seconds a message timestamp is off the 60 s window: 0 inside it, >0 too old, <0 in the future. */
export function timestampWindowViolation(timestampSeconds: number, nowMs: number = Date.now()): number {
  const age = Math.floor(nowMs / 1000) - timestampSeconds;
  if (age < 0) return age;
  return age > TIMESTAMP_WINDOW_SECONDS ? age : 0;
}
