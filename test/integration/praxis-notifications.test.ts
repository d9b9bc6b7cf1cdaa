/**
 * Notification round trip: the simulator sends signed notifications to a real HTTP receiver (a tiny fastify
 * server here) that verifies them, answers with a signed acknowledgement, and sometimes asks for a resend.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log';
import {
  NotificationSchema,
  createPraxisClient,
  signedAck,
  timestampWindowViolation,
  verifyNotificationSignature,
} from '../../src/core/praxis';
import { DEFAULT_PAYOUT_GATEWAY, startSimulator, type Simulator } from '../../src/core/sandbox';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';

interface Received {
  tid: number | null;
  status: string;
  verified: boolean;
  inWindow: boolean;
  withdrawalRequestId: number | null | undefined;
  /** The whole body as received. */
  body: Record<string, unknown>;
}

let receiver: FastifyInstance;
let receiverUrl = '';
let received: Received[] = [];
/** tids whose next notification the receiver answers with -1 (send again). */
const refuseOnce = new Set<number>();
let signAcks = true;

let sim: Simulator;
const simLogger = createMemoryLogger();

beforeAll(async () => {
  receiver = Fastify();
  // The raw text, as a merchant's receiver must keep it: the signature is over the values as written.
  receiver.removeAllContentTypeParsers();
  receiver.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  receiver.post<{ Body: string }>('/praxis/notification', async (req, reply) => {
    const body = JSON.parse(req.body) as Record<string, unknown>;
    const parsed = NotificationSchema.parse(body);
    const verified = verifyNotificationSignature(
      req.body,
      SANDBOX_SAMPLE.secret,
      req.headers['gt-authentication'] as string,
    );
    const tid = parsed.transaction?.tid ?? null;
    received.push({
      tid,
      status: parsed.transaction?.transaction_status ?? `session ${parsed.session.session_status}`,
      verified,
      inWindow: timestampWindowViolation(parsed.timestamp) === 0,
      withdrawalRequestId: parsed.transaction?.withdrawal_request_id,
      body,
    });
    const again = tid !== null && refuseOnce.delete(tid);
    const ack = signedAck(again ? -1 : 0, again ? 'please resend' : 'Ok', SANDBOX_SAMPLE.secret);
    if (signAcks) void reply.header('gt-authentication', ack.signature);
    return ack.body;
  });
  await receiver.listen({ port: 0, host: '127.0.0.1' });
  const addr = receiver.server.address();
  receiverUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/praxis/notification`;
  sim = await startSimulator({
    port: 0,
    arrivalIntervalMs: null,
    notificationUrl: receiverUrl,
    notificationRetryBaseMs: 30,
    logger: simLogger,
  });
});

afterAll(async () => {
  await sim.stop();
  await receiver.close();
});

beforeEach(() => {
  received = [];
  signAcks = true;
});

const simRecord = async (tid: number) => (await fetch(`${sim.url}/_sim/transactions/${tid}`)).json();
const client = () =>
  createPraxisClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_SAMPLE.merchantId,
    applicationKey: SANDBOX_SAMPLE.applicationKey,
    secret: SANDBOX_SAMPLE.secret,
  });

describe('notifications', () => {
  it("a new withdrawal request and its payout arrive signed, in the 60 s window; the request's own split is not notified", async () => {
    const { tid } = sim.createWithdrawalRequest({ cid: 'cust-1003', currency: 'GBP', amount: 25_000 });
    await sim.idle();
    expect(received).toEqual([
      { tid, status: 'requested', verified: true, inWindow: true, withdrawalRequestId: null, body: expect.anything() },
    ]);
    const payout = await client().completeWithdrawalRequest(tid, DEFAULT_PAYOUT_GATEWAY);
    await sim.idle();
    // The docs: the request's own status after a complete or a split is not notified; only the payout is.
    expect(received.slice(1).map((r) => [r.tid, r.status, r.verified, r.withdrawalRequestId])).toEqual([
      [payout.transaction.tid, 'approved', true, tid],
    ]);
    expect((await simRecord(tid)).transaction.transaction_status).toBe('split');
    expect((await simRecord(tid)).notifications).toMatchObject({ acknowledged: 1, failedAttempts: 0 });
  });

  it('a split that pays the whole request notifies its parts only, never the request becoming split', async () => {
    const { tid } = sim.createWithdrawalRequest({ cid: 'cust-1003', currency: 'EUR', amount: 10_000 });
    await sim.idle();
    received = [];
    const part = (amount: number, n: number) =>
      client().splitWithdrawalRequest({
        withdrawalRequestId: tid,
        amountMinor: amount,
        currency: 'EUR',
        orderId: `split-${tid}-${n}`,
        gateway: DEFAULT_PAYOUT_GATEWAY,
      });
    await part(4_000, 1);
    await part(6_000, 2);
    await sim.idle();
    expect((await simRecord(tid)).transaction.transaction_status).toBe('split');
    expect(received.map((r) => r.tid)).not.toContain(tid);
    expect(received.map((r) => r.status)).toEqual(['approved', 'approved']);
  });

  it('notifications have the shape Praxis really sends (§8a): no created_at, fee and status fields, session cid and pin', async () => {
    const { tid } = sim.createWithdrawalRequest({ cid: 'new-payee-7', currency: 'EUR', amount: 5_000 });
    await sim.idle();
    const body = received.find((r) => r.tid === tid)!.body;
    expect(JSON.stringify(body)).not.toContain('created_at');
    expect(body).not.toHaveProperty('conversion_rate'); // none at the top level of a requested payout
    expect(body.transaction).toMatchObject({
      transaction_type: 'payout',
      transaction_status: 'requested',
      conversion_rate: '1.000000',
      processed_currency: null,
      processed_amount: null,
      fee: 0,
      fee_included: 0,
      fee_type: 'flat',
      payment_processor: expect.any(String),
      is_async: 0,
      is_cascade: 0,
      cascade_level: 0,
      reference_id: null,
      withdrawal_request_id: null,
      created_by: 'INTERNET',
      edited_by: null,
      status_code: '0',
      status_details: '[TEST] Payout initiated',
    });
    expect(body.transaction).toHaveProperty('wallet');
    expect(body.transaction).toHaveProperty('card');
    expect(body.session).toMatchObject({
      intent: 'withdrawal',
      cid: 'new-payee-7',
      pin: 'new-payee-7',
      variable1: null,
      variable2: null,
      variable3: null,
    });
    expect(body.session).toHaveProperty('payment_method');
    expect(body.session).toHaveProperty('gateway');
    // Praxis knew no name for this customer: empty strings, as in the real capture.
    expect(body.customer).toMatchObject({ first_name: '', last_name: '' });
  });

  it('an expired virtual-terminal session is notified with "transaction": null, signed', async () => {
    const vt = await client().openVirtualTerminal({
      intent: 'payment',
      cid: 'cust-1007',
      orderId: `vt-expire-${Date.now()}`,
      currency: 'EUR',
      amountMinor: 1_500,
      agentName: 'Ana',
    });
    const orderId = vt.session!.order_id!;
    const res = await fetch(`${sim.url}/_sim/sessions/${orderId}/expire`, { method: 'POST' });
    expect(res.status).toBe(200);
    await sim.idle();
    const [expired] = received.filter((r) => (r.body.session as { order_id?: string }).order_id === orderId);
    expect(expired).toMatchObject({ tid: null, status: 'session expired', verified: true, inWindow: true });
    expect(expired!.body.transaction).toBeNull();
    expect((await fetch(`${sim.url}/_sim/sessions/${orderId}/expire`, { method: 'POST' })).status).toBe(404);
  });

  it('replay returns once each first attempt ended, not after the retries to a dead URL', async () => {
    const slow = await startSimulator({
      port: 0,
      arrivalIntervalMs: null,
      notificationUrl: 'http://127.0.0.1:9/nowhere',
      notificationRetryBaseMs: 5_000,
    });
    try {
      const started = Date.now();
      const sent = await slow.replayNotifications();
      expect(sent).toBeGreaterThan(90);
      // Each item's retry chain (5 s, 10 s, 20 s, …) goes on in the background.
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      await slow.stop();
    }
  });

  it('retries after a -1 answer until it gets status 0', async () => {
    const { tid } = sim.createAuthorization({ cid: 'cust-1004', currency: 'USD', amount: 9_900 });
    refuseOnce.add(tid);
    await sim.idle();
    expect(received.filter((r) => r.tid === tid)).toHaveLength(2);
    expect(received.every((r) => r.verified)).toBe(true);
    expect((await simRecord(tid)).notifications).toMatchObject({ sent: 2, acknowledged: 1, failedAttempts: 1 });
  });

  it('also retries when the receiver is down, and delivers once it is back', async () => {
    sim.setNotificationUrl('http://127.0.0.1:9/nowhere');
    const { tid } = sim.createAuthorization({ cid: 'cust-1004', currency: 'USD', amount: 1_234 });
    await new Promise((r) => setTimeout(r, 120));
    sim.setNotificationUrl(receiverUrl);
    await sim.idle();
    const rec = await simRecord(tid);
    expect(rec.notifications.failedAttempts).toBeGreaterThanOrEqual(1);
    // An item without its own notification_url follows the simulator's current one on each retry.
    expect(rec.notifications.acknowledged).toBe(1);
    expect(received.filter((r) => r.tid === tid)).toHaveLength(1);
  });

  it('the dropped-notification fault sends nothing; the duplicated one sends the same notification twice', async () => {
    sim.setFaults({ dropNotifications: 1 });
    const dropped = sim.createWithdrawalRequest({ cid: 'cust-1005', currency: 'EUR', amount: 100 }).tid;
    await sim.idle();
    expect(received.filter((r) => r.tid === dropped)).toHaveLength(0);
    expect((await simRecord(dropped)).notifications.dropped).toBe(1);

    sim.setFaults({ duplicateNotifications: 1 });
    const dup = sim.createWithdrawalRequest({ cid: 'cust-1005', currency: 'EUR', amount: 200 }).tid;
    await sim.idle();
    expect(received.filter((r) => r.tid === dup)).toHaveLength(2);
  });

  it('an unsigned acknowledgement is accepted and logged, not failed', async () => {
    signAcks = false;
    const { tid } = sim.createWithdrawalRequest({ cid: 'cust-1006', currency: 'JPY', amount: 30_000 });
    await sim.idle();
    expect((await simRecord(tid)).notifications).toMatchObject({ acknowledged: 1, failedAttempts: 0 });
    expect(simLogger.lines.some((l) => l.includes('acknowledgement is unsigned'))).toBe(true);
  });

  it('replay re-sends every item of the seeded book, all verifiable and freshly stamped', async () => {
    const sent = await sim.replayNotifications();
    await sim.idle();
    expect(sent).toBeGreaterThan(40 + 25 + 30);
    expect(received.length).toBeGreaterThanOrEqual(sent);
    expect(received.every((r) => r.verified && r.inWindow)).toBe(true);
    const statuses = new Set(received.map((r) => r.status));
    for (const status of ['requested', 'authorized', 'approved', 'rejected']) expect(statuses.has(status)).toBe(true);
    expect(received.filter((r) => r.status === 'requested').length).toBeGreaterThanOrEqual(40);
    expect(received.filter((r) => r.status === 'authorized').length).toBeGreaterThanOrEqual(25);
  });

  it('keeps creating work: with arrivals on, new requests or authorizations are notified', async () => {
    const live = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: 40, notificationUrl: receiverUrl });
    try {
      const before = received.length;
      // Waits for arrivals rather than a fixed time: a starved event loop may fire the 40 ms timer only once in 200 ms.
      await expect.poll(() => received.length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      await live.idle();
      const fresh = received.slice(before);
      expect(fresh.every((r) => r.verified && (r.status === 'requested' || r.status === 'authorized'))).toBe(true);
    } finally {
      await live.stop();
    }
  });
});
