import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type CommandHandlers } from '../../src/core/commands/dispatch';
import { createTerminalHandlers } from '../../src/core/commands/terminal-handlers';
import { createCaptureEngine } from '../../src/core/captures/capture-engine';
import { createTerminalEngine, type TerminalEngine } from '../../src/core/terminal/terminal-engine';
import type { TerminalStartRequest } from '../../src/shared/ipc/terminal-contract';
import type { TerminalSession } from '../../src/shared/terminal';
import { startSimRig, type SimRig } from '../support/sim-rig';
import { agentTerminal, payOnPage, sessionUntil } from '../support/terminal-rig';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';

const customer = {
  cid: 'vt-cust-1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  country: 'GB',
};
const payment = (over: Partial<TerminalStartRequest> = {}): TerminalStartRequest => ({
  intent: 'payment',
  customer,
  currency: 'EUR',
  amount: '25.50',
  callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
  ...over,
});

// Issue 12: the terminal engine against the real simulator over HTTP; with no notification URL the desk follows
// each session by find-order alone, with back-off.
describe('virtual terminal engine', () => {
  let rig: SimRig;
  let terminal: TerminalEngine;
  const createAgentSmithsTerminal = () => agentTerminal(rig, 'Agent Smith');
  beforeAll(async () => {
    rig = await startSimRig({ operator: 'Agent Smith', timeoutMs: 2_000, hangMs: 3_000 });
    terminal = createAgentSmithsTerminal();
  });
  afterAll(async () => {
    await terminal.close();
    await rig.close();
  });

  const until = (orderId: string, done: (s: TerminalSession) => boolean) => sessionUntil(terminal, orderId, done);
  // Praxis keeps a declined session's page open for another card; a retry with a new page waits until it closed.
  const closePage = async (orderId: string) => {
    await rig.admin(`/_sim/sessions/${orderId}/expire`);
    await until(orderId, (s) => !s.pageOpen);
  };

  it('opens a payment through the journal as the acting operator and follows it to approved by find-order', async () => {
    const started = await terminal.start(payment());
    expect(started.session).toMatchObject({
      state: 'pending',
      agent: 'Agent Smith',
      amountMinor: 2550,
      cid: 'vt-cust-1',
    });
    expect(started.redirectUrl).toMatch(new RegExp(`^${rig.sim.url}/hpp/`));
    expect(started.praxisOrigin).toBe(rig.sim.url);
    const [entry] = await rig.store.journal.forItem('session', started.session.orderId);
    expect(entry).toMatchObject({ action: 'terminal:open', operator: 'Agent Smith', state: 'done' });

    expect(await payOnPage(started.redirectUrl!, '4111 1111 1111 1111')).toContain('Payment approved');
    const done = await until(started.session.orderId, (s) => s.state !== 'pending');
    expect(done).toMatchObject({ state: 'approved', learnedBy: 'find-order', transactionAmountMinor: 2550 });
    expect(done.statusDetails).toBeTruthy();
  });

  it('opens nothing until every caller-check line is confirmed, and audits the lines the agent confirmed', async () => {
    const lines = DEFAULT_TERMINAL_SETTINGS.callerCheck;
    const before = (await terminal.history()).length;
    for (const ticked of [[], lines.slice(0, 2), ['Consent: something else the caller said']]) {
      const refused = terminal.start(payment({ customer: { ...customer, cid: 'vt-unchecked' }, callerCheck: ticked }));
      await expect(refused).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'callerCheck' } });
      await expect(refused).rejects.toThrow(/not confirmed.*Nothing was sent/);
    }
    expect(await terminal.history()).toHaveLength(before);
    expect((await rig.store.journal.forItem('session', 'vt-unchecked')).length).toBe(0);

    const started = await terminal.start(payment());
    const audit = await rig.store.db.query<{ details: { callerCheck: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'terminal:open' AND item_id = $1`,
      [started.session.orderId],
    );
    expect(audit.rows[0]?.details.callerCheck).toEqual(lines);
  });

  it('shows a decline with Praxis status_details and retries with another method in one step', async () => {
    const first = await terminal.start(payment({ amount: '1200', currency: 'JPY' }));
    await payOnPage(first.redirectUrl!, '4000000000000002');
    const declined = await until(first.session.orderId, (s) => s.state !== 'pending');
    expect(declined.state).toBe('declined');
    expect(declined.statusDetails).toBeTruthy();

    await closePage(first.session.orderId);
    const again = await terminal.retry({ orderId: first.session.orderId });
    expect(again.session).toMatchObject({ retryOf: first.session.orderId, amountMinor: 1200, currency: 'JPY' });
    expect(again.session.orderId).not.toBe(first.session.orderId);
    await payOnPage(again.redirectUrl!, '4111111111111111');
    expect((await until(again.session.orderId, (s) => s.state !== 'pending')).state).toBe('approved');
    // Once approved, a retry would take the money twice: refused, nothing sent.
    await expect(terminal.retry({ orderId: again.session.orderId })).rejects.toThrow(/twice/);
    // The declined session was retried already, and that retry took the money: retrying it again would take it twice.
    await expect(terminal.retry({ orderId: first.session.orderId })).rejects.toThrow(
      new RegExp(`retried as ${again.session.orderId}.*approved`),
    );
    expect((await terminal.history()).filter((s) => s.retryOf === first.session.orderId)).toHaveLength(1);
  });

  it('audits how a session ended once per outcome: a decline, then the payment taken on a later attempt', async () => {
    const outcomes = async (orderId: string) =>
      (
        await rig.store.db.query<{ operator: string; details: { result: string; moneyMoved: boolean } }>(
          `SELECT operator, details FROM audit_log WHERE action = 'terminal:outcome' AND item_id = $1 ORDER BY seq`,
          [orderId],
        )
      ).rows.map((r) => [r.operator, r.details.result, r.details.moneyMoved]);
    const s = await terminal.start(payment({ amount: '31.00' }));
    await terminal.auditOutcomes([s.session.orderId]);
    expect(await outcomes(s.session.orderId)).toEqual([]);
    await payOnPage(s.redirectUrl!, '4000000000000002');
    await until(s.session.orderId, (x) => x.state === 'declined');
    // Told twice (a repeated notification, a poll): written once.
    await Promise.all([terminal.auditOutcomes([s.session.orderId]), terminal.auditOutcomes([s.session.orderId])]);
    expect(await outcomes(s.session.orderId)).toEqual([['Desk (automatic)', 'declined', false]]);
    await payOnPage(s.redirectUrl!, '4111111111111111');
    await until(s.session.orderId, (x) => x.state === 'approved');
    await terminal.auditOutcomes([s.session.orderId]);
    await terminal.auditOutcomes([s.session.orderId]);
    expect(await outcomes(s.session.orderId)).toEqual([
      ['Desk (automatic)', 'declined', false],
      ['Desk (automatic)', 'approved', true],
    ]);
  });

  it('retries a declined session once, even when two windows ask at the same moment', async () => {
    const first = await terminal.start(payment({ amount: '15.00' }));
    await payOnPage(first.redirectUrl!, '4000000000000002');
    await until(first.session.orderId, (s) => s.state !== 'pending');
    await closePage(first.session.orderId);
    const both = await Promise.allSettled([
      terminal.retry({ orderId: first.session.orderId }),
      terminal.retry({ orderId: first.session.orderId }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await terminal.history()).filter((s) => s.retryOf === first.session.orderId)).toHaveLength(1);
  });

  it('lets only the agent who took the call retry it: a colleague is refused and nothing is sent', async () => {
    const first = await terminal.start(payment({ amount: '16.00' }));
    await payOnPage(first.redirectUrl!, '4000000000000002');
    await until(first.session.orderId, (s) => s.state !== 'pending');
    const colleague = createTerminalEngine({
      store: rig.store,
      log: rig.log,
      praxis: async () => rig.session('Agent Jones'),
      intakeUrls: () => ({ notification: null, validation: null }),
    });
    try {
      await expect(colleague.retry({ orderId: first.session.orderId })).rejects.toThrow(
        /is Agent Smith's call: only Agent Smith can retry it.*Nothing was sent/,
      );
    } finally {
      colleague.close();
    }
    expect((await terminal.history()).filter((s) => s.retryOf === first.session.orderId)).toHaveLength(0);
    await closePage(first.session.orderId);
    expect((await terminal.retry({ orderId: first.session.orderId })).session.retryOf).toBe(first.session.orderId);
  });

  it('puts an authorization taken here in the capture queue', async () => {
    const started = await terminal.start(payment({ intent: 'authorization', amount: '80.000', currency: 'KWD' }));
    await payOnPage(started.redirectUrl!, '4111111111111111');
    const held = await until(started.session.orderId, (s) => s.state !== 'pending');
    expect(held.state).toBe('authorized');
    const captures = createCaptureEngine({ store: rig.store, log: rig.log, praxis: async () => rig.session() });
    expect((await captures.list()).rows.map((r) => r.tid)).toContain(held.tid);
  });

  it('follows an abandoned session to expired', async () => {
    const started = await terminal.start(payment({ amount: null }));
    expect(started.session.amountMinor).toBeNull();
    await rig.admin(`/_sim/sessions/${started.session.orderId}/expire`);
    const expired = await until(started.session.orderId, (s) => s.state !== 'pending');
    expect(expired).toMatchObject({ state: 'expired', tid: null });
  });

  it('records a refusal as failed with Praxis words, and an open whose answer was lost is settled by find-order', async () => {
    const refused = await terminal.start(payment({ currency: 'CHF' }));
    expect(refused.session.state).toBe('failed');
    expect(refused.session.statusDetails).toMatch(/Currency is not enabled.*Nothing was charged/);
    expect(refused.redirectUrl).toBeNull();

    // Earlier tests left pages open, and their find-order polls would take the one fault meant for this open:
    // a terminal that follows nothing yet opens it (a new one does not resume the others).
    await terminal.close();
    terminal = createAgentSmithsTerminal();
    rig.sim.setFaults({ timeoutAfterApply: 1, timeoutMode: 'drop' });
    const lost = await terminal.start(payment());
    rig.sim.clearFaults();
    expect(lost.redirectUrl).toBeNull();
    expect(lost.session.state).toBe('pending');
    expect(lost.session.statusDetails).toMatch(/answer was lost/);
    const [entry] = await rig.store.journal.forItem('session', lost.session.orderId);
    expect(entry).toMatchObject({ state: 'done', result: expect.objectContaining({ reconciled: true }) });
  });

  it('lists history newest first and remembers the customers it served', async () => {
    const history = await terminal.history();
    expect(history.length).toBeGreaterThanOrEqual(6);
    expect(history[0]!.createdAt >= history[history.length - 1]!.createdAt).toBe(true);
    const [recent] = await terminal.recentCustomers('lovelace');
    expect(recent).toMatchObject({ cid: 'vt-cust-1', email: 'ada@example.com', country: 'GB' });
  });

  it('refuses bad fields field by field before anything is sent', async () => {
    const handlers = createTerminalHandlers((fn) => fn({ terminal, store: rig.store })) as unknown as CommandHandlers;
    const answer = await dispatch(
      handlers,
      'terminal:start',
      {
        intent: 'payment',
        customer: { ...customer, email: 'ada-at-example', country: 'UK', firstName: 'A'.repeat(26) },
        currency: 'JPY',
        amount: '12.50',
        callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
      },
      { transport: 'test', connection: 'test' },
      rig.log,
    );
    expect(answer.ok).toBe(false);
    const message = answer.ok ? '' : answer.error.message;
    expect(message).toMatch(/customer\.email: Enter an email such as name@example.com/);
    expect(message).toMatch(/customer\.country: Enter a two-letter ISO 3166 country code/);
    expect(message).toMatch(/customer\.firstName: A first name is at most 25 characters/);
    expect(message).toMatch(/amount: .*JPY/);
  });
});
