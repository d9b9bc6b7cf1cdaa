/** One audit row as the Audit screen and the CSV export see it (details as stored, secrets already dropped). */
export interface AuditRowView {
  seq: number;
  /** ISO instant. */
  at: string;
  operator: string;
  action: string;
  itemKind: string | null;
  itemId: string | null;
  details: Record<string, unknown>;
  /** The database login that wrote the row (a team store); null on a one-desk store. */
  dbUser: string | null;
}

/** What the Audit screen filters by; every field optional, all given fields must match. */
export interface AuditFilter {
  operator?: string;
  action?: string;
  itemId?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  /** Newest first. */
  rows: AuditRowView[];
  /** Pass as `beforeSeq` for the next (older) page; null when this was the last. */
  nextBeforeSeq: number | null;
  /** Rows matching the filter in all, on the first page only (later pages: null). */
  total: number | null;
  /** The operators and actions found in the whole log, for the filter's pick-lists (first page only). */
  operators: string[];
  actions: string[];
}

/** How the chain's head kept outside the table was used by a check. */
export type AuditHeadCheck =
  | 'checked' // the head file was read and the table still holds the row it names
  | 'none-yet' // no head written yet (a store with no audit entry since heads were kept)
  | 'not-kept'; // a PostgreSQL or in-memory store: no file beside it

export type AuditVerifyResult =
  | { ok: true; rows: number; head: AuditHeadCheck; message: string }
  | { ok: false; rows: number; head: AuditHeadCheck; brokenAtSeq: number; message: string };
