import type { ReactNode } from 'react';
import type { AuditEntryView, JournalEntryView } from '../../../shared/queue-views';
import { FormError } from '../components/FormError';
import { instantText } from '../components/instant-text';
import { NewSessionForCustomer } from './NewSessionForCustomer';

/** What the desk sent for this item and what it recorded, oldest first. */
function Trail({
  journal,
  audit,
  noun,
  auditDetails,
}: {
  journal: readonly JournalEntryView[];
  audit: readonly AuditEntryView[];
  noun: string;
  auditDetails: (details: Record<string, unknown>) => Record<string, unknown>;
}) {
  return (
    <section className="detail-section" aria-label="Journal and audit">
      <h3>Journal</h3>
      {journal.length === 0 ? (
        <p className="muted">No action has been sent for this {noun}.</p>
      ) : (
        <ul className="trail">
          {journal.map((j) => (
            <li key={j.id} className={`journal-${j.state}`}>
              <span className="mono">{instantText(j.createdAt)}</span> {j.action} by {j.operator}:{' '}
              <strong>{j.state}</strong>
              {j.praxisStatus !== null &&
                ` (Praxis status ${j.praxisStatus}${j.praxisDescription ? `, ${j.praxisDescription}` : ''})`}
              {j.errorCode && ` — ${j.errorCode}`}
              {j.lateAnswer && <div className="late-answer">Late answer: {j.lateAnswer}</div>}
            </li>
          ))}
        </ul>
      )}
      <h3>Audit trail</h3>
      {audit.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ul className="trail">
          {audit.map((a) => (
            <li key={a.seq}>
              <span className="mono">{instantText(a.at)}</span> {a.operator}: {a.action}
              {Object.keys(a.details).length > 0 && (
                <span className="muted mono"> {JSON.stringify(auditDetails(a.details))}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Praxis's objects as received, folded away. */
function Raw({ raw }: { raw: Record<string, unknown> }) {
  return (
    <section className="detail-section" aria-label="Raw Praxis objects">
      {Object.entries(raw).map(([k, value]) => (
        <details key={k}>
          <summary>Raw {k}</summary>
          {/* Focusable so the keyboard can scroll a long object (WCAG 2.1.1). */}
          <pre className="raw-json" tabIndex={0} role="region" aria-label={`Raw ${k} JSON`}>
            {value === null || value === undefined ? 'not received' : JSON.stringify(value, null, 2)}
          </pre>
        </details>
      ))}
    </section>
  );
}

/** What the frame shows once the item's detail has loaded. */
export interface DetailTrail {
  journal: readonly JournalEntryView[];
  audit: readonly AuditEntryView[];
  raw: Record<string, unknown>;
}

const asIs = (d: Record<string, unknown>) => d;

/**
 * One queue item's pane, for any queue: a header with its close button (Esc), the screen's action buttons, the
 * screen's own sections, then the journal, the audit trail and the raw Praxis objects.
 */
export function DetailFrame({
  label,
  heading,
  summary,
  actions,
  noun,
  loaded,
  loading,
  error,
  onClose,
  auditDetails = asIs,
  tid,
  children,
}: {
  /** The pane's accessible name ("Request 5012", "Hold 7001"). */
  label: string;
  heading: ReactNode;
  /** Lines under the heading (tid, method, age…). */
  summary: ReactNode;
  actions: ReactNode;
  /** The item in words ("request", "hold"). */
  noun: string;
  /** The loaded detail's trail; null while loading. */
  loaded: DetailTrail | null;
  loading: boolean;
  error: { message: string } | null;
  onClose(): void;
  /** Audit details as the operator should read them (a gateway hash named, say). */
  auditDetails?: (details: Record<string, unknown>) => Record<string, unknown>;
  /** The item's tid: a new terminal session for its customer is one step away. */
  tid?: number;
  /** The screen's own sections (risk, parts, the authorization, the customer's history). */
  children?: ReactNode;
}) {
  return (
    <aside className="detail-pane" aria-label={label}>
      <header className="detail-head">
        <div>
          <h2>{heading}</h2>
          {summary}
        </div>
        <button type="button" onClick={onClose} aria-label="Close detail">
          Close <kbd>Esc</kbd>
        </button>
      </header>
      {actions}
      {tid !== undefined && <NewSessionForCustomer tid={tid} />}
      <FormError message={error?.message} />
      {!loaded && loading && <p className="muted">Loading the {noun}…</p>}
      {loaded && (
        <>
          {children}
          <Trail journal={loaded.journal} audit={loaded.audit} noun={noun} auditDetails={auditDetails} />
          <Raw raw={loaded.raw} />
        </>
      )}
    </aside>
  );
}
