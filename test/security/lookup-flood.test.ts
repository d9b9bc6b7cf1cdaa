import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/core/sandbox';
import type { LookupResult } from '../../src/shared/lookup';
import { startDeskCoreForTest } from '../support/desk-core-rig';
import { startRecordingProxy } from '../support/recording-proxy';

// Any operator (Lookup is everyone's) can start lookups from many windows at once, each of up to 5,000 ids: the desk
// must not turn that into hundreds of simultaneous queries at Praxis under the merchant's credentials.
const SECRET = 'lookup-flood-secret';
const MERCHANT = { merchantId: 'Lookup-Flood-Merchant', applicationKey: 'LookupFlood' };

let sim: Simulator;
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let praxis: Awaited<ReturnType<typeof startRecordingProxy>>;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    seed: false,
    arrivalIntervalMs: null,
    credentials: { ...MERCHANT, secret: SECRET },
  });
  praxis = await startRecordingProxy(sim.url, { holdMs: 20 });
  rig = await startDeskCoreForTest('lookup-flood', { holdWatchIntervalMs: null });
  const setup = rig.at('setup');
  const profile = await setup.call<{ id: string }>('profiles:save', {
    name: 'Lookup flood',
    environment: 'custom',
    customBaseUrl: praxis.url,
    ...MERCHANT,
  });
  await setup.call('credentials:set', { profileId: profile.id, secret: SECRET });
  await setup.call('profiles:activate', { id: profile.id });
});
afterAll(async () => {
  await rig?.close();
  await praxis?.close();
  await sim?.stop();
});

describe('lookups from many windows at once', () => {
  it('share one desk-wide limit of queries at Praxis; every id is still answered', async () => {
    const windows = Array.from({ length: 8 }, (_, w) => rig.at(`window-${w}`));
    const runs = windows.map((window, w) =>
      window.call<LookupResult[]>('lookup:run', {
        ids: Array.from({ length: 25 }, (_, i) => String(900_000_000 + w * 100 + i)),
      }),
    );
    const results = await Promise.all(runs);
    expect(results.map((r) => r.length)).toEqual(Array(8).fill(25));
    expect(praxis.requests()).toBeGreaterThanOrEqual(200);
    expect(praxis.maxInFlight()).toBeLessThanOrEqual(4);
  });
});
