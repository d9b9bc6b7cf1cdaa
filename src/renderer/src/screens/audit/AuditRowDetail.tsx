import type { AuditRowView } from '../../../../shared/audit';
import { auditColumns } from '../../../../shared/audit-columns';

/** The selected row in full: the table clips long cells, an auditor needs every word and the stored details. */
export function AuditRowDetail({ row }: { row: AuditRowView }) {
  const c = auditColumns(row);
  const facts: [string, string][] = [
    ['Time', new Date(row.at).toLocaleString('en-GB', { timeZoneName: 'short' })],
    ['Operator', row.operator],
    ['Action', row.action],
    ['Item', c.item],
    ['Amount', c.amount],
    ['Reason', c.reason],
    ['Note', c.note],
    ['Praxis ids', c.praxisIds],
    ['Outcome', c.outcome],
  ];
  return (
    <section className="panel audit-detail" aria-label={`Audit row ${row.seq}`}>
      <dl>
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <pre className="mono" aria-label="Stored details">
        {JSON.stringify(row.details, null, 1)}
      </pre>
    </section>
  );
}
