import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { createPraxisClient } from '../praxis/client';
import { PraxisError } from '../praxis/praxis-error';
import { PRAXIS_TEXTS } from '../praxis/protocol-texts';
import { startSimulator } from '../sandbox/simulator';
import type { Simulator } from '../sandbox/types';
import { testConnection, type GatewayOptionsProbe, type PraxisTarget } from './connection-test';

// The real Praxis client against the real simulator over loopback HTTP.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: false, arrivalIntervalMs: null });
});
afterAll(async () => {
  await sim.stop();
});

const target = (over: Partial<PraxisTarget> = {}): PraxisTarget => ({
  baseUrl: sim.url,
  merchantId: SANDBOX_SAMPLE.merchantId,
  applicationKey: SANDBOX_SAMPLE.applicationKey,
  secret: SANDBOX_SAMPLE.secret,
  ...over,
});
const probeWith =
  (extra: { now?: () => number; timeoutMs?: number } = {}): GatewayOptionsProbe =>
  async (t) => {
    await createPraxisClient({ ...t, ...extra }).getGatewayOptions();
  };

describe('test connection', () => {
  it('ok with the sample credentials', async () => {
    const r = await testConnection(probeWith(), target());
    expect(r).toMatchObject({ ok: true, code: 'OK', baseUrl: sim.url });
    expect(r.message).toContain('Connected');
  });

  it('wrong secret: wrong credentials, naming the three things to check', async () => {
    const r = await testConnection(probeWith(), target({ secret: 'WrongSecret' }));
    expect(r).toMatchObject({ ok: false, code: 'AUTH' });
    expect(r.message).toMatch(/rejected the credentials: check merchant_id, application_key and the merchant secret/);
  });

  it('clock 2 minutes slow: CLOCK_SKEW with the number of seconds', async () => {
    const r = await testConnection(probeWith({ now: () => Date.now() - 120_000 }), target());
    expect(r).toMatchObject({ ok: false, code: 'CLOCK_SKEW' });
    expect(r.skewSeconds).toBeLessThanOrEqual(-119);
    expect(r.skewSeconds).toBeGreaterThanOrEqual(-122);
    expect(r.message).toMatch(/clock is 1[12]\d s behind Praxis/);
  });

  it('a forged answer signature: unverified, never OK', async () => {
    sim.setFaults({ wrongSignature: 1 });
    const r = await testConnection(probeWith(), target());
    expect(r).toMatchObject({ ok: false, code: 'UNVERIFIED_RESPONSE' });
    expect(r.message).toContain('signature did not verify');
  });

  it('nothing listening: network, naming the address', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise((r) => srv.close(r));
    const r = await testConnection(probeWith(), target({ baseUrl: `http://127.0.0.1:${port}` }));
    expect(r).toMatchObject({ ok: false, code: 'NETWORK' });
    expect(r.message).toContain(`Could not reach http://127.0.0.1:${port}`);
  });

  it('a slow gateway: timeout', async () => {
    sim.setFaults({ latencyMs: 1500 });
    try {
      const r = await testConnection(probeWith({ timeoutMs: 300 }), target());
      expect(r).toMatchObject({ ok: false, code: 'TIMEOUT' });
      expect(r.message).toContain('did not answer in time');
    } finally {
      sim.clearFaults();
    }
  });

  it('IP not allowed (Praxis answers HTTP 403 "Invalid IP (…)"): says to ask Praxis to allow the IP', async () => {
    const refused = new PraxisError('AUTH', 'Praxis refused the credentials for get-gateway-options.', {
      method: 'get-gateway-options',
      movesMoney: false,
      httpStatus: 403,
      praxisDescription: 'Invalid IP (203.0.113.7).',
    });
    const r = await testConnection(() => Promise.reject(refused), target());
    expect(r).toMatchObject({ ok: false, code: 'AUTH' });
    expect(r.message).toContain("refused this computer's IP address");
    expect(r.message).toContain('203.0.113.7');
  });

  it('Agent API disabled: says to ask Praxis to enable it', async () => {
    const refused = new PraxisError('AUTH', 'refused', {
      method: 'get-gateway-options',
      movesMoney: false,
      praxisDescription: PRAXIS_TEXTS.agentApiDisabled,
    });
    const r = await testConnection(() => Promise.reject(refused), target());
    expect(r.message).toContain('Agent API is disabled');
  });
});
