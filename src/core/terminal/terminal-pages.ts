/**
 * The hosted card pages of open terminal sessions, in memory only: a window reloaded mid-call gets its page back,
 * and nothing that could open a customer's card page reaches the disk. The address is the session's bearer, so it
 * goes back only to the agent who opened it, and only while the session may still be paid.
 */
import type { TerminalSession, TerminalStart } from '../../shared/terminal';

/** A Cashier session lives 15 minutes (§3.1); a page older than that has nothing left to take. */
const PAGE_LIFE_MS = 15 * 60_000;

interface OpenPage {
  redirectUrl: string;
  praxisOrigin: string;
  agent: string;
  openedAt: number;
}

export function createTerminalPages(now = () => Date.now()) {
  const pages = new Map<string, OpenPage>();
  const prune = () => {
    for (const [orderId, p] of pages) if (now() - p.openedAt >= PAGE_LIFE_MS) pages.delete(orderId);
  };
  return {
    keep(orderId: string, page: Omit<OpenPage, 'openedAt'>) {
      prune();
      pages.set(orderId, { ...page, openedAt: now() });
    },
    /** The session with its page for `agent` while it is open; otherwise without, and why where a page is kept. */
    reopen(session: TerminalSession, agent: string): TerminalStart {
      prune();
      const page = pages.get(session.orderId);
      if (session.state !== 'pending' && session.state !== 'opening') pages.delete(session.orderId);
      const open = session.state === 'pending' && page !== undefined;
      if (open && page.agent === agent)
        return { session, redirectUrl: page.redirectUrl, praxisOrigin: page.praxisOrigin };
      return {
        session,
        redirectUrl: null,
        praxisOrigin: page?.praxisOrigin ?? '',
        ...(session.state === 'pending' ? { pageWithheld: withheldWhy(session, open ? page.agent : null) } : {}),
      };
    },
  };
}

function withheldWhy(session: TerminalSession, openedBy: string | null): string {
  if (openedBy !== null)
    return `The payment page was opened by ${openedBy}: only they can show it again. Its outcome appears here.`;
  return (
    'The desk keeps a payment page only in the run that opened it, and it has restarted since: the page cannot be ' +
    `shown again. The desk follows session ${session.orderId} to its outcome; if the caller abandoned it, it expires ` +
    '15 minutes after it was opened and can then be retried.'
  );
}
