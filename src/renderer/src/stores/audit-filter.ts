import type { AuditFilter } from '../../../shared/audit';

/** The filter bar as typed: text fields and local calendar dates (YYYY-MM-DD from the date inputs). */
export interface AuditFilterDraft {
  operator: string;
  action: string;
  itemId: string;
  fromDate: string;
  toDate: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterDraft = { operator: '', action: '', itemId: '', fromDate: '', toDate: '' };

/** Midnight at the start of a local calendar day, as an ISO instant; `plusDays` 1 = the end of that day. */
function localMidnight(date: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/** What the core is asked for: empty fields left out, "to" inclusive of its whole day. */
export function auditFilterOf(d: AuditFilterDraft): AuditFilter {
  const f: AuditFilter = {};
  if (d.operator.trim()) f.operator = d.operator.trim();
  if (d.action) f.action = d.action;
  if (d.itemId.trim()) f.itemId = d.itemId.trim();
  const from = localMidnight(d.fromDate);
  const to = localMidnight(d.toDate, 1);
  if (from) f.from = from;
  if (to) f.to = to;
  return f;
}

/** What is wrong with the filter as typed, in words, before anything is asked; null when nothing. */
export function auditDraftProblem(d: AuditFilterDraft): string | null {
  if (d.fromDate && d.toDate && d.fromDate > d.toDate)
    return `The From date (${d.fromDate}) is after the To date (${d.toDate}): pick a From date on or before the To date.`;
  return null;
}
