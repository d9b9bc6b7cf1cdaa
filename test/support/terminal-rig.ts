import { createTerminalEngine, type TerminalEngine } from '../../src/core/terminal/terminal-engine';
import type { TerminalSession } from '../../src/shared/terminal';
import type { SimRig } from './sim-rig';

/** Pays on the simulator's hosted page as a caller would type it (form post to the page's own origin). */
export async function payOnPage(redirectUrl: string, card: string, amount?: string): Promise<string> {
  const form = new URLSearchParams({ card_number: card, card_exp: '12/2030', cvv: '123', card_holder: 'Ada' });
  if (amount) form.set('amount', amount);
  return (await fetch(`${redirectUrl}/pay`, { method: 'POST', body: form.toString() })).text();
}

/** An agent's terminal on the rig's store with no intake: it follows each session by find-order alone, quickly. */
export const agentTerminal = (rig: SimRig, agent: string): TerminalEngine =>
  createTerminalEngine({
    store: rig.store,
    log: rig.log,
    praxis: async () => rig.session(agent),
    intakeUrls: () => ({ notification: null, validation: null }),
    follow: { firstPollMs: 100, maxPollMs: 400 },
  });

/** The session once `done` holds (polled every 100 ms, 10 s at most). */
export async function sessionUntil(
  terminal: TerminalEngine,
  orderId: string,
  done: (s: TerminalSession) => boolean,
): Promise<TerminalSession> {
  for (let i = 0; i < 100; i++) {
    const s = await terminal.status(orderId);
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`session ${orderId} never settled: ${JSON.stringify(await terminal.status(orderId))}`);
}
