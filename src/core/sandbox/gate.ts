/**
 * The checks Praxis makes before any signed call is processed (api-reference §2.4, §6.6), with its exact texts,
 * and how such a refusal travels back.
 */
import type { FastifyReply } from 'fastify';
import { PRAXIS_TEXTS, TIMESTAMP_WINDOW_SECONDS } from '../praxis/protocol-texts';
import { verifyWrittenBody } from '../praxis/signing';
import { API_VERSION } from '../praxis/transport';

/**
 * LABELLED CHOICE (api-reference §8.9 does not say whether [PT-err] codes are HTTP codes or the JSON `status`):
 * the simulator sends a gate refusal with the code as BOTH the HTTP status and the JSON `status`, unsigned
 * (the caller may not even be a known merchant). Refusals after the gate (e.g. "Payout request is already
 * processed.") are HTTP 200 with JSON `status` 400 and a signed body. The client accepts either form.
 */
export function sendGateRejection(
  reply: FastifyReply,
  code: number,
  description: string,
  nowSeconds: number,
): FastifyReply {
  return reply
    .code(code)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ status: code, description, version: API_VERSION, timestamp: nowSeconds });
}

export interface GateCredentials {
  merchantId: string;
  applicationKey: string;
  secret: string;
}

export type GateResult = { ok: true; body: Record<string, unknown> } | { ok: false; code: number; description: string };

const refuse = (code: number, description: string): GateResult => ({ ok: false, code, description });

export function checkSignedRequest(
  raw: unknown,
  header: string | undefined,
  requestFields: readonly string[],
  creds: GateCredentials,
  nowSeconds: number,
): GateResult {
  let body: unknown;
  try {
    body = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    body = undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return refuse(400, PRAXIS_TEXTS.notJson);
  const b = body as Record<string, unknown>;
  if (b.merchant_id === undefined || b.merchant_id === null || b.merchant_id === '')
    return refuse(400, PRAXIS_TEXTS.merchantIdMissing);
  if (!header) return refuse(400, PRAXIS_TEXTS.headerMissing);
  if (b.merchant_id !== creds.merchantId) return refuse(401, PRAXIS_TEXTS.userNotFound);
  if (b.application_key !== creds.applicationKey) return refuse(401, PRAXIS_TEXTS.websiteNotFound);
  if (b.version === undefined || b.version === null) return refuse(400, PRAXIS_TEXTS.versionMissing);
  if (b.version !== API_VERSION) return refuse(400, PRAXIS_TEXTS.versionUnsupported);
  if (b.timestamp === undefined || b.timestamp === null) return refuse(400, PRAXIS_TEXTS.timestampMissing);
  if (
    typeof b.timestamp !== 'number' ||
    !Number.isSafeInteger(b.timestamp) ||
    b.timestamp < 1_000_000_000 ||
    b.timestamp > 9_999_999_999
  ) {
    return refuse(400, PRAXIS_TEXTS.timestampFormat);
  }
  // Over the request as the client wrote it (raw is the JSON text here, or parsing above refused it).
  const signed = verifyWrittenBody(raw as string, requestFields, creds.secret, header);
  if (!signed) return refuse(400, PRAXIS_TEXTS.invalidSignature);
  if (b.timestamp > nowSeconds) return refuse(400, PRAXIS_TEXTS.timestampFuture);
  const age = nowSeconds - b.timestamp;
  if (age > TIMESTAMP_WINDOW_SECONDS) return refuse(400, PRAXIS_TEXTS.timestampExpired(age));
  return { ok: true, body: b };
}
