/**
 * The calls the simulator makes to the merchant around a virtual-terminal session, as Praxis does: customer sync
 * when a session opens for a cid (§5.3) and validation before an attempt is processed (§5.2). Signed with the
 * merchant secret; answers are checked against the assumed `status, timestamp` list. Card data sent for validation
 * is masked, as in the documented example.
 */
import type { Logger } from '../log';
import { WEBHOOK_SIGNATURES } from '../praxis/signature-fields';
import { signBody, verifyWrittenBody } from '../praxis/signing';
import type { SimSession } from './book-types';

export interface MerchantCallDeps {
  credentials: { merchantId: string; applicationKey: string; secret: string };
  nowSeconds(): number;
  logger?: Logger;
  timeoutMs?: number;
}

export interface SyncResult {
  status: number | null;
  balance: number | null;
  verified: boolean;
  error?: string;
}

async function call(deps: MerchantCallDeps, url: string, body: Record<string, unknown>, fields: readonly string[]) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'gt-authentication': signBody(body, fields, deps.credentials.secret),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(deps.timeoutMs ?? 5_000),
  });
  const text = await res.text();
  return { text, header: res.headers.get('gt-authentication') };
}

export async function callCustomerSync(deps: MerchantCallDeps, url: string, s: SimSession): Promise<SyncResult> {
  const body = {
    merchant_id: deps.credentials.merchantId,
    application_key: deps.credentials.applicationKey,
    cid: s.cid,
    order_id: s.order_id,
    timestamp: deps.nowSeconds(),
    version: '1.3',
  };
  try {
    const { text, header } = await call(deps, url, body, WEBHOOK_SIGNATURES['customer-sync'].request.fields);
    const answer = JSON.parse(text) as { status?: unknown; balance?: unknown };
    const verified = verifyWrittenBody(
      text,
      WEBHOOK_SIGNATURES['customer-sync'].response.fields,
      deps.credentials.secret,
      header,
    );
    return {
      status: typeof answer.status === 'number' ? answer.status : null,
      balance: verified && typeof answer.balance === 'number' ? answer.balance : null,
      verified,
    };
  } catch (err) {
    deps.logger?.warn('sim: customer sync failed', { orderId: s.order_id, error: String(err) });
    return { status: null, balance: null, verified: false, error: String(err) };
  }
}

/** Praxis's generic text when the merchant's validation did not answer in a usable form (§5.2). */
export const VALIDATION_GENERIC_ERROR = 'Payment could not be validated. Please try again later.';

/** null = passed; otherwise the description to show on the page. */
export async function callValidation(
  deps: MerchantCallDeps,
  url: string,
  s: SimSession,
  customer: Record<string, unknown> | null,
  attempt: { amount: number; maskedCard: string; cardExp: string },
): Promise<string | null> {
  const body = {
    merchant_id: deps.credentials.merchantId,
    application_key: deps.credentials.applicationKey,
    customer,
    session: { order_id: s.order_id, intent: s.intent, cid: s.cid, currency: s.currency, amount: s.amount },
    transaction_attempt: {
      intent: s.intent,
      currency: s.currency,
      amount: attempt.amount,
      conversion_rate: '1.000000',
      attempted_currency: s.currency,
      attempted_amount: attempt.amount,
      payment_method: 'Credit Card',
      card_data: { card_number: attempt.maskedCard, card_exp: attempt.cardExp, cvv: '***' },
      wallet_data: null,
    },
    version: '1.3',
    timestamp: deps.nowSeconds(),
  };
  try {
    const { text } = await call(deps, url, body, WEBHOOK_SIGNATURES.validation.request.fields);
    const answer = JSON.parse(text) as { status?: unknown; description?: unknown };
    if (typeof answer.status !== 'number' || typeof answer.description !== 'string') return VALIDATION_GENERIC_ERROR;
    return answer.status === 0 ? null : answer.description;
  } catch (err) {
    deps.logger?.warn('sim: validation call failed', { orderId: s.order_id, error: String(err) });
    return VALIDATION_GENERIC_ERROR;
  }
}
