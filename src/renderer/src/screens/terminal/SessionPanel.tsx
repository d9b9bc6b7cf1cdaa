import { useEffect, useRef, useState, type Ref } from 'react';
import {
  CASHIER_SESSION_LIFE_MS,
  ENDED_TERMINAL_STATES,
  type TerminalSession,
  type TerminalStart,
  type TerminalState,
} from '../../../../shared/terminal';
import { FormError } from '../../components/FormError';
import { safeMoney } from '../../queue/money-text';
import { selectActingOperator, useAccess } from '../../stores/access';
import { terminalActions, useTerminal } from '../../stores/terminal';
import { focusLost } from '../../components/focus-lost';

/** What each state means for the agent and the caller still on the line. */
const STATE_WORDS: Record<TerminalState, string> = {
  opening: 'Opening the payment page…',
  pending: 'Waiting for the customer to complete the payment page.',
  approved: 'Approved: the money was taken.',
  authorized: 'Authorized: the hold is in the capture queue.',
  requested: 'Withdrawal requested: it is in the payout queue for a decision.',
  declined: 'Declined. No money was taken. Try another method while the caller is on the line.',
  expired: 'Expired: the page was abandoned. No money was taken.',
  failed: 'Not opened: Praxis refused the session. No money was taken.',
  unknown: 'Outcome unknown: the desk is looking it up with find-order.',
};
const RETRYABLE: TerminalState[] = ['declined', 'expired', 'failed'];
/** A decline whose page Praxis keeps open: the same page is the retry (a second page could charge twice). */
const declinedWords = (pageHere: boolean) =>
  pageHere
    ? 'Declined. No money was taken. The page stays open: try another card on it while the caller is on the line.'
    : 'Declined. No money was taken.';
const closingTime = (s: TerminalSession) =>
  new Date(Date.parse(s.createdAt) + CASHIER_SESSION_LIFE_MS).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });

export const amountText = (s: TerminalSession) => {
  const amount = s.amountMinor ?? s.transactionAmountMinor;
  return amount === null ? `${s.currency}, amount open` : safeMoney(amount, s.currency);
};

function Outcome({ session, pageHere }: { session: TerminalSession; pageHere: boolean }) {
  const { gateways, sending } = useTerminal();
  const outcomeBox = useRef<HTMLDivElement>(null);
  // The card page the keyboard was in goes when the session ends: the keyboard goes to what comes next (the retry),
  // else to the outcome, so it is not left on the page's body. A keyboard already elsewhere stays there.
  useEffect(() => {
    if (!ENDED_TERMINAL_STATES.includes(session.state)) return;
    if (!focusLost()) return;
    (outcomeBox.current?.querySelector<HTMLElement>('button.primary') ?? outcomeBox.current)?.focus();
  }, [session.state]);
  // A session is retried once: a retried one points at its retry instead (retrying it again could charge twice).
  const retriedAs = useTerminal((s) => s.history.find((h) => h.retryOf === session.orderId));
  const [gateway, setGateway] = useState('');
  // Only the agent who took the call retries it (the core says so too): the caller agreed with them.
  const acting = useAccess(selectActingOperator);
  const theirCall = acting !== null && acting.trim().toLowerCase() === session.agent.trim().toLowerCase();
  return (
    <div
      className={`vt-outcome vt-${session.state}`}
      role="status"
      aria-label="Session outcome"
      ref={outcomeBox}
      tabIndex={-1}
    >
      <p>
        <span className={`badge status-${session.state}`}>{session.state}</span>{' '}
        {session.state === 'declined' && session.pageOpen ? declinedWords(pageHere) : STATE_WORDS[session.state]}
      </p>
      {session.state === 'declined' && session.pageOpen && !pageHere && theirCall && (
        <p>
          Its page is not shown here, and Praxis keeps it open until about {closingTime(session)}: a retry is offered
          then, so the caller cannot be charged twice.
        </p>
      )}
      {session.statusDetails && (
        <p>
          {/* Praxis's own status_details come with a transaction; the rest is the desk's account of the session. */}
          {session.tid !== null ? 'Praxis says:' : 'Details:'} {session.statusDetails}
        </p>
      )}
      <p className="muted">
        {amountText(session)} · order {session.orderId}
        {session.tid ? ` · tid ${session.tid}` : ''}
        {session.learnedBy ? ` · learned by ${session.learnedBy}` : ''}
      </p>
      {retriedAs && (
        <p>
          Retried as{' '}
          <button
            type="button"
            className="link"
            aria-label={`Show session ${retriedAs.orderId}`}
            onClick={() => void terminalActions.show(retriedAs.orderId)}
          >
            {retriedAs.orderId}
          </button>{' '}
          ({retriedAs.state}).
        </p>
      )}
      {RETRYABLE.includes(session.state) && !retriedAs && !theirCall && (
        <p>This was {session.agent}’s call: only they can retry it. For this caller, open a new session.</p>
      )}
      {RETRYABLE.includes(session.state) && !session.pageOpen && !retriedAs && theirCall && (
        <div className="form-actions">
          <select aria-label="Method for the retry" value={gateway} onChange={(e) => setGateway(e.target.value)}>
            <option value="">Any method on the page</option>
            {gateways.map((g) => (
              <option key={g.gateway} value={g.gateway}>
                {g.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="primary"
            disabled={sending}
            onClick={() => void terminalActions.retry(session.orderId, gateway || undefined)}
          >
            Retry with another method
          </button>
        </div>
      )}
    </div>
  );
}

/** The hosted page (browser host: a sandboxed iframe limited by CSP frame-src) and the outcome. */
export function SessionPanel({
  active,
  ref,
  onClose,
}: {
  active: TerminalStart;
  ref?: Ref<HTMLElement>;
  /** Ends the session on screen (the form takes its place). */
  onClose(): void;
}) {
  const { host, error } = useTerminal();
  const s = active.session;
  const showPage = s.pageOpen && active.redirectUrl && host !== 'electron';
  return (
    // Focusable, so the keyboard can be put here when the session opens from the form.
    <section className="vt-session" aria-label={`Session ${s.orderId}`} ref={ref} tabIndex={-1}>
      <div className="panel vt-page">
        <div className="panel-head">
          <h2>
            {s.customerName} · {amountText(s)} · {s.intent}
          </h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <Outcome session={s} pageHere={!!showPage || !!active.openedInWindow} />
        <FormError message={error?.message} />
        {showPage && (
          <iframe
            title="Praxis payment page"
            src={active.redirectUrl!}
            sandbox="allow-forms allow-scripts allow-same-origin"
            allow="payment 'none'; camera 'none'; microphone 'none'; geolocation 'none'"
            className="vt-frame"
          />
        )}
        {s.pageOpen && active.openedInWindow && <p className="muted">The payment page opened in its own window.</p>}
        {s.pageOpen && active.pageWithheld && <p role="note">{active.pageWithheld}</p>}
      </div>
    </section>
  );
}
