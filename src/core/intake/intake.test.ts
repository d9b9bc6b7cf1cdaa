import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { createMemoryLogger } from '../log';
import { verifyAckSignature } from '../praxis/webhooks';
import {
  notificationBody,
  nowSeconds,
  signNotification,
  withNumbersWritten,
  type NotificationSpec,
} from '../../../test/support/notifications';
import { emptyStore, storeBackends } from '../../../test/support/store-backends';
import { failNextQuery } from '../../../test/support/store-faults';
import type { WorkStore } from '../store/work-store';
import { createIntake, type Intake } from './intake-server';

const merchant = {
  merchantId: SANDBOX_SAMPLE.merchantId,
  applicationKey: SANDBOX_SAMPLE.applicationKey,
  secret: async () => SANDBOX_SAMPLE.secret,
};

interface Posted {
  http: number;
  body: { status: number; description: string; version: string; timestamp: number };
  signed: boolean;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`notification intake over HTTP on ${backend.name}`, () => {
    let store: WorkStore;
    let intake: Intake;
    let url: string;
    const logger = createMemoryLogger();

    const postRaw = async (raw: string, headers: Record<string, string> = {}): Promise<Posted> => {
      const res = await fetch(`${url}/praxis/notification`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        body: raw,
      });
      const text = await res.text();
      const body = JSON.parse(text) as Posted['body'];
      return {
        http: res.status,
        body,
        signed: verifyAckSignature(text, SANDBOX_SAMPLE.secret, res.headers.get('gt-authentication')),
      };
    };
    const post = (body: unknown, signature = signNotification(body)) =>
      postRaw(JSON.stringify(body), { 'gt-authentication': signature });
    const postSpec = (spec: NotificationSpec) => post(notificationBody(spec));
    const verdicts = () => store.countNotificationsByVerdict();
    /** What accepted messages claimed, waiting for a signed find-transaction: the intake itself changes no item. */
    const claims = async () =>
      (
        await store.db.query<{ tid: string; claimed_status: string; claimed_amount_minor: string }>(
          `SELECT tid, claimed_status, claimed_amount_minor FROM unconfirmed_changes WHERE state = 'pending' ORDER BY tid, claimed_status`,
        )
      ).rows.map((r) => [Number(r.tid), r.claimed_status, Number(r.claimed_amount_minor)]);

    beforeAll(async () => {
      store = await backend.open();
      intake = createIntake({ store, merchant, logger, bodyLimitBytes: 16 * 1024 });
      url = await intake.listen({ port: 0 });
    });
    afterAll(async () => {
      await intake?.close();
      await store?.close();
      await backend.stop();
    });
    beforeEach(async () => emptyStore(store));

    it('accepts a signed withdrawal request, commits what it claims for confirmation, and answers a signed status 0', async () => {
      const r = await postSpec({ tid: 3001, status: 'requested', amountMinor: 2500 });
      expect(r).toMatchObject({ http: 200, signed: true, body: { status: 0, version: '1.3' } });
      expect(await claims()).toEqual([[3001, 'requested', 2500]]);
      // The item itself waits for a signed find-transaction (the desk's confirmer): the status is not signed.
      expect(await store.getTransaction(3001)).toBeNull();
      expect(await verdicts()).toEqual({ accepted: 1 });
    });

    it('refuses a tampered body and a missing signature, stores both, and changes no item', async () => {
      const body = notificationBody({ tid: 3002, status: 'requested', amountMinor: 100 });
      const signature = signNotification(body);
      (body.transaction as { amount: number }).amount = 100_000;
      expect(await post(body, signature)).toMatchObject({
        http: 401,
        signed: false,
        body: { status: 1, description: 'Invalid signature.' },
      });
      expect(await postRaw(JSON.stringify(body))).toMatchObject({
        http: 401,
        body: { description: 'GT-Authentication header is missing.' },
      });
      expect(await store.getTransaction(3002)).toBeNull();
      const [stored] = await store.listNotifications({ verdict: 'bad_signature' });
      expect(stored?.rawBody).toBeNull();
      expect(stored?.body?.bytes).toBe(JSON.stringify(body).length);
      expect(await verdicts()).toEqual({ bad_signature: 2 });
    });

    it('verifies signed numbers as Praxis wrote them: conversion_rate 1.000000 as a JSON number or a string, and 100.50', async () => {
      const signedAs = (tid: number, rate: string) => {
        const body = notificationBody({ tid, status: 'requested' });
        (body.transaction as Record<string, unknown>).conversion_rate = rate;
        return { body, signature: signNotification(body) };
      };
      // The documentation's example: the number 1.000000 (JSON.parse alone would re-print it "1").
      const asNumber = signedAs(3020, '1.000000');
      const numberText = withNumbersWritten(JSON.stringify(asNumber.body), 'conversion_rate', '1.000000');
      expect(numberText).toContain('"conversion_rate":1.000000');
      expect(await postRaw(numberText, { 'gt-authentication': asNumber.signature })).toMatchObject({
        http: 200,
        body: { status: 0 },
      });
      // The real sandbox capture: the string "1.000000".
      const asString = signedAs(3021, '1.000000');
      expect(await post(asString.body, asString.signature)).toMatchObject({ http: 200, body: { status: 0 } });
      // 100.50 keeps its trailing zero; a signature over JavaScript's "100.5" is not Praxis's.
      const trailingZero = signedAs(3022, '100.50');
      const trailingText = withNumbersWritten(JSON.stringify(trailingZero.body), 'conversion_rate', '100.50');
      expect(await postRaw(trailingText, { 'gt-authentication': trailingZero.signature })).toMatchObject({
        http: 200,
        body: { status: 0 },
      });
      const reprinted = signedAs(3023, '100.5');
      const reprintedText = withNumbersWritten(
        JSON.stringify({
          ...reprinted.body,
          transaction: { ...(reprinted.body.transaction as object), conversion_rate: '100.50' },
        }),
        'conversion_rate',
        '100.50',
      );
      expect(await postRaw(reprintedText, { 'gt-authentication': reprinted.signature })).toMatchObject({
        http: 401,
        body: { description: 'Invalid signature.' },
      });
      expect((await claims()).map(([tid]) => tid)).toEqual([3020, 3021, 3022]);
    });

    it('refuses stale and future timestamps with the reason', async () => {
      const stale = await postSpec({ tid: 3003, status: 'requested', timestamp: nowSeconds() - 120 });
      expect(stale).toMatchObject({ http: 400, body: { status: 1 } });
      expect(stale.body.description).toMatch(/Timestamp expired: 1[12]\ds old/);
      const future = await postSpec({ tid: 3003, status: 'requested', timestamp: nowSeconds() + 120 });
      expect(future.body.description).toMatch(/greater than current time/);
      expect(await store.getTransaction(3003)).toBeNull();
      expect(await verdicts()).toEqual({ stale: 1, future: 1 });
    });

    it('answers a replay the same way and stores one effect, even when copies race', async () => {
      const body = notificationBody({ tid: 3004, status: 'requested' });
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(body)));
      expect(answers.every((a) => a.http === 200 && a.body.status === 0 && a.signed)).toBe(true);
      expect(await verdicts()).toEqual({ accepted: 1, duplicate: 5 });
      expect(await claims()).toEqual([[3004, 'requested', 1000]]);
    });

    it('answers a replay of an accepted message the same way after its window has passed', async () => {
      const sentAt = nowSeconds();
      const body = notificationBody({ tid: 3010, status: 'requested', timestamp: sentAt });
      expect((await post(body)).body.status).toBe(0);
      const later = createIntake({ store, merchant, logger, now: () => (sentAt + 600) * 1000 });
      const laterUrl = await later.listen({ port: 0 });
      try {
        const res = await fetch(`${laterUrl}/praxis/notification`, {
          method: 'POST',
          headers: { 'gt-authentication': signNotification(body) },
          body: JSON.stringify(body),
        });
        expect(await res.json()).toMatchObject({ status: 0, description: 'Notification accepted' });
      } finally {
        await later.close();
      }
      expect(await verdicts()).toEqual({ accepted: 1, duplicate: 1 });
    });

    it('stores malformed JSON and a non-notification object, answering 400 with what was wrong', async () => {
      const bad = await postRaw('{"merchant_id": "Test-Integration-Merchant", ', { 'gt-authentication': 'x' });
      expect(bad).toMatchObject({ http: 400, body: { status: 1 } });
      expect(bad.body.description).toMatch(/json formatted/);
      const wrongShape = await post({ merchant_id: SANDBOX_SAMPLE.merchantId, timestamp: nowSeconds() });
      expect(wrongShape.body.description).toMatch(/application_key/);
      const [first] = await store.listNotifications({ verdict: 'malformed', limit: 5 });
      expect(first?.body?.head).toContain('merchant_id');
      expect(await verdicts()).toEqual({ malformed: 2 });
    });

    it('refuses a body over the size limit with 413 and records it', async () => {
      const body = notificationBody({ tid: 3005, status: 'requested' });
      const big = { ...body, padding: 'x'.repeat(20 * 1024) };
      const r = await post(big);
      expect(r.http).toBe(413);
      expect(r.body.description).toMatch(/larger than 16384 bytes/);
      expect(await verdicts()).toEqual({ too_large: 1 });
      // A query string does not take it out of the record.
      const withQuery = await fetch(`${url}/praxis/notification?resend=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(big),
      });
      expect(withQuery.status).toBe(413);
      expect(await verdicts()).toEqual({ too_large: 2 });
    });

    it('refuses a notification for another merchant', async () => {
      const body = { ...notificationBody({ tid: 3006, status: 'requested' }), merchant_id: 'Someone-Else' };
      expect(await post(body)).toMatchObject({ http: 403, body: { status: 1 } });
      expect(await verdicts()).toEqual({ wrong_merchant: 1 });
    });

    it('answers -1 when the store cannot commit, and accepts the resend once it can', async () => {
      await store.db.exec('ALTER TABLE transactions RENAME TO transactions_away');
      try {
        const failed = await postSpec({ tid: 3007, status: 'requested' });
        expect(failed).toMatchObject({ http: 503, signed: true, body: { status: -1 } });
      } finally {
        await store.db.exec('ALTER TABLE transactions_away RENAME TO transactions');
      }
      expect(await claims()).toEqual([]);
      expect(await verdicts()).toEqual({ store_failed: 1 });
      const resent = await postSpec({ tid: 3007, status: 'requested' });
      expect(resent.body.status).toBe(0);
      expect(await claims()).toEqual([[3007, 'requested', 1000]]);
    });

    it('ends a mixed burst with one waiting change per valid message, and nothing for the rest', async () => {
      const t = nowSeconds();
      const valid = [
        notificationBody({ tid: 4001, status: 'approved', timestamp: t }), // arrives before its `requested`
        notificationBody({ tid: 4001, status: 'requested', timestamp: t - 20 }),
        notificationBody({ tid: 4002, status: 'requested', timestamp: t - 5 }),
        notificationBody({ tid: 4003, status: 'authorized', type: 'authorization', timestamp: t - 3 }),
        notificationBody({ tid: 4003, status: 'cancelled', type: 'authorization', timestamp: t - 1 }),
        notificationBody({ tid: 4004, status: 'authorized', type: 'authorization', timestamp: t - 2 }),
      ];
      const tampered = notificationBody({ tid: 4005, status: 'requested', timestamp: t });
      const tamperedSig = signNotification(tampered);
      (tampered.customer as { customer_token: string }).customer_token = 'someone-else';
      const sends: Promise<Posted>[] = [
        ...valid.map((b) => post(b)),
        post(valid[2]!), // duplicate
        post(tampered, tamperedSig),
        postSpec({ tid: 4006, status: 'requested', timestamp: t - 300 }), // stale
        postRaw('not json', { 'gt-authentication': 'x' }),
      ];
      for (const r of await Promise.all(sends)) expect([200, 400, 401]).toContain(r.http);

      // Each valid message is one claim to look up (the desk's confirmer asks Praxis once per item); the order in
      // which they arrived does not matter, as Praxis's answer decides. Tampered, stale and malformed ones claim nothing.
      expect(await claims()).toEqual([
        [4001, 'approved', 1000],
        [4001, 'requested', 1000],
        [4002, 'requested', 1000],
        [4003, 'authorized', 1000],
        [4003, 'cancelled', 1000],
        [4004, 'authorized', 1000],
      ]);
      expect((await store.db.query('SELECT 1 FROM transactions')).rows).toEqual([]);
      expect(await verdicts()).toEqual({ accepted: 6, duplicate: 1, bad_signature: 1, stale: 1, malformed: 1 });
    });

    it('tells anyone asking its health whether the store answers, not what the store said (addresses, logins)', async () => {
      const said = 'connect ECONNREFUSED 10.9.8.7:5432 (user desk_intake, database praxis_team)';
      failNextQuery(store, /^SELECT 1$/, said);
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ ok: false, store: backend.name, error: expect.stringMatching(/log/) });
      expect(text).not.toMatch(/10\.9\.8\.7|desk_intake|praxis_team/);
      // The one running the intake reads it in the log.
      expect(logger.lines.some((l) => l.includes('10.9.8.7'))).toBe(true);
    });

    it('reports its health and never writes the secret to a log', async () => {
      const res = await fetch(`${url}/healthz`);
      expect(await res.json()).toEqual({ ok: true, store: backend.name });
      expect(logger.lines.length).toBeGreaterThan(5);
      expect(logger.lines.join('\n')).not.toContain(SANDBOX_SAMPLE.secret);
    });
  });
}
