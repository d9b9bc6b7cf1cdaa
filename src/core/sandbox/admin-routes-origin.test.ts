import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './simulator';
import type { Simulator } from './types';

/** A raw request, so Host and Origin are exactly what a browser on another site would send. */
function send(url: string, headers: Record<string, string>, body = '{"latencyMs":5000}') {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(`${url}/_sim/faults`, { method: 'POST', headers: { ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// The sandbox simulator's admin API changes what the desk is shown: a web page open in the user's browser must not
// reach it, neither by a cross-site form post (Origin) nor by DNS rebinding a name of its own to 127.0.0.1 (Host).
describe('the simulator admin API', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: false, arrivalIntervalMs: null });
  });
  afterAll(async () => sim.stop());
  const latency = async () =>
    ((await (await fetch(`${sim.url}/_sim/faults`)).json()) as { latencyMs?: number }).latencyMs;

  it('refuses a call named for another host or sent from another site, and changes nothing', async () => {
    const port = new URL(sim.url).port;
    const rebound = await send(sim.url, { host: `attacker.example:${port}`, 'content-type': 'text/plain' });
    expect(rebound.status).toBe(403);
    expect(rebound.text).toMatch(/loopback address/);
    const crossSite = await send(sim.url, { origin: 'https://attacker.example', 'content-type': 'text/plain' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.text).toMatch(/another site/);
    expect(await latency()).toBeUndefined();

    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await send(sim.url, { host, 'content-type': 'application/json' })).status).toBe(200);
    }
    expect((await send(sim.url, { origin: sim.url, 'content-type': 'application/json' })).status).toBe(200);
    expect(await latency()).toBe(5000);
  });
});
