import { useEffect, useRef, useState } from 'react';
import { FormError } from '../../components/FormError';
import { BusyButton } from '../../components/BusyButton';
import { ScreenHeader } from '../../components/ScreenHeader';
import { auditActions, useAudit } from '../../stores/audit';
import { AuditEmpty, isFiltered } from './AuditEmpty';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditRowDetail } from './AuditRowDetail';
import { AuditTable, type AuditTableHandle } from './AuditTable';
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
  const table = useRef<AuditTableHandle>(null);
  // Bumped when Enter opens the detail: it then takes the focus (a click leaves the focus on the row).
  const [focusDetail, setFocusDetail] = useState(0);
  const open = (seq: number, byKey: boolean) => {
    auditActions.openDetail(seq);
    if (byKey) setFocusDetail((n) => n + 1);
  };
  const close = () => {
    auditActions.closeDetail();
    table.current?.focusSelectedRow();
  };
  const step = (by: 1 | -1) => {
    const at = s.rows.findIndex((r) => r.seq === s.selectedSeq);
    const next = s.rows[Math.min(s.rows.length - 1, Math.max(0, at + by))];
    if (next) auditActions.select(next.seq);
  };
  return (
    <div className="queue-screen audit-screen">
      <ScreenHeader title="Audit">
        <span className="muted queue-count" role="status" aria-label="Audit rows">
          {s.total === null ? (s.error ? 'no rows shown' : '…') : count(s.total)}
          {s.total !== null && s.rows.length < s.total ? ` (${s.rows.length.toLocaleString('en-GB')} loaded)` : ''}
        </span>
        <BusyButton busy={s.exporting} onPress={() => void auditActions.exportCsv()}>
          {s.exporting ? 'Exporting…' : 'Export CSV'}
        </BusyButton>
        <BusyButton className="primary" busy={s.verifying} onPress={() => void auditActions.verify()}>
          {s.verifying ? 'Verifying…' : 'Verify chain'}
        </BusyButton>
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
        <AuditEmpty filtered={isFiltered(s.draft)} onClear={auditActions.clearFilter} />
      ) : (
        <AuditTable
          ref={table}
          rows={s.rows}
          selectedSeq={s.selectedSeq}
          brokenSeq={broken?.brokenAtSeq ?? null}
          detailOpen={s.detailOpen}
          onSelect={auditActions.select}
          onOpen={open}
          onClose={close}
          onNeedMore={auditActions.loadMore}
        />
      )}
      {selected && s.detailOpen && (
        <AuditRowDetail row={selected} focusKey={focusDetail} onClose={close} onStep={step} />
      )}
    </div>
  );
}
