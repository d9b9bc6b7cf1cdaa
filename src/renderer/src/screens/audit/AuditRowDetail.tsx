import { useEffect, useRef } from 'react';
import type { AuditRowView } from '../../../../shared/audit';
import { auditActionWords } from '../../../../shared/audit-action-words';
import { auditColumns } from '../../../../shared/audit-columns';
import { instantText } from '../../components/instant-text';

/**
 * The selected row in full: the table clips long cells, an auditor needs every word and the stored details. The
 * details are the row as stored, whose secret-looking keys the audit log dropped before writing it; nothing else is
 * fetched for it. Esc (or Close) closes it and gives the focus back to the row; J and K move on to the next rows.
 */
export function AuditRowDetail({
  row,
  focusKey,
  onClose,
  onStep,
}: {
  row: AuditRowView;
  /** Changes when the detail should take the focus (opened with Enter). */
  focusKey: number;
  onClose(): void;
  /** J / K from inside the detail: the next or previous row, its detail shown here in turn. */
  onStep(step: 1 | -1): void;
}) {
  const c = auditColumns(row);
  const facts: [string, string][] = [
    ['Time', instantText(row.at)],
    ['Operator', row.operator],
    ['Action', `${auditActionWords(row.action)} (${row.action})`],
    ['Item', [row.itemKind, row.itemId].filter(Boolean).join(' ')],
    ['Amount', c.amount],
    ['Reason', c.reason],
    ['Note', c.note],
    ['Praxis ids', c.praxisIds],
    ['Outcome', c.outcome],
    // A team store stamps the login that wrote the row: a row in one person's name from another's desk shows.
    ...(row.dbUser ? ([['Database login', row.dbUser]] as [string, string][]) : []),
  ];
  const self = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusKey > 0) self.current?.focus();
  }, [focusKey]);
  const id = `audit-row-${row.seq}`;
  return (
    <section
      ref={self}
      className="panel audit-detail"
      aria-label={`Audit row ${row.seq}`}
      // Focusable so the keyboard scrolls a long detail; Enter on the row puts the focus here.
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        // As in the queues' detail, J and K go on through the log (the arrows stay the detail's own scrolling).
        if (e.key === 'j' || e.key === 'k') {
          e.preventDefault();
          onStep(e.key === 'j' ? 1 : -1);
          return;
        }
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
    >
      <header className="detail-head">
        <h2>Audit row {row.seq}</h2>
        <button type="button" onClick={onClose} aria-label="Close detail">
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <div className="audit-detail-body">
        <dl>
          {facts.map(([k, v], i) => (
            <div key={k}>
              <dt id={`${id}-fact-${i}`}>{k}</dt>
              <dd aria-labelledby={`${id}-fact-${i}`}>{v || <span className="muted">—</span>}</dd>
            </div>
          ))}
        </dl>
        <section aria-label="Stored details">
          <h3>Stored details</h3>
          <pre className="mono">{JSON.stringify(row.details, null, 1)}</pre>
        </section>
      </div>
    </section>
  );
}
