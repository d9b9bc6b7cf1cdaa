/**
 * The hosted card pages of open terminal sessions, in memory only: a window reloaded mid-call gets its page back,
 * and nothing that could open a customer's card page reaches the disk. The address is the session's bearer, so it
 * goes back only to the agent who opened it, and only while the session may still be paid.
 */
import {
  CASHIER_SESSION_LIFE_MS as PAGE_LIFE_MS,
  type TerminalSession,
  type TerminalStart,
} from '../../shared/terminal';

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
    /** The session with its page for `agent` while it takes a card; otherwise without, and why where one is kept. */
    reopen(session: TerminalSession, agent: string): TerminalStart {
      prune();
      const page = pages.get(session.orderId);
      if (!session.pageOpen && session.state !== 'opening') pages.delete(session.orderId);
      const open = session.pageOpen && page !== undefined;
      if (open && page.agent === agent)
        return { session, redirectUrl: page.redirectUrl, praxisOrigin: page.praxisOrigin };
      return {
        session,
        redirectUrl: null,
        praxisOrigin: page?.praxisOrigin ?? '',
        ...(session.pageOpen ? { pageWithheld: withheldWhy(session, open ? page.agent : null) } : {}),
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
