import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { intakeUnderTest } from '../../../test/support/intake-under-test';
import { notificationBody, signNotification } from '../../../test/support/notifications';
import { storeBackends } from '../../../test/support/store-backends';
import { createMemoryLogger } from '../log';
import { createIntake, CUSTOMER_SYNC_PATH, NOTIFICATION_PATH, VALIDATION_PATH } from './intake-server';

/** Opens a raw socket and trickles a request's headers one byte at a time, never finishing them. */
function slowClient(url: string, byteEveryMs: number): Promise<{ closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const head = `POST /praxis/notification HTTP/1.1\r\nHost: ${hostname}\r\nX-Slow: ${'a'.repeat(10_000)}`;
    let i = 0;
    const timer = setInterval(() => {
      if (!socket.destroyed && i < head.length) socket.write(head[i++]!);
    }, byteEveryMs);
    const done = () => {
      clearInterval(timer);
      resolve({ closedAfterMs: Date.now() - started });
    };
    socket.on('close', done);
    socket.on('error', () => undefined);
    // Without limits the server would hold it for good: give up after 8 s so the test fails instead of hanging.
    setTimeout(() => socket.destroy(), 8000);
  });
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`the intake facing the internet on ${backend.name}`, () => {
    const rig = intakeUnderTest(backend, {
      limits: { requestTimeoutMs: 1500, headersTimeoutMs: 1000, idleTimeoutMs: 1000, checkEveryMs: 200 },
    });
    const { postRaw, post, logger } = rig;

    it('cuts a client that trickles its headers, while a valid sender is served meanwhile', async () => {
      const slow = slowClient(rig.url, 50);
      const valid = await post(notificationBody({ tid: 9101, status: 'requested' }));
      expect(valid.body.status).toBe(0);
      const { closedAfterMs } = await slow;
      expect(closedAfterMs).toBeLessThan(4000);
      expect(
        (await rig.store.db.query(`SELECT claimed_status FROM unconfirmed_changes WHERE tid = 9101`)).rows,
      ).toEqual([{ claimed_status: 'requested' }]);
    });

    it('answers an unauthenticated caller unsigned, and never with its own configuration', async () => {
      const other = { ...notificationBody({ tid: 9102, status: 'requested' }), merchant_id: 'Someone-Else' };
      const wrongMerchant = await post(other);
      expect(wrongMerchant).toMatchObject({ http: 403, signature: null, body: { status: 1 } });
      expect(wrongMerchant.body.description).not.toContain(SANDBOX_SAMPLE.merchantId);
      expect(wrongMerchant.body.description).not.toContain(SANDBOX_SAMPLE.applicationKey);

      const forged = notificationBody({ tid: 9103, status: 'requested' });
      expect(await post(forged, 'f'.repeat(96))).toMatchObject({ http: 401, signature: null });
      expect(await postRaw('not json')).toMatchObject({ http: 400, signature: null });
      expect(await postRaw(JSON.stringify({ ...forged, padding: 'x'.repeat(300 * 1024) }))).toMatchObject({
        http: 413,
        signature: null,
      });
    });

    it('keeps only a bounded record of an unauthenticated message: hash, size, first bytes, source', async () => {
      const forged = { ...notificationBody({ tid: 9104, status: 'requested' }), padding: 'p'.repeat(200 * 1024) };
      await post(forged, 'f'.repeat(96));
      const [record] = await rig.store.listNotifications({ verdict: 'bad_signature' });
      expect(record?.rawBody).toBeNull();
      expect(record?.body).toMatchObject({ bytes: JSON.stringify(forged).length });
      expect(record?.body?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(record?.body?.head.length).toBeLessThanOrEqual(256);
      expect(record?.headers['remote-address']).toMatch(/127\.0\.0\.1/);

      // An authenticated one keeps its whole body, for the operator and for a later look.
      await post(notificationBody({ tid: 9105, status: 'requested' }));
      const [accepted] = await rig.store.listNotifications({ verdict: 'accepted' });
      expect(accepted?.rawBody).toContain('"tid":9105');
    });

    it('logs a flood of refusals a bounded number of times, then says how many it left out', async () => {
      const before = logger.lines.length;
      for (let i = 0; i < 60; i++) await postRaw('{"not":"json"');
      const refusalLines = logger.lines.slice(before).filter((l) => l.includes('refused'));
      expect(refusalLines.length).toBeLessThanOrEqual(20);
      expect(refusalLines.length).toBeGreaterThan(0);
      expect(await rig.store.countNotificationsByVerdict()).toEqual({ malformed: 60 });
    });

    it('refuses JSON nested too deep as malformed, with a final answer and nothing stored for it', async () => {
      const body = notificationBody({ tid: 9106, status: 'requested' });
      const deep = JSON.stringify(body).replace(
        '"payment_method"',
        `"nested":${'['.repeat(20_000)}${']'.repeat(20_000)},"payment_method"`,
      );
      const r = await postRaw(deep, { 'gt-authentication': signNotification(body) });
      expect(r).toMatchObject({ http: 400, body: { status: 1 } });
      expect(r.body.description).toMatch(/nested deeper than \d+ levels/);
      expect(await rig.store.getTransaction(9106)).toBeNull();
      expect(await rig.store.countNotificationsByVerdict()).toEqual({ malformed: 1 });
    });
  });
}

describe('the intake while it has no store to work with', () => {
  it('asks the sender to resend without telling it why: the store’s address and login stay in the log', async () => {
    const logger = createMemoryLogger();
    const said = 'connect ECONNREFUSED 10.9.8.7:5432 (user desk_intake)';
    const intake = createIntake({
      logger,
      withTarget: () => Promise.reject(new Error(said)),
    });
    const url = await intake.listen({ port: 0 });
    try {
      const body = JSON.stringify(notificationBody({ tid: 9110, status: 'requested' }));
      for (const path of [NOTIFICATION_PATH, CUSTOMER_SYNC_PATH, VALIDATION_PATH]) {
        const res = await fetch(`${url}${path}`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
        const text = await res.text();
        expect(res.status, path).toBe(503);
        expect(JSON.parse(text), path).toMatchObject({ status: -1 });
        expect(text, path).not.toMatch(/10\.9\.8\.7|desk_intake/);
      }
      expect(logger.lines.some((l) => l.includes('10.9.8.7'))).toBe(true);
    } finally {
      await intake.close();
    }
  });
});
