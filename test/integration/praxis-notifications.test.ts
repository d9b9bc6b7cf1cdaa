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
  tid: number;
  status: string;
  verified: boolean;
  inWindow: boolean;
  withdrawalRequestId: number | null | undefined;
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
    const parsed = NotificationSchema.parse(JSON.parse(req.body));
    const verified = verifyNotificationSignature(
      req.body,
      SANDBOX_SAMPLE.secret,
      req.headers['gt-authentication'] as string,
    );
    const tid = parsed.transaction!.tid;
    received.push({
      tid,
      status: parsed.transaction!.transaction_status,
      verified,
      inWindow: timestampWindowViolation(parsed.timestamp) === 0,
      withdrawalRequestId: parsed.transaction!.withdrawal_request_id,
    });
    const again = refuseOnce.delete(tid);
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
  it('a new withdrawal request and its completion arrive signed, in the 60 s window, one per status change', async () => {
    const { tid } = sim.createWithdrawalRequest({ cid: 'cust-1003', currency: 'GBP', amount: 25_000 });
    await sim.idle();
    expect(received).toEqual([{ tid, status: 'requested', verified: true, inWindow: true, withdrawalRequestId: null }]);
    const payout = await client().completeWithdrawalRequest(tid, DEFAULT_PAYOUT_GATEWAY);
    await sim.idle();
    expect(received.slice(1)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tid: payout.transaction.tid,
          status: 'approved',
          verified: true,
          withdrawalRequestId: tid,
        }),
        expect.objectContaining({ tid, status: 'split', verified: true }),
      ]),
    );
    expect((await simRecord(tid)).notifications).toMatchObject({ acknowledged: 2, failedAttempts: 0 });
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
      await new Promise((r) => setTimeout(r, 200));
      await live.idle();
      const fresh = received.slice(before);
      expect(fresh.length).toBeGreaterThanOrEqual(2);
      expect(fresh.every((r) => r.verified && (r.status === 'requested' || r.status === 'authorized'))).toBe(true);
    } finally {
      await live.stop();
    }
  });
});
