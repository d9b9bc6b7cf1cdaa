import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayOption } from '../../src/shared/payouts';
import { startDeskCoreForTest } from '../support/desk-core-rig';

// Parts whose sum no JavaScript number holds exactly, sent through the real command table of a one-desk composition.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const desk = () => rig.at('split-overflow');

beforeAll(async () => {
  rig = await startDeskCoreForTest('split-overflow');
});
afterAll(() => rig?.close());

describe('payouts:split with parts past 2^53', () => {
  it('is refused as VALIDATION saying what the limit is, and nothing is paid', async () => {
    const row = await rig.request(desk(), 'split-overflow', 'EUR', 50_00);
    const [gateway] = await desk().call<GatewayOption[]>('payouts:gateways', { tid: row.tid });
    const part = { amountMinor: Number.MAX_SAFE_INTEGER, gateway: gateway!.id };
    const r = await desk().raw('payouts:split', { tid: row.tid, parts: [part, part] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/parts add up to more than/) },
    });
    expect(await rig.payoutsMade(row.tid)).toBe(0);
  });
});
