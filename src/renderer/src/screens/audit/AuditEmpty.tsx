import { auditFilterOf, type AuditFilterDraft } from '../../stores/audit-filter';

/** Whether the bar narrows the log at all (blank fields ask for nothing). */
export const isFiltered = (draft: AuditFilterDraft) => Object.keys(auditFilterOf(draft)).length > 0;

/** An empty log says why it is empty: nothing done yet in this profile, or a filter that matches nothing. */
export function AuditEmpty({ filtered, onClear }: { filtered: boolean; onClear(): void }) {
  if (!filtered)
    return (
      <p className="audit-empty muted" role="status" aria-label="Empty audit log">
        Nothing has been recorded in this profile yet. Each action on a payout or a hold, and each change to operators
        or settings, is written here as it is done, with who did it and when.
      </p>
    );
  return (
    <p className="audit-empty muted" role="status" aria-label="Empty audit log">
      No audit entry matches this filter.{' '}
      <button type="button" className="link-button" onClick={onClear}>
        Clear filters
      </button>{' '}
      to see the whole log.
    </p>
  );
}
