import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayoutRow } from '../../src/shared/payouts';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';

// Maker and checker are two people: a withdrawal request opened in the virtual terminal (the agent types the card on
// the hosted page) is not paid out by whoever opened it (insider round 4: a manager opened one and approved it).
// cust-1001 is a customer of the sandbox's book, so the desk knows a withdrawable balance for them.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');
const bo = at('window-bo');

beforeAll(async () => {
  rig = await startDeskCoreForTest('terminal-withdrawal-maker-checker');
});
afterAll(() => rig?.close());

/** The card typed on the simulator's hosted page for a started session; answers the request's tid once queued. */
async function payOnHostedPage(redirectUrl: string, orderId: string): Promise<number> {
  const url = new URL(redirectUrl);
  const body = new URLSearchParams({
    card_number: '4111111111111111',
    card_exp: '12/2030',
    cvv: '123',
    card_holder: 'Test Holder',
  });
  await fetch(`${url.origin}${url.pathname}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const session = (await (await fetch(`${url.origin}/_sim/sessions/${orderId}`)).json()) as { tids: number[] };
  return session.tids[0]!;
}

describe('a withdrawal request opened in the virtual terminal', () => {
  it('is refused to the operator who opened it, nothing sent, and paid by a colleague', async () => {
    await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
    await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
    await mia.call('operators:add', { name: 'Bo', pin: '43210', role: 'backoffice' });
    await bo.call('session:sign-in', { operator: 'Bo', pin: '43210' });
    const customer = {
      cid: 'cust-1001',
      firstName: 'Paula',
      lastName: 'Becker',
      email: 'p@example.com',
      country: 'DE',
    };
    const started = await mia.call<{ redirectUrl: string; session: { orderId: string } }>('terminal:start', {
      intent: 'withdrawal',
      customer,
      currency: 'EUR',
      amount: '100.00',
      callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
    });
    const tid = await payOnHostedPage(started.redirectUrl, started.session.orderId);
    await expect
      .poll(async () => (await mia.call<PayoutRow[]>('payouts:rows', { tids: [tid] })).length, { timeout: 15_000 })
      .toBe(1);
    const [gateway] = await mia.call<{ id: string }[]>('payouts:gateways', { tid });

    expect(await mia.raw('payouts:approve', { tid, gateway: gateway!.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('someone else must pay it out') },
    });
    expect(
      await mia.raw('payouts:split', { tid, parts: [{ amountMinor: 50_00, gateway: gateway!.id }] }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await rig.payoutsMade(tid)).toBe(0);
    // Each attempt is in the audit log, as a four-eyes refusal is: an auditor sees who tried to pay out their own.
    const audit = await mia.call<{ rows: { action: string; itemId: string | null; operator: string }[] }>(
      'audit:list',
      { filter: { itemId: String(tid) } },
    );
    expect(audit.rows.filter((r) => r.action === 'payouts:maker-checker-refused' && r.itemId === String(tid))).toEqual([
      expect.objectContaining({ operator: 'Mia' }),
      expect.objectContaining({ operator: 'Mia' }),
    ]);
    expect(await bo.call('payouts:approve', { tid, gateway: gateway!.id })).toMatchObject({ state: 'done' });
    expect(await rig.payoutsMade(tid)).toBe(1);
  });
});
