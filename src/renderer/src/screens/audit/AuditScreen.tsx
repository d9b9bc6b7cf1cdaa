import { useEffect } from 'react';
import { FormError } from '../../components/FormError';
import { ScreenHeader } from '../../components/ScreenHeader';
import { auditActions, useAudit } from '../../stores/audit';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditRowDetail } from './AuditRowDetail';
import { AuditTable } from './AuditTable';
import '../../queue/queue.css';
import './audit.css';

const count = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;

/** Who did what, when, to which item, with what result: filter, export the view as CSV, verify the hash chain. */
export function AuditScreen() {
  const s = useAudit();
  useEffect(() => {
    void auditActions.load();
  }, []);
  const broken = s.verify && !s.verify.ok ? s.verify : null;
  const selected = s.selectedSeq === null ? undefined : s.rows.find((r) => r.seq === s.selectedSeq);
  return (
    <div className="queue-screen audit-screen">
      <ScreenHeader title="Audit">
        <span className="muted queue-count" role="status" aria-label="Audit rows">
          {s.total === null ? '…' : count(s.total)}
          {s.total !== null && s.rows.length < s.total ? ` (${s.rows.length.toLocaleString('en-GB')} loaded)` : ''}
        </span>
        <button type="button" disabled={s.exporting} onClick={() => void auditActions.exportCsv()}>
          {s.exporting ? 'Exporting…' : 'Export CSV'}
        </button>
        <button type="button" className="primary" disabled={s.verifying} onClick={() => void auditActions.verify()}>
          {s.verifying ? 'Verifying…' : 'Verify chain'}
        </button>
      </ScreenHeader>
      <div className="queue-tools">
        <AuditFilterBar
          draft={s.draft}
          operators={s.operators}
          actions={s.actions}
          onChange={auditActions.setFilter}
          onClear={auditActions.clearFilter}
        />
      </div>
      {s.verify?.ok && (
        <p className="audit-verify ok" role="status" aria-label="Chain check">
          {s.verify.message}
        </p>
      )}
      {broken && (
        <div className="audit-verify broken" role="alert" aria-label="Chain check">
          <strong>The audit chain is broken at row {broken.brokenAtSeq}.</strong> {broken.message}
        </div>
      )}
      {s.exportNote && (
        <p className="muted" role="status" aria-label="Export">
          {s.exportNote}
        </p>
      )}
      <FormError message={s.error?.message} />
      {s.total === 0 && !s.loading ? (
        <p className="audit-empty muted">No audit entries match this filter.</p>
      ) : (
        <AuditTable
          rows={s.rows}
          selectedSeq={s.selectedSeq}
          brokenSeq={broken?.brokenAtSeq ?? null}
          onSelect={auditActions.select}
          onNeedMore={auditActions.loadMore}
        />
      )}
      {selected && <AuditRowDetail row={selected} />}
    </div>
  );
}
