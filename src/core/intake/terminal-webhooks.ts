/**
 * The two calls Praxis makes about terminal (and manual) deposits besides notifications: customer sync (§5.3) and
 * validation (§5.2). Both are verified like a notification — merchant, Gt-Authentication over the documented list,
 * the 60 s window — and answered signed over `status, timestamp` (assumed, §8.3). Neither body is stored: a
 * validation attempt carries card_data, which has no business in the desk.
 */
import type { Logger } from '../log';
import { TIMESTAMP_WINDOW_SECONDS } from '../praxis/protocol-texts';
import { WEBHOOK_SIGNATURES, type WebhookKind } from '../praxis/signature-fields';
import { signBody, verifyWrittenBody } from '../praxis/signing';
import { formatMoney } from '../../shared/money';
import { announceChange } from '../store/changes';
import type { WorkStore } from '../store/work-store';
import { customerDataOf, knownBalance } from '../terminal/terminal-customers';
import { loadTerminalSettings } from '../terminal/terminal-settings';
import type { IncomingMessage, IntakeMerchant } from './process-notification';
import type { RefusalPolicy } from './refusal-policy';

export interface WebhookAnswer {
  httpStatus: number;
  body: Record<string, unknown>;
  signature: string | null;
}

export interface WebhookDeps {
  store: WorkStore;
  merchant: IntakeMerchant;
  logger: Logger;
  /** The intake's one budget of log lines for what anyone on the network can cause. */
  refusals: RefusalPolicy;
  now?: () => number;
  /** The intake's public URLs for manual deposits (the profile's notification URL and validation beside it). */
  publicUrls(): { notification: string | null; validation: string | null };
}

type Verified = { ok: true; body: Record<string, unknown>; secret: string } | { ok: false; answer: WebhookAnswer };

const stamp = (nowMs: number) => Math.floor(nowMs / 1000);

function signed(
  kind: WebhookKind,
  httpStatus: number,
  body: Record<string, unknown>,
  secret: string | null,
  nowMs: number,
) {
  const full = { ...body, version: '1.3', timestamp: stamp(nowMs) };
  return {
    httpStatus,
    body: full,
    signature: secret ? signBody(full, WEBHOOK_SIGNATURES[kind].response.fields, secret) : null,
  };
}

async function verify(deps: WebhookDeps, kind: WebhookKind, msg: IncomingMessage, nowMs: number): Promise<Verified> {
  // Anyone can cause a refusal before the signature checks out: those answers are not signed (no signing oracle).
  const refuse = (httpStatus: number, description: string, secret: string | null = null): Verified => {
    deps.refusals.log(
      deps.logger,
      { reason: description, from: msg.remoteAddress ?? null },
      `intake refused a ${kind} call`,
    );
    return { ok: false, answer: signed(kind, httpStatus, { status: 1, description }, secret, nowMs) };
  };
  let secret: string;
  try {
    secret = await deps.merchant.secret();
    deps.logger.registerSecret(secret);
  } catch {
    return {
      ok: false,
      answer: signed(
        kind,
        503,
        { status: -1, description: 'The desk cannot verify calls right now; try again.' },
        null,
        nowMs,
      ),
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(msg.rawBody);
  } catch {
    return refuse(400, 'Request should be json formatted.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(400, 'Request should be a JSON object.');
  const b = body as Record<string, unknown>;
  if (b.merchant_id !== deps.merchant.merchantId || b.application_key !== deps.merchant.applicationKey)
    return refuse(403, 'This intake does not serve that merchant_id / application_key.');
  const header = msg.headers['gt-authentication'];
  const sig = Array.isArray(header) ? header[0] : header;
  if (!verifyWrittenBody(msg.rawBody, WEBHOOK_SIGNATURES[kind].request.fields, secret, sig))
    return refuse(401, sig ? 'Invalid signature.' : 'GT-Authentication header is missing.');
  const ts = typeof b.timestamp === 'number' ? b.timestamp : NaN;
  const age = stamp(nowMs) - ts;
  if (!Number.isFinite(age) || age > TIMESTAMP_WINDOW_SECONDS || age < -5)
    return refuse(
      400,
      `Timestamp outside the ${TIMESTAMP_WINDOW_SECONDS}s window (${Number.isFinite(age) ? `${age}s old` : 'missing'}).`,
      secret,
    );
  return { ok: true, body: b, secret };
}

/** The customer's most recent currency at this desk: the one their balance is counted in. */
async function currencyOf(store: WorkStore, cid: string): Promise<string | null> {
  const res = await store.db.query<{ currency: string }>(
    `SELECT currency FROM (
       SELECT currency, created_at FROM terminal_sessions WHERE cid = $1
       UNION ALL SELECT currency, created_at FROM transactions WHERE cid = $1
     ) seen ORDER BY created_at DESC LIMIT 1`,
    [cid],
  );
  return res.rows[0]?.currency ?? null;
}

/** §5.3: customer_data and balance from the store (PRAXIS_ASSUMPTIONS.balanceFromStore), manual URLs at the intake. */
export async function answerCustomerSync(deps: WebhookDeps, msg: IncomingMessage): Promise<WebhookAnswer> {
  const nowMs = (deps.now ?? Date.now)();
  const v = await verify(deps, 'customer-sync', msg, nowMs);
  if (!v.ok) return v.answer;
  const cid = typeof v.body.cid === 'string' ? v.body.cid : '';
  if (!cid || cid.length > 50)
    return signed(
      'customer-sync',
      400,
      { status: 1, description: 'cid is missing or longer than 50 characters.', customer_data: null, balance: 0 },
      v.secret,
      nowMs,
    );
  const customerData = await customerDataOf(deps.store.db, cid);
  if (!customerData) {
    deps.logger.info('customer sync: unknown customer', { cid });
    return signed(
      'customer-sync',
      200,
      {
        status: 1,
        description: `Customer ${cid} is not known to this merchant's desk.`,
        customer_data: null,
        balance: 0,
      },
      v.secret,
      nowMs,
    );
  }
  const currency = await currencyOf(deps.store, cid);
  const balance = currency ? ((await knownBalance(deps.store.db, cid, currency)) ?? 0) : 0;
  const urls = deps.publicUrls();
  deps.logger.info('customer sync answered', { cid, currency });
  return signed(
    'customer-sync',
    200,
    {
      status: 0,
      description: 'Ok',
      customer_data: customerData,
      balance: Math.max(balance, 0),
      currency,
      manual_notification_url: urls.notification,
      manual_validation_url: urls.validation,
    },
    v.secret,
    nowMs,
  );
}

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/** §5.2: status 0 lets Praxis process the attempt; any other status blocks it and Praxis shows our description. */
export async function answerValidation(deps: WebhookDeps, msg: IncomingMessage): Promise<WebhookAnswer> {
  const nowMs = (deps.now ?? Date.now)();
  const v = await verify(deps, 'validation', msg, nowMs);
  if (!v.ok) return v.answer;
  const attempt = (v.body.transaction_attempt ?? {}) as Record<string, unknown>;
  const session = (v.body.session ?? {}) as Record<string, unknown>;
  const customer = (v.body.customer ?? {}) as Record<string, unknown>;
  const currency = typeof attempt.currency === 'string' ? attempt.currency : '';
  const amount = int(attempt.amount);
  // The signature covers the order id, not the cid or intent: for a session the desk opened, its own record says
  // whose it is and what for, so an edited replay cannot answer (or mark the agent's session) for someone else.
  const own = typeof session.order_id === 'string' ? await openedByDesk(deps.store, session.order_id) : null;
  const intent = own?.intent ?? (typeof attempt.intent === 'string' ? attempt.intent : String(session.intent ?? ''));
  const cid = own?.cid ?? (typeof session.cid === 'string' ? session.cid : null);
  const refusal = await refusalFor(deps.store, {
    intent,
    currency,
    amount,
    cid,
    customerToken: customer.customer_token,
  });
  deps.logger.info('validation answered', { orderId: session.order_id ?? null, passed: refusal === null });
  if (refusal && typeof session.order_id === 'string') {
    // The agent sees the refusal in the terminal too, not only on Praxis's page.
    await deps.store.db.transaction(async (tx) => {
      const res = await tx.query(
        'UPDATE terminal_sessions SET validation_refusal = $2, updated_at = now() WHERE order_id = $1',
        [session.order_id, refusal],
      );
      if (res.rowCount > 0) await announceChange(tx, { queue: 'terminal', ids: [String(session.order_id)] });
    });
  }
  return signed(
    'validation',
    200,
    refusal ? { status: 1, description: refusal } : { status: 0, description: 'Ok' },
    v.secret,
    nowMs,
  );
}

/** Whose and what for, as the desk opened the session `orderId`; null for a session it did not open. */
async function openedByDesk(store: WorkStore, orderId: string): Promise<{ intent: string; cid: string } | null> {
  const res = await store.db.query<{ intent: string; cid: string }>(
    'SELECT intent, cid FROM terminal_sessions WHERE order_id = $1',
    [orderId],
  );
  return res.rows[0] ?? null;
}

async function refusalFor(
  store: WorkStore,
  a: { intent: string; currency: string; amount: number | null; cid: string | null; customerToken: unknown },
): Promise<string | null> {
  if (!a.currency || a.amount === null) return 'The attempt has no currency or amount to check; nothing was charged.';
  const money = (m: number) => formatMoney(m, a.currency);
  if (typeof a.customerToken === 'string') {
    const c = await store.db.query<{ verification_alert: number | null }>(
      'SELECT verification_alert FROM customers WHERE customer_token = $1',
      [a.customerToken],
    );
    if (c.rows[0]?.verification_alert === 1)
      return 'This customer carries a fraud alert at the merchant: the payment was not attempted. Refer the caller to the risk team.';
  }
  if (a.cid) {
    const data = await customerDataOf(store.db, a.cid);
    if (data && data.profile === 0) return 'This customer is blocked at the merchant: the payment was not attempted.';
  }
  if (a.intent === 'withdrawal') {
    const balance = a.cid ? await knownBalance(store.db, a.cid, a.currency) : null;
    if (balance !== null && a.amount > balance)
      return `Withdrawal of ${money(a.amount)} is more than the customer's withdrawable balance of ${money(Math.max(balance, 0))}.`;
    return null;
  }
  const settings = await loadTerminalSettings(store);
  const max = settings.depositMaxMinor[a.currency];
  const min = settings.depositMinMinor[a.currency];
  if (max !== undefined && a.amount > max)
    return `Deposit of ${money(a.amount)} is above the merchant's limit of ${money(max)} per deposit: take at most that.`;
  if (min !== undefined && a.amount < min)
    return `Deposit of ${money(a.amount)} is below the merchant's minimum of ${money(min)}.`;
  return null;
}
