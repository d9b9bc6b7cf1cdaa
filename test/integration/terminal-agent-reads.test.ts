import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayoutRow } from '../../src/shared/payouts';
import type { TerminalCustomer } from '../../src/shared/terminal';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';

// An agent alone does not read holds or withdrawal requests (lookup:praxis-objects refuses them). From the security
// review: the terminal's prefill still answered such an item's customer (name, country, email…) to an agent.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');
const ada = at('window-ada');
let tid: number;

beforeAll(async () => {
  rig = await startDeskCoreForTest('terminal-agent-reads');
  await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
  await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
  await mia.call('operators:add', { name: 'Ada', pin: '43210', role: 'agent' });
  await ada.call('session:sign-in', { operator: 'Ada', pin: '43210' });
  const { simulatorUrl } = await rig.core.info();
  const res = await fetch(`${simulatorUrl}/_sim/withdrawal-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      cid: 'wd-only',
      currency: 'EUR',
      amount: 50_00,
      customer_data: { first_name: 'Grace', last_name: 'Hopper' },
    }),
  });
  tid = ((await res.json()) as { tid: number }).tid;
  // The request reaches the store by its notification.
  for (let waited = 0; (await mia.call<PayoutRow[]>('payouts:rows', { tids: [tid] })).length === 0; waited += 100) {
    if (waited > 15_000) throw new Error(`request ${tid} never reached the payout queue`);
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(() => rig?.close());

describe("a withdrawal request's customer, for an agent alone", () => {
  it('is not given by the terminal prefill', async () => {
    expect(await ada.raw('terminal:prefill', { tid })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('Payouts') },
    });
    expect(await mia.call('terminal:prefill', { tid })).toMatchObject({ customer: { firstName: 'Grace' } });
  });

  it('is not named by the known-customer lookup of a typed cid; for a manager it is', async () => {
    expect(await ada.call('terminal:customer', { cid: 'wd-only' })).toBeNull();
    expect(await mia.call<TerminalCustomer>('terminal:customer', { cid: 'wd-only' })).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
    });
  });
});
