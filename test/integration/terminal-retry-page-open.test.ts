import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalEngine } from '../../src/core/terminal/terminal-engine';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';
import type { TerminalSession } from '../../src/shared/terminal';
import { startSimRig, type SimRig } from '../support/sim-rig';
import { agentTerminal, payOnPage, sessionUntil } from '../support/terminal-rig';

// From the hostile review: Praxis keeps a session's page open after a decline (another card may be tried there) and
// the desk cannot close it, so a retry that opened a second page left two pages that could each take the money.
describe('retrying a declined session whose page still takes a card', () => {
  let rig: SimRig;
  let terminal: TerminalEngine;
  beforeAll(async () => {
    rig = await startSimRig({ operator: 'Agent Smith' });
    terminal = agentTerminal(rig, 'Agent Smith');
  });
  afterAll(async () => {
    await terminal.close();
    await rig.close();
  });

  const until = (orderId: string, done: (s: TerminalSession) => boolean) => sessionUntil(terminal, orderId, done);
  const declinedSession = async (cid: string) => {
    const first = await terminal.start({
      intent: 'payment',
      customer: { cid, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
      currency: 'EUR',
      amount: '40.00',
      callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
    });
    await payOnPage(first.redirectUrl!, '4000000000000002');
    const declined = await until(first.session.orderId, (s) => s.state === 'declined');
    return { first, declined };
  };

  it('shows the same page again instead of opening a second: the caller is charged once', async () => {
    const { first, declined } = await declinedSession('dbl-1');
    expect(declined.pageOpen).toBe(true);
    const again = await terminal.retry({ orderId: first.session.orderId });
    expect(again.session.orderId).toBe(first.session.orderId);
    expect(again.redirectUrl).toBe(first.redirectUrl);
    expect((await terminal.history()).filter((s) => s.retryOf === first.session.orderId)).toEqual([]);

    expect(await payOnPage(again.redirectUrl!, '4111111111111111')).toContain('Payment approved');
    expect(await payOnPage(first.redirectUrl!, '4111111111111111')).not.toContain('Payment approved');
    const paid = await until(first.session.orderId, (s) => s.state === 'approved');
    expect(paid.pageOpen).toBe(false);
    const approved = (await terminal.history()).filter((s) => s.cid === 'dbl-1' && s.state === 'approved');
    expect(approved).toHaveLength(1);
  });

  it('refuses another method while the page is open, saying why and what to do; retries once Praxis closed it', async () => {
    const { first } = await declinedSession('dbl-2');
    await expect(terminal.retry({ orderId: first.session.orderId, gateway: 'some-other-gateway' })).rejects.toThrow(
      /page still takes a card.*charge the caller twice.*Nothing was sent/,
    );
    expect((await terminal.history()).filter((s) => s.retryOf === first.session.orderId)).toEqual([]);

    await rig.admin(`/_sim/sessions/${first.session.orderId}/expire`);
    await until(first.session.orderId, (s) => !s.pageOpen);
    const again = await terminal.retry({ orderId: first.session.orderId });
    expect(again.session).toMatchObject({ retryOf: first.session.orderId, state: 'pending', pageOpen: true });
    expect(again.redirectUrl).not.toBe(first.redirectUrl);
  });
});
