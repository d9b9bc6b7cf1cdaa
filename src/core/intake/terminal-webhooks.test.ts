import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { createMemoryLogger } from '../log';
import { WEBHOOK_SIGNATURES } from '../praxis/signature-fields';
import { signBody, verifyWrittenBody } from '../praxis/signing';
import { openStore, type WorkStore } from '../store/work-store';
import { saveTerminalSettings, DEFAULT_TERMINAL_SETTINGS } from '../terminal/terminal-settings';
import { createIntake, CUSTOMER_SYNC_PATH, VALIDATION_PATH, type Intake } from './intake-server';

const { merchantId, applicationKey, secret } = SANDBOX_SAMPLE;
const merchant = { merchantId, applicationKey, secret: async () => secret };
const now = () => Math.floor(Date.now() / 1000);

const tx = (tid: number, type: string, status: string, amount: number) => ({
  transaction_type: type,
  transaction_status: status,
  tid,
  currency: 'EUR',
  amount,
});

// Issue 12: the intake answers Praxis's customer sync (§5.3) and validation (§5.2) from the store, signed.
describe('customer sync and validation at the intake', () => {
  let store: WorkStore;
  let intake: Intake;
  let url: string;
  const logger = createMemoryLogger();

  beforeAll(async () => {
    store = await openStore({ kind: 'memory' });
    intake = createIntake({ store, merchant, logger });
    url = await intake.listen({ port: 0 });
    await store.db.query(
      `INSERT INTO terminal_sessions (order_id, intent, cid, customer_data, currency, amount_minor, agent, open_state)
       VALUES ('vt-1', 'payment', 'cust-9', $1, 'EUR', 5000, 'Agent Smith', 'pending'),
              ('vt-2', 'withdrawal', 'cust-9', $1, 'EUR', NULL, 'Agent Smith', 'pending')`,
      [JSON.stringify({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', country: 'GB' })],
    );
    const customer = { customer_token: 'tok-9' };
    const session = (order: string) => ({ order_id: order, cid: 'cust-9' });
    const at = { observedAt: new Date(), source: 'lookup' as const };
    await store.ingest({ customer, session: session('d1'), transaction: tx(501, 'sale', 'approved', 10_000) }, at);
    await store.ingest({ customer, session: session('d2'), transaction: tx(502, 'sale', 'rejected', 70_000) }, at);
    await store.ingest({ customer, session: session('w1'), transaction: tx(503, 'payout', 'requested', 2_500) }, at);
    await store.ingest({ customer, session: session('w2'), transaction: tx(504, 'payout', 'cancelled', 4_000) }, at);
  });
  afterAll(async () => {
    await intake.close();
    await store.close();
  });

  const post = async (path: string, body: Record<string, unknown>, fields: readonly string[], key: string = secret) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'gt-authentication': signBody(body, fields, key) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return {
      http: res.status,
      text,
      body: JSON.parse(text) as Record<string, unknown>,
      sig: res.headers.get('gt-authentication'),
    };
  };
  const sync = (cid: string, over: Record<string, unknown> = {}, key: string = secret) =>
    post(
      CUSTOMER_SYNC_PATH,
      {
        merchant_id: merchantId,
        application_key: applicationKey,
        cid,
        order_id: 'vt-1',
        timestamp: now(),
        version: '1.3',
        ...over,
      },
      WEBHOOK_SIGNATURES['customer-sync'].request.fields,
      key,
    );

  it('answers a signed customer sync with customer_data, the balance the store knows and the manual URLs', async () => {
    const r = await sync('cust-9');
    expect(r.http).toBe(200);
    expect(r.body).toMatchObject({
      status: 0,
      customer_data: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', country: 'GB' },
      // approved deposit 100.00 minus the withdrawal request still open 25.00; the rejected and cancelled ones count nothing
      balance: 7_500,
      currency: 'EUR',
      manual_notification_url: `${url}/praxis/notification`,
      manual_validation_url: `${url}/praxis/validation`,
      version: '1.3',
    });
    expect(verifyWrittenBody(r.text, ['status', 'timestamp'], secret, r.sig)).toBe(true);
    expect(verifyWrittenBody(r.text, ['status', 'timestamp'], 'another secret', r.sig)).toBe(false);
  });

  it('refuses a wrong signature and a stale timestamp without customer data', async () => {
    const forged = await sync('cust-9', {}, 'not the secret');
    expect(forged).toMatchObject({ http: 401, body: { status: 1, description: 'Invalid signature.' }, sig: null });
    expect(forged.body.customer_data).toBeUndefined();
    const stale = await sync('cust-9', { timestamp: now() - 120 });
    expect(stale.http).toBe(400);
    expect(stale.body.description).toMatch(/Timestamp outside the 60s window \(12\ds old\)/);
    expect((await sync('nobody')).body).toMatchObject({ status: 1, customer_data: null });
  });

  /** An attempt on the desk's session of that intent (vt-1 a payment, vt-2 a withdrawal), or on `orderId` as sent. */
  const validate = (intent: string, amount: number, sent: { orderId?: string; cid?: string } = {}) => {
    const body = {
      merchant_id: merchantId,
      application_key: applicationKey,
      customer: { customer_token: 'tok-9' },
      session: {
        order_id: sent.orderId ?? (intent === 'withdrawal' ? 'vt-2' : 'vt-1'),
        cid: sent.cid ?? 'cust-9',
        intent,
      },
      transaction_attempt: {
        intent,
        currency: 'EUR',
        amount,
        attempted_currency: 'EUR',
        attempted_amount: amount,
        card_data: { card_number: '411111******1111', cvv: '***' },
      },
      version: '1.3',
      timestamp: now(),
    };
    return post(VALIDATION_PATH, body, WEBHOOK_SIGNATURES.validation.request.fields);
  };

  it('passes an attempt within the limits and refuses one above them with words the agent sees', async () => {
    await saveTerminalSettings(store, { ...DEFAULT_TERMINAL_SETTINGS, depositMaxMinor: { EUR: 50_000 } }, 'Manager');
    expect((await validate('payment', 50_000)).body).toMatchObject({ status: 0, description: 'Ok' });
    const refused = await validate('payment', 50_001);
    expect(refused.body).toMatchObject({ status: 1 });
    expect(refused.body.description).toBe(
      "Deposit of EUR 500.01 is above the merchant's limit of EUR 500.00 per deposit: take at most that.",
    );
    expect(verifyWrittenBody(refused.text, ['status', 'timestamp'], secret, refused.sig)).toBe(true);
    expect((await validate('withdrawal', 8_000)).body.description).toMatch(
      /more than the customer's withdrawable balance of EUR 75.00/,
    );
  });

  it("answers for the desk's own session by what the desk opened, not by the cid and intent the signature leaves out", async () => {
    // A signed attempt on the deposit vt-1 (EUR 80.00, within its limit), replayed with the unsigned intent edited
    // into a withdrawal above cust-9's balance: the answer and the agent's screen still follow vt-1 as opened.
    const replayed = await validate('withdrawal', 8_000, { orderId: 'vt-1' });
    expect(replayed.body).toMatchObject({ status: 0, description: 'Ok' });
    const row = await store.db.query<{ validation_refusal: string | null }>(
      `SELECT validation_refusal FROM terminal_sessions WHERE order_id = 'vt-1'`,
    );
    expect(row.rows[0]?.validation_refusal ?? null).not.toMatch(/withdrawable balance/);
  });

  it('logs a flood of junk calls a bounded number of times, as it does refused notifications', async () => {
    const before = logger.lines.length;
    for (const path of [VALIDATION_PATH, CUSTOMER_SYNC_PATH])
      for (let i = 0; i < 30; i++) {
        const res = await fetch(url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        });
        expect(res.status).toBe(400);
      }
    const lines = logger.lines.slice(before).filter((l) => l.includes('refused'));
    expect(lines.length).toBeLessThanOrEqual(10);
  });
});
