/**
 * §8.9: Praxis's error codes may come as HTTP status or only as JSON `status`. The simulator picks one form;
 * this real HTTP server answers in the other forms, so the client is shown to read both the same way.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPraxisClient, type PraxisError } from '../../src/core/praxis';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';

let server: FastifyInstance;
let baseUrl = '';
let answer: { http: number; body: unknown; headers?: Record<string, string> } = { http: 200, body: {} };

beforeAll(async () => {
  server = Fastify();
  server.post('/agent/*', async (_req, reply) =>
    reply
      .code(answer.http)
      .headers(answer.headers ?? {})
      .send(answer.body),
  );
  await server.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.server.address();
  baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => server.close());

const client = () =>
  createPraxisClient({
    baseUrl,
    merchantId: SANDBOX_SAMPLE.merchantId,
    applicationKey: SANDBOX_SAMPLE.applicationKey,
    secret: SANDBOX_SAMPLE.secret,
    timeoutMs: 2000,
    // A clock of its own: what one case's staged clock refusal taught the transport must not carry to the next.
    now: () => Date.now(),
  });
const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: PraxisError) => e,
  );

describe('rejections in either form', () => {
  it('HTTP 200 with JSON status 400 "Invalid signature." is AUTH', async () => {
    answer = { http: 200, body: { status: 400, description: 'Invalid signature.' } };
    expect(await caught(client().captureAuthorization(1))).toMatchObject({
      code: 'AUTH',
      praxisStatus: 400,
      outcomeUnknown: false,
    });
  });

  it('HTTP 200 with "Timestamp expired: 75s old…" and no timestamp is CLOCK_SKEW of -75 s', async () => {
    answer = {
      http: 200,
      body: {
        status: 400,
        description: 'Timestamp expired: 75s old, should be at most 60s old (required with merchant_id).',
      },
    };
    expect(await caught(client().findOrder('o'))).toMatchObject({ code: 'CLOCK_SKEW', skewSeconds: -75 });
  });

  it('HTTP 403 with a plain-text body is AUTH', async () => {
    answer = { http: 403, body: 'Forbidden', headers: { 'content-type': 'text/plain' } };
    const e = await caught(client().findOrder('o'));
    expect(e).toMatchObject({ code: 'AUTH', httpStatus: 403 });
    expect(e.message).toMatch(/IP address/);
  });

  it('an unsigned refusal of a money-moving call is not trusted', async () => {
    answer = { http: 200, body: { status: 400, description: 'Payout request is already processed.' } };
    expect(await caught(client().completeWithdrawalRequest(5, 'g'))).toMatchObject({
      code: 'UNVERIFIED_RESPONSE',
      outcomeUnknown: true,
    });
    expect(await caught(client().findTransaction(5))).toMatchObject({
      code: 'PRAXIS_REJECTED',
      praxisDescription: 'Payout request is already processed.',
    });
  });

  it('a redirect is never followed', async () => {
    answer = { http: 302, body: '', headers: { location: 'https://elsewhere.example/agent/find-order' } };
    expect(await caught(client().findOrder('o'))).toMatchObject({ code: 'NETWORK', httpStatus: 302 });
  });
});

describe('odd answers', () => {
  it('a signed field holding an object is UNVERIFIED_RESPONSE, not a crash', async () => {
    answer = {
      http: 200,
      body: { status: 0, description: 'Ok', timestamp: { evil: 1 }, transaction: { tid: 1 } },
      headers: { 'gt-authentication': 'a'.repeat(96) },
    };
    expect(await caught(client().captureAuthorization(1))).toMatchObject({
      code: 'UNVERIFIED_RESPONSE',
      outcomeUnknown: true,
    });
  });
});
