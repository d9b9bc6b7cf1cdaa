import { auditActionWords } from '../../../../shared/audit-action-words';
import type { AuditFilterDraft } from '../../stores/audit-filter';

/** Operator, action, item and date range; every change reloads the log from the store. */
export function AuditFilterBar({
  draft,
  operators,
  actions,
  onChange,
  onClear,
}: {
  draft: AuditFilterDraft;
  operators: readonly string[];
  actions: readonly string[];
  onChange(patch: Partial<AuditFilterDraft>): void;
  onClear(): void;
}) {
  return (
    <div className="filter-bar audit-filter" role="search" aria-label="Filter the audit log">
      <select aria-label="Operator" value={draft.operator} onChange={(e) => onChange({ operator: e.target.value })}>
        <option value="">all operators</option>
        {operators.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      <select aria-label="Action" value={draft.action} onChange={(e) => onChange({ action: e.target.value })}>
        <option value="">all actions</option>
        {actions.map((a) => (
          <option key={a} value={a}>
            {auditActionWords(a)}
          </option>
        ))}
      </select>
      <input
        type="text"
        className="audit-item"
        aria-label="Item id (tid or order id)"
        placeholder="tid or order id"
        value={draft.itemId}
        onChange={(e) => onChange({ itemId: e.target.value })}
      />
      <label className="audit-date">
        From
        <input
          type="date"
          aria-label="From date"
          value={draft.fromDate}
          onChange={(e) => onChange({ fromDate: e.target.value })}
        />
      </label>
      <label className="audit-date">
        To
        <input
          type="date"
          aria-label="To date (inclusive)"
          value={draft.toDate}
          onChange={(e) => onChange({ toDate: e.target.value })}
        />
      </label>
      <button type="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
