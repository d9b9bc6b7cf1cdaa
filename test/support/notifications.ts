/** Builds Praxis notifications signed like Praxis does (api-reference §5.1), with the docs' public sample credentials. */
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import { signBody } from '../../src/core/praxis/signing';
import { WEBHOOK_SIGNATURES } from '../../src/core/praxis/signature-fields';

export interface NotificationSpec {
  tid: number;
  status: string;
  type?: 'payout' | 'authorization' | 'sale' | 'refund';
  amountMinor?: number;
  currency?: string;
  orderId?: string;
  customerToken?: string;
  cid?: string;
  timestamp?: number;
  withdrawalRequestId?: number;
  firstName?: string;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function notificationBody(spec: NotificationSpec): Record<string, unknown> {
  const currency = spec.currency ?? 'EUR';
  const amount = spec.amountMinor ?? 1000;
  return {
    merchant_id: SANDBOX_SAMPLE.merchantId,
    application_key: SANDBOX_SAMPLE.applicationKey,
    customer: {
      customer_token: spec.customerToken ?? '87cfb23a8f1e68e162c276b754d9c061',
      country: 'GB',
      first_name: spec.firstName ?? 'John',
      last_name: 'Johnson',
      avs_alert: 0,
      verification_alert: null,
    },
    session: {
      auth_token: null,
      intent: spec.type === 'payout' ? 'withdrawal' : spec.type === 'authorization' ? 'authorization' : 'payment',
      session_status: 'action required',
      order_id: spec.orderId ?? `order_${spec.tid}`,
      currency,
      amount,
      conversion_rate: '1.000000',
      processed_currency: currency,
      processed_amount: amount,
      cid: spec.cid ?? 'cust-1',
    },
    transaction: {
      transaction_type: spec.type ?? 'payout',
      transaction_status: spec.status,
      tid: spec.tid,
      transaction_id: `psp-${spec.tid}`,
      currency,
      amount,
      conversion_rate: '1.000000',
      processed_currency: currency,
      processed_amount: amount,
      payment_method: 'Credit Card',
      card: { card_type: 'VISA', card_number: '411111******1111', card_exp: '12/2030' },
      ...(spec.withdrawalRequestId ? { withdrawal_request_id: spec.withdrawalRequestId } : {}),
    },
    version: '1.3',
    timestamp: spec.timestamp ?? nowSeconds(),
  };
}

export function signNotification(body: unknown, secret: string = SANDBOX_SAMPLE.secret): string {
  return signBody(body, WEBHOOK_SIGNATURES.notification.request.fields, secret);
}

/**
 * The JSON text with each `"key":"digits"` written as the bare number `digits`, as Praxis's documented example
 * writes `"conversion_rate":1.000000` (api-reference §8a); the signature stays over the digits.
 */
export function withNumbersWritten(rawJson: string, key: string, digits: string): string {
  const quoted = `${JSON.stringify(key)}:${JSON.stringify(digits)}`;
  if (!rawJson.includes(quoted)) throw new Error(`The JSON text has no ${quoted} to write as a number.`);
  return rawJson.split(quoted).join(`${JSON.stringify(key)}:${digits}`);
}
