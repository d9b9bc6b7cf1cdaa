import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/shared/ipc/contract';
import { startDeskCoreForTest } from '../support/desk-core-rig';
import type { TerminalSession, TerminalStart } from '../../src/shared/terminal';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';
import type { AuditPage } from '../../src/shared/audit';

// Issue 12 through the whole one-desk composition: the embedded simulator calls the desk's customer sync and
// validation, notifies the intake, and the terminal follows each session by those notifications.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const call = <T>(channel: Channel, input: unknown = {}): Promise<T> => rig.at('test').call<T>(channel, input);
const simUrl = async () => (await call<{ simulatorUrl: string }>('app:info')).simulatorUrl;
const sim = async <T>(path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${await simUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return (await res.json()) as T;
};
const pay = async (redirectUrl: string, card: string, amount?: string) => {
  const form = new URLSearchParams({ card_number: card, card_exp: '12/2030', cvv: '123' });
  if (amount) form.set('amount', amount);
  return (await fetch(`${redirectUrl}/pay`, { method: 'POST', body: form.toString() })).text();
};
const customer = {
  cid: 'desk-vt-1',
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace@example.com',
  country: 'US',
};
const start = (intent: string, amount: string | null, currency = 'EUR') =>
  call<TerminalStart>('terminal:start', {
    intent,
    customer,
    currency,
    amount,
    callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
  });
const settled = (orderId: string) =>
  expect
    .poll(async () => (await call<TerminalSession>('terminal:status', { orderId })).state, { timeout: 20_000 })
    .not.toBe('pending');

/** The audit's record of how a session ended: what Praxis decided, written once by the desk. */
const outcomesOf = async (orderId: string) =>
  (await call<AuditPage>('audit:list', { filter: { action: 'terminal:outcome', itemId: orderId } })).rows;

beforeAll(async () => {
  rig = await startDeskCoreForTest('terminal-desk', {
    holdWatchIntervalMs: null,
    // Polling far off: what settles these sessions is the notifications.
    terminalFollow: { firstPollMs: 600_000 },
  });
});
afterAll(() => rig?.close());

describe('virtual terminal in the desk core', () => {
  it('a payment is synced, paid on the hosted page and learned by notification; then a withdrawal joins the payout queue', async () => {
    const paid = await start('payment', '300.00');
    const simSession = await sim<{ customer_sync: { status: number; verified: boolean } }>(
      `/_sim/sessions/${paid.session.orderId}`,
    );
    expect(simSession.customer_sync).toMatchObject({ status: 0, verified: true });
    await pay(paid.redirectUrl!, '4111111111111111');
    await settled(paid.session.orderId);
    const approved = await call<TerminalSession>('terminal:status', { orderId: paid.session.orderId });
    expect(approved).toMatchObject({ state: 'approved', learnedBy: 'notification' });
    // The audit says whether the money was taken, not only that a page was opened: once, however often Praxis repeats it.
    await expect.poll(async () => (await outcomesOf(paid.session.orderId)).length, { timeout: 10_000 }).toBe(1);
    await sim('/_sim/replay-notifications', {});
    await new Promise((r) => setTimeout(r, 1_500));
    const [outcome, ...more] = await outcomesOf(paid.session.orderId);
    expect(more).toEqual([]);
    expect(outcome).toMatchObject({
      operator: 'Desk (automatic)',
      itemKind: 'session',
      details: {
        result: 'approved',
        agent: approved.agent,
        tid: approved.tid,
        amountMinor: 30_000,
        currency: 'EUR',
        moneyMoved: true,
        learnedBy: 'notification',
      },
    });

    // The balance the desk now knows (300.00) goes with the withdrawal and bounds it on the page.
    // Asking for more is refused before anything is sent, the balance written as every screen writes money.
    await expect(start('withdrawal', '300.01')).rejects.toThrow(/balance the desk knows is EUR 300\.00/);
    const out = await start('withdrawal', null);
    expect(out.session.balanceMinor).toBe(30_000);
    expect(await pay(out.redirectUrl!, '4111111111111111', '300.01')).toContain('more than the withdrawable balance');
    expect(await pay(out.redirectUrl!, '4111111111111111', '120.00')).toContain('Withdrawal requested');
    await settled(out.session.orderId);
    const requested = await call<TerminalSession>('terminal:status', { orderId: out.session.orderId });
    expect(requested).toMatchObject({ state: 'requested', transactionAmountMinor: 12_000 });
    const payouts = await call<{ rows: { tid: number }[] }>('payouts:list');
    expect(payouts.rows.map((r) => r.tid)).toContain(requested.tid);
  });

  it("the desk's validation refuses a deposit above its limit, and the agent sees why", async () => {
    const settings = await call<Record<string, unknown>>('terminal-settings:get');
    await call('terminal-settings:save', { ...settings, depositMaxMinor: { EUR: 10_000 } });
    const big = await start('payment', '150.00');
    const page = await pay(big.redirectUrl!, '4111111111111111');
    expect(page).toContain('above the merchant&#39;s limit of EUR 100.00');
    await expect
      .poll(
        async () => (await call<TerminalSession>('terminal:status', { orderId: big.session.orderId })).statusDetails,
      )
      .toMatch(/refused by the merchant's validation: Deposit of EUR 150.00 is above/);
  });

  it('an abandoned session expires after the simulator time and is notified with no transaction', async () => {
    await sim('/_sim/virtual-terminal', { session_ttl_seconds: 1 });
    const left = await start('authorization', '20.00');
    await settled(left.session.orderId);
    expect(await call<TerminalSession>('terminal:status', { orderId: left.session.orderId })).toMatchObject({
      state: 'expired',
      learnedBy: 'notification',
      tid: null,
    });
    await expect
      .poll(async () => (await outcomesOf(left.session.orderId)).map((r) => r.details.result), { timeout: 10_000 })
      .toEqual(['expired']);
    expect((await outcomesOf(left.session.orderId))[0]!.details).toMatchObject({ moneyMoved: false, tid: null });
  });
});
