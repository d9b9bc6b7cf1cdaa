/**
 * An Agent API answer is verified over its values as Praxis wrote them (api-reference §8a): a real HTTP server
 * answers with a hand-written JSON text, because JSON.stringify can never write the number 1.000000.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/core/praxis/signing';
import { AGENT_SIGNATURES, type MethodSignatures } from '../../src/core/praxis/signature-fields';
import { createPraxisTransport, type CallSpec } from '../../src/core/praxis/transport';
import type { PraxisError } from '../../src/core/praxis/praxis-error';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import { withNumbersWritten } from '../support/notifications';

let server: FastifyInstance;
let baseUrl = '';
let answer = { text: '', signature: '' };

beforeAll(async () => {
  server = Fastify();
  server.post('/agent/*', async (_req, reply) =>
    reply.header('content-type', 'application/json').header('gt-authentication', answer.signature).send(answer.text),
  );
  await server.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.server.address();
  baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => server.close());

// find-transaction's list with the transaction's conversion_rate signed too: every signed field counts.
const fields = [...AGENT_SIGNATURES['find-transaction'].response.fields, 'transaction.conversion_rate'];
const signatures: MethodSignatures = {
  ...AGENT_SIGNATURES['find-transaction'],
  response: { ...AGENT_SIGNATURES['find-transaction'].response, fields },
};
const spec: CallSpec<unknown> = {
  method: 'find-transaction',
  path: '/agent/find-transaction',
  signatures,
  fields: { tid: 2564526 },
  schema: z.unknown(),
  movesMoney: false,
};
const call = () =>
  createPraxisTransport({
    baseUrl,
    merchantId: SANDBOX_SAMPLE.merchantId,
    applicationKey: SANDBOX_SAMPLE.applicationKey,
    secret: SANDBOX_SAMPLE.secret,
    timeoutMs: 2000,
  }).call(spec);

/** Praxis's answer with conversion_rate signed over `digits`, written as a JSON number or as a string. */
function answerWith(digits: string, written: 'number' | 'string', signedOver = digits) {
  const body = (rate: string) => ({
    status: 0,
    description: 'Ok',
    customer: { customer_token: '87cfb23a8f1e68e162c276b754d9c061' },
    transaction: {
      tid: 2564526,
      transaction_status: 'requested',
      conversion_rate: rate,
      processed_currency: null,
      processed_amount: null,
    },
    version: '1.3',
    timestamp: Math.floor(Date.now() / 1000),
  });
  const text = JSON.stringify(body(digits));
  answer = {
    text: written === 'number' ? withNumbersWritten(text, 'conversion_rate', digits) : text,
    signature: signBody(body(signedOver), fields, SANDBOX_SAMPLE.secret),
  };
}

describe('Agent API answers verified as written', () => {
  it('conversion_rate as the JSON number 1.000000 verifies (JavaScript would re-print it "1")', async () => {
    answerWith('1.000000', 'number');
    expect(answer.text).toContain('"conversion_rate":1.000000');
    await expect(call()).resolves.toMatchObject({ status: 0 });
  });

  it('conversion_rate as the string "1.000000" verifies', async () => {
    answerWith('1.000000', 'string');
    await expect(call()).resolves.toMatchObject({ status: 0 });
  });

  it('100.50 verifies over its trailing zero, and a signature over "100.5" does not', async () => {
    answerWith('100.50', 'number');
    await expect(call()).resolves.toMatchObject({ status: 0 });
    answerWith('100.50', 'number', '100.5');
    await expect(call().catch((e: PraxisError) => e)).resolves.toMatchObject({ code: 'UNVERIFIED_RESPONSE' });
  });
});
