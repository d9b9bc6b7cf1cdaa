import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalSession, TerminalStart } from '../../src/shared/terminal';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';

// A window reloaded (or closed) mid-call must get its open session back, the card page with it, or the caller's
// payment is stuck until the session expires 15 minutes later. The page's address is a bearer of the session, so only
// the agent who opened it gets it again, and only while the session is open.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');
const miaAfterReload = at('window-mia-reloaded');
const bo = at('window-bo');
const customer = { cid: 'e2e-reopen-1', firstName: 'Ada', lastName: 'Lovelace', email: 'a@example.com', country: 'GB' };

beforeAll(async () => {
  rig = await startDeskCoreForTest('terminal-reopen', { terminalFollow: { firstPollMs: 200, maxPollMs: 500 } });
  await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
  await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
  await miaAfterReload.call('session:sign-in', { operator: 'Mia', pin: '91827' });
  await mia.call('operators:add', { name: 'Bo', pin: '43210', role: 'agent' });
  await bo.call('session:sign-in', { operator: 'Bo', pin: '43210' });
});
afterAll(() => rig?.close());

async function payOnHostedPage(redirectUrl: string): Promise<void> {
  const url = new URL(redirectUrl);
  const body = new URLSearchParams({ card_number: '4111111111111111', card_exp: '12/2030', cvv: '123' });
  await fetch(`${url.origin}${url.pathname}/pay`, { method: 'POST', body });
}

describe('terminal:reopen', () => {
  it('gives the agent who opened a session its page again while it is open, and no one else', async () => {
    const started = await mia.call<TerminalStart>('terminal:start', {
      intent: 'payment',
      customer,
      currency: 'EUR',
      amount: '25.50',
      callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
    });
    const { orderId } = started.session;
    expect(started.redirectUrl).toBeTruthy();

    const again = await miaAfterReload.call<TerminalStart>('terminal:reopen', { orderId });
    expect(again).toMatchObject({ session: { orderId, state: 'pending' }, redirectUrl: started.redirectUrl });
    expect(again.pageWithheld).toBeUndefined();

    const other = await bo.call<TerminalStart>('terminal:reopen', { orderId });
    expect(other).toMatchObject({ session: { orderId, state: 'pending' }, redirectUrl: null });
    expect(other.pageWithheld).toMatch(/opened by Mia/);

    await payOnHostedPage(started.redirectUrl!);
    await expect
      .poll(async () => (await mia.call<TerminalSession>('terminal:status', { orderId })).state, { timeout: 15_000 })
      .toBe('approved');
    const ended = await mia.call<TerminalStart>('terminal:reopen', { orderId });
    expect(ended).toMatchObject({ session: { state: 'approved' }, redirectUrl: null });
    expect(ended.pageWithheld).toBeUndefined();
  });

  it('refuses an order id the store does not have', async () => {
    expect(await mia.raw('terminal:reopen', { orderId: 'vt-nothing-here' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
