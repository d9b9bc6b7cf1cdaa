/**
 * The Praxis client against the real simulator over real HTTP: every function, its success and each failure.
 * Every error the suite produces is collected; the last test proves no secret ever appears in one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log';
import { PraxisError, createPraxisClient, type PraxisClient, type PraxisClientOptions } from '../../src/core/praxis';
import { DEFAULT_PAYOUT_GATEWAY, TEST_CARDS, startSimulator, type Simulator } from '../../src/core/sandbox';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';

const WRONG_SECRET = 'Wrong-Secret-7f3a9c';
let sim: Simulator;
const logger = createMemoryLogger();
const errors: unknown[] = [];

const client = (over: Partial<PraxisClientOptions> = {}): PraxisClient =>
  createPraxisClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_SAMPLE.merchantId,
    applicationKey: SANDBOX_SAMPLE.applicationKey,
    secret: SANDBOX_SAMPLE.secret,
    timeoutMs: 5000,
    logger,
    ...over,
  });

/** Runs a call that must fail and returns its PraxisError (and keeps it for the secret check). */
async function failure(p: Promise<unknown>): Promise<PraxisError> {
  try {
    await p;
  } catch (e) {
    errors.push(e);
    expect(e).toBeInstanceOf(PraxisError);
    return e as PraxisError;
  }
  throw new Error('expected the call to fail');
}

const simRecord = async (tid: number) => (await fetch(`${sim.url}/_sim/transactions/${tid}`)).json();
const newWr = (amount = 12_345, currency = 'EUR') =>
  sim.createWithdrawalRequest({ cid: 'cust-1001', currency, amount }).tid;
const newAuth = (amount = 5_000, currency = 'EUR') =>
  sim.createAuthorization({ cid: 'cust-1002', currency, amount }).tid;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, arrivalIntervalMs: null, seedValue: 7 });
});
afterAll(async () => {
  await sim.stop();
});

describe('lookups', () => {
  it('find-transaction returns a seeded withdrawal request with its customer and masked card', async () => {
    const tid = newWr(98_765);
    const r = await client().findTransaction(tid);
    expect(r.status).toBe(0);
    expect(r.transaction).toMatchObject({
      tid,
      transaction_type: 'payout',
      transaction_status: 'requested',
      amount: 98_765,
      currency: 'EUR',
    });
    expect(r.customer?.customer_token).toMatch(/^[0-9a-f]{32}$/);
    expect(r.transaction.card?.card_number ?? r.transaction.wallet?.account_identifier).toMatch(/\*{6}/);
  });

  it('find-order finds the same item by its order_id', async () => {
    const tid = newAuth(7_777);
    const rec = await simRecord(tid);
    const r = await client().findOrder(rec.order_id);
    expect(r.transaction).toMatchObject({ tid, transaction_status: 'authorized', amount: 7_777 });
    expect(r.session.order_id).toBe(rec.order_id);
  });

  it("the admin API takes a merchant's own order_id (up to 50 characters) and refuses one already used", async () => {
    const orderId = 'merchant-order-'.padEnd(50, '7');
    const post = (order_id: string) =>
      fetch(`${sim.url}/_sim/authorizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cid: 'cust-1002', currency: 'EUR', amount: 4_200, order_id }),
      });
    const made = await post(orderId);
    expect(made.status).toBe(201);
    const { tid } = (await made.json()) as { tid: number };
    expect((await client().findOrder(orderId)).transaction).toMatchObject({ tid, transaction_status: 'authorized' });
    const again = await post(orderId);
    expect([again.status, await again.json()]).toEqual([
      409,
      { error: `Order id ${orderId} is already used in the simulator.` },
    ]);
    expect((await post(`${orderId}8`)).status).toBe(400);
  });

  it("an unknown tid is PRAXIS_REJECTED with Praxis's description", async () => {
    const e = await failure(client().findTransaction(999_999));
    expect(e).toMatchObject({
      code: 'PRAXIS_REJECTED',
      praxisStatus: 400,
      praxisDescription: 'Transaction not found!',
      outcomeUnknown: false,
    });
  });

  it('get-available-gateways lists payout gateways for the currency; get-gateway-options keys them by hash', async () => {
    const g = await client().getAvailableGateways({ transactionType: 'payout', currency: 'JPY' });
    expect(g.gateways.map((x) => x.gateway)).toContain(DEFAULT_PAYOUT_GATEWAY);
    expect(g.gateways.every((x) => x.currencies?.includes('JPY'))).toBe(true);
    const o = await client().getGatewayOptions({ transactionType: 'payout' });
    expect(Object.keys(o.gateway_options ?? {})).toContain(DEFAULT_PAYOUT_GATEWAY);
  });
});

describe('authorizations', () => {
  it('capture moves authorized → approved once; a second capture is refused', async () => {
    const tid = newAuth(5_000);
    const r = await client().captureAuthorization(tid);
    expect(r.transaction).toMatchObject({
      tid,
      transaction_status: 'approved',
      processed_amount: 5_000,
      processed_currency: 'EUR',
    });
    const again = await failure(client().captureAuthorization(tid));
    expect(again).toMatchObject({ code: 'PRAXIS_REJECTED', praxisStatus: 400, outcomeUnknown: false });
    expect((await simRecord(tid)).capturesMade).toBe(1);
  });

  it('cancel moves authorized → cancelled; capturing it afterwards fails', async () => {
    const tid = newAuth();
    expect((await client().cancelAuthorization(tid)).transaction.transaction_status).toBe('cancelled');
    const e = await failure(client().captureAuthorization(tid));
    expect(e.praxisDescription).toBe('Authorization is already cancelled.');
    expect(await simRecord(tid)).toMatchObject({ capturesMade: 0, cancelsMade: 1 });
  });
});

describe('withdrawal requests', () => {
  it('complete pays out through a new approved payout tid; completing again is "already processed"', async () => {
    const wr = newWr(40_000);
    const r = await client().completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY);
    expect(r.transaction).toMatchObject({
      transaction_type: 'payout',
      transaction_status: 'approved',
      amount: 40_000,
      withdrawal_request_id: wr,
      gateway: DEFAULT_PAYOUT_GATEWAY,
    });
    const again = await failure(client().completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY));
    expect(again).toMatchObject({
      code: 'PRAXIS_REJECTED',
      praxisStatus: 400,
      praxisDescription: 'Payout request is already processed.',
    });
    expect(again.details).toMatchObject({
      praxisStatus: 400,
      praxisDescription: 'Payout request is already processed.',
      outcomeUnknown: false,
    });
    expect(await simRecord(wr)).toMatchObject({ payoutsMade: 1, transaction: { transaction_status: 'split' } });
  });

  it('cancel → cancelled; completing a cancelled request is "Payout is already cancelled."', async () => {
    const wr = newWr();
    expect((await client().cancelWithdrawalRequest(wr)).transaction.transaction_status).toBe('cancelled');
    const e = await failure(client().completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY));
    expect(e.praxisDescription).toBe('Payout is already cancelled.');
    expect((await simRecord(wr)).payoutsMade).toBe(0);
  });

  it('split pays parts with their own tids, the remainder stays requestable, then completes', async () => {
    const wr = newWr(10_000, 'KWD');
    const part = await client().splitWithdrawalRequest({
      withdrawalRequestId: wr,
      amountMinor: 2_500,
      currency: 'KWD',
      orderId: `split-${wr}-1`,
      gateway: DEFAULT_PAYOUT_GATEWAY,
    });
    expect(part.transaction).toMatchObject({
      transaction_status: 'approved',
      amount: 2_500,
      withdrawal_request_id: wr,
    });
    expect(part.transaction.tid).not.toBe(wr);
    const tooBig = await failure(
      client().splitWithdrawalRequest({
        withdrawalRequestId: wr,
        amountMinor: 9_000,
        currency: 'KWD',
        orderId: `split-${wr}-2`,
        gateway: DEFAULT_PAYOUT_GATEWAY,
      }),
    );
    expect(tooBig.code).toBe('PRAXIS_REJECTED');
    expect((await client().findTransaction(wr)).transaction.transaction_status).toBe('requested');
    const rest = await client().completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY);
    expect(rest.transaction.amount).toBe(7_500);
    expect(await simRecord(wr)).toMatchObject({ payoutsMade: 2, remainingMinor: 0 });
  });
});

describe('virtual terminal', () => {
  const openVt = async (intent: 'payment' | 'authorization', orderId: string) =>
    client().openVirtualTerminal({
      intent,
      currency: 'JPY',
      amountMinor: 12_000,
      cid: 'cust-vt-1',
      orderId,
      agentName: 'Agent Smith',
      customerData: { country: 'JP', first_name: 'Keiko', last_name: 'Sato', email: 'k@example.test' },
    });
  const pay = (url: string, card: string, path = '/pay') =>
    fetch(new URL(url).origin + new URL(url).pathname + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card_number: card, card_exp: '12/2030', cvv: '123' }).toString(),
    });

  it('opens a session whose hosted page approves 4111…, and the order then shows the approved sale', async () => {
    const vt = await openVt('payment', 'vt-approve-1');
    expect(vt.redirect_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hpp\/[0-9a-f]{32}$/);
    const form = await (await fetch(vt.redirect_url)).text();
    expect(form).toContain('JPY 12,000');
    const res = await pay(vt.redirect_url, TEST_CARDS.approve);
    expect(await res.text()).toContain('Payment approved');
    const order = await client().findOrder('vt-approve-1');
    expect(order.transaction).toMatchObject({
      transaction_type: 'sale',
      transaction_status: 'approved',
      amount: 12_000,
      currency: 'JPY',
      card: { card_number: '411111******1111' },
    });
    expect(order.session.session_status).toBe('successful');
  });

  it('declines 4000…0002 and keeps the session open for another card', async () => {
    const vt = await openVt('payment', 'vt-decline-1');
    expect(await (await pay(vt.redirect_url, TEST_CARDS.decline)).text()).toContain('Declined');
    const order = await client().findOrder('vt-decline-1');
    expect(order.transaction?.transaction_status).toBe('rejected');
    expect(order.session.session_status).toBe('open');
  });

  it('asks for a second step on 4000…3220; Approve authorizes (intent authorization)', async () => {
    const vt = await openVt('authorization', 'vt-challenge-1');
    expect(await (await pay(vt.redirect_url, TEST_CARDS.challenge)).text()).toContain('Approve');
    const res = await fetch(`${vt.redirect_url}/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve',
    });
    expect(await res.text()).toContain('Authorized');
    expect((await client().findOrder('vt-challenge-1')).transaction?.transaction_status).toBe('authorized');
  });

  it("refuses a reused order_id with Praxis's text", async () => {
    const e = await failure(openVt('payment', 'vt-approve-1'));
    expect(e).toMatchObject({ code: 'PRAXIS_REJECTED', praxisDescription: 'The order_id value is not unique!' });
  });
});

describe('failures', () => {
  it('a wrong secret is AUTH and says what to check', async () => {
    const e = await failure(client({ secret: WRONG_SECRET }).findTransaction(1_000_001));
    expect(e.code).toBe('AUTH');
    expect(e.praxisDescription).toBe('Invalid signature.');
    expect(e.message).toMatch(/merchant id, application key and secret/);
  });

  it('an unknown merchant is AUTH (HTTP 401 "User not found.")', async () => {
    const e = await failure(client({ merchantId: 'Someone-Else' }).findTransaction(1_000_001));
    expect(e).toMatchObject({ code: 'AUTH', httpStatus: 401, praxisDescription: 'User not found.' });
  });

  it('a clock 2 minutes behind is CLOCK_SKEW with the number of seconds', async () => {
    const e = await failure(client({ now: () => Date.now() - 120_000 }).findTransaction(1_000_001));
    expect(e.code).toBe('CLOCK_SKEW');
    expect(e.skewSeconds).toBeGreaterThanOrEqual(-121);
    expect(e.skewSeconds).toBeLessThanOrEqual(-119);
    expect(e.message).toMatch(/about 1(19|20|21) s behind/);
    expect(e.details?.skewSeconds).toBe(e.skewSeconds);
  });

  it('a clock 90 s ahead is CLOCK_SKEW with a positive skew', async () => {
    const e = await failure(client({ now: () => Date.now() + 90_000 }).captureAuthorization(newAuth()));
    expect(e.code).toBe('CLOCK_SKEW');
    expect(e.skewSeconds).toBeGreaterThanOrEqual(89);
    expect(e.outcomeUnknown).toBe(false);
  });

  it('a wrong response signature is UNVERIFIED_RESPONSE, never success (documented list → outcome unknown)', async () => {
    const tid = newAuth();
    sim.setFaults({ wrongSignature: 1 });
    const e = await failure(client().captureAuthorization(tid));
    expect(e).toMatchObject({ code: 'UNVERIFIED_RESPONSE', outcomeUnknown: true });
    expect(e.message).not.toMatch(/assumed/);
  });

  it('an unverifiable answer on an ASSUMED list says the list is assumed', async () => {
    sim.setFaults({ wrongSignature: 1 });
    const e = await failure(client().findTransaction(1_000_001));
    expect(e).toMatchObject({ code: 'UNVERIFIED_RESPONSE', outcomeUnknown: false });
    expect(e.message).toMatch(/only assumed/);
  });

  it('HTTP 5xx is NETWORK and, on a money-moving call, outcome unknown', async () => {
    sim.setFaults({ http5xx: 1 });
    const wr = newWr();
    const e = await failure(client().completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY));
    expect(e).toMatchObject({ code: 'NETWORK', httpStatus: 503, outcomeUnknown: true });
    expect((await simRecord(wr)).payoutsMade).toBe(0);
  });

  it('added latency beyond the client timeout is TIMEOUT with outcome unknown', async () => {
    sim.setFaults({ latencyMs: 800 });
    try {
      const e = await failure(client({ timeoutMs: 200 }).cancelAuthorization(newAuth()));
      expect(e).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
      expect(e.details?.outcomeUnknown).toBe(true);
    } finally {
      sim.clearFaults();
    }
  });

  it('timeout AFTER apply: TIMEOUT, and the simulator shows the payout WAS made exactly once', async () => {
    const wr = newWr(55_500);
    sim.setFaults({ timeoutAfterApply: 1, timeoutMode: 'hang' });
    const e = await failure(client({ timeoutMs: 400 }).completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY));
    expect(e).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
    const rec = await simRecord(wr);
    expect(rec.payoutsMade).toBe(1);
    expect(rec.parts).toHaveLength(1);
    // Looking it up (as the journal does) shows it done; a blind retry is refused, so money moved once.
    expect((await client().findTransaction(wr)).transaction.transaction_status).toBe('split');
    expect((await failure(client().completeWithdrawalRequest(wr, DEFAULT_PAYOUT_GATEWAY))).praxisDescription).toBe(
      'Payout request is already processed.',
    );
    expect((await simRecord(wr)).payoutsMade).toBe(1);
  });

  it('a dropped connection after apply is NETWORK with outcome unknown, and the capture happened once', async () => {
    const tid = newAuth();
    sim.setFaults({ timeoutAfterApply: 1, timeoutMode: 'drop' });
    const e = await failure(client().captureAuthorization(tid));
    expect(e).toMatchObject({ code: 'NETWORK', outcomeUnknown: true });
    expect((await simRecord(tid)).capturesMade).toBe(1);
  });

  it('nothing listening is NETWORK; a lookup is not "outcome unknown"', async () => {
    const e = await failure(client({ baseUrl: 'http://127.0.0.1:9' }).findOrder('x'));
    expect(e).toMatchObject({ code: 'NETWORK', outcomeUnknown: false });
    expect(e.message).toMatch(/refused/);
  });

  it('refuses plain http to a non-loopback host, and bad input, before sending anything', async () => {
    expect(() => client({ baseUrl: 'http://praxis.example.com' })).toThrow(/must use https/);
    const e = await failure(client().completeWithdrawalRequest(-5, ''));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/Nothing was sent/);
    const s = await failure(
      client().splitWithdrawalRequest({
        withdrawalRequestId: 1,
        amountMinor: 12.5,
        currency: 'eur',
        orderId: 'o',
        gateway: 'g',
      }),
    );
    expect(s.message).toMatch(/amountMinor/);
    expect(s.message).toMatch(/currency/);
  });
});

describe('the gate answers with the documented texts', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).then(async (r) => ({ http: r.status, json: await r.json() }));

  it('malformed JSON, missing header, unknown merchant', async () => {
    expect((await post('/agent/find-order', '{nope')).json.description).toBe('Request should be json formatted.');
    const body = JSON.stringify({
      merchant_id: SANDBOX_SAMPLE.merchantId,
      application_key: 'Sandbox',
      order_id: 'x',
      version: '1.3',
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect(await post('/agent/find-order', body)).toEqual({
      http: 400,
      json: expect.objectContaining({ status: 400, description: 'GT-Authentication header is missing.' }),
    });
    const other = body.replace(SANDBOX_SAMPLE.merchantId, 'Nobody');
    expect((await post('/agent/find-order', other, { 'gt-authentication': 'a'.repeat(96) })).json.description).toBe(
      'User not found.',
    );
  });
});

describe('admin API', () => {
  it('creates items, explains a bad body, and 404s an unknown tid', async () => {
    const ok = await fetch(`${sim.url}/_sim/authorizations`, {
      method: 'POST',
      body: JSON.stringify({ cid: 'cust-9', currency: 'BHD', amount: 1_500 }),
    });
    expect(ok.status).toBe(201);
    const { tid } = await ok.json();
    expect((await simRecord(tid)).transaction).toMatchObject({
      transaction_status: 'authorized',
      currency: 'BHD',
      amount: 1_500,
    });
    const bad = await fetch(`${sim.url}/_sim/withdrawal-requests`, {
      method: 'POST',
      body: JSON.stringify({ cid: 'c', currency: 'eur', amount: 1.5 }),
    });
    expect(bad.status).toBe(400);
    const why = (await bad.json()).error;
    expect(why).toMatch(/currency/);
    expect(why).toMatch(/amount/);
    expect((await fetch(`${sim.url}/_sim/transactions/424242`)).status).toBe(404);
    const faults = await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: JSON.stringify({ http5xx: 'many' }) });
    expect(faults.status).toBe(400);
  });
});

describe('secrets', () => {
  it('no error message, error detail or log line of this suite contains a secret', () => {
    expect(errors.length).toBeGreaterThan(15);
    const texts = errors.map(
      (e) => `${(e as Error).message} ${JSON.stringify((e as PraxisError).details)} ${JSON.stringify(e)}`,
    );
    texts.push(...logger.lines);
    for (const secret of [SANDBOX_SAMPLE.secret, WRONG_SECRET]) {
      for (const t of texts) expect(t).not.toContain(secret);
    }
  });
});
