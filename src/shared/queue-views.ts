/**
 * What every queue (payouts, captures…) shows alike: a page of rows, the detail pane's journal, audit trail and
 * customer history, bulk outcomes and reason pick-lists. Each queue's own file adds its rows and settings.
 */
import type { ActionOutcome } from './actions';

/**
 * The rows a queue screen asks for first, the rest following: two tall windows' worth. The core reads each row's
 * customer history, so a short first page answers sooner and the screen shows rows sooner (npm run bench:ui).
 */
export const FIRST_PAGE_ROWS = 100;

/**
 * The rest follows in pages of this many: one page is read, sent and parsed in a few ms, so the desk's command thread
 * is never held for long by a 100,000-row queue (npm run bench:responsiveness).
 */
export const REST_PAGE_ROWS = 2_000;

/** One answer of a queue's list channel: the whole queue, or one page of it in the queue's default order. */
export interface QueuePageOf<Row> {
  rows: Row[];
  asOf: string;
  /** The tid to ask for the rest `after`; null when these rows reach the end of the queue. */
  next: number | null;
}

/** A bulk action on a selection: per-item results (input order) and what succeeded per currency. */
export interface QueueBulkOutcome<Action extends string> {
  action: Action;
  results: ActionOutcome[];
  /** Per currency: count and total of the items that succeeded. */
  succeeded: { currency: string; count: number; totalMinor: number }[];
  failedCount: number;
}

/** One entry of a reason pick-list (reject, void): kept in the audit log, never sent to Praxis. */
export interface ReasonOption {
  code: string;
  label: string;
  /** The reason says too little by itself: it is not sent without a note saying why (a manager marks it). */
  needsNote?: boolean;
}

/**
 * Whether a decision with this reason needs a note. Unmarked (lists saved before managers could mark one), the reason
 * coded `other` ("Other (see note)") does: it says nothing by itself, so the audit log needs the note with it.
 */
export const reasonNeedsNote = (reason: Pick<ReasonOption, 'code' | 'needsNote'>): boolean =>
  reason.needsNote ?? reason.code === 'other';

/** Why a decision with this reason and note cannot be sent, or null. */
export const missingNote = (reason: ReasonOption | undefined, note: string | undefined): string | null =>
  reason && reasonNeedsNote(reason) && !note?.trim()
    ? `"${reason.label}" needs a note saying why: write it in the note field.`
    : null;

export interface JournalEntryView {
  id: number;
  action: string;
  operator: string;
  state: 'sending' | 'done' | 'failed' | 'unknown';
  praxisStatus: number | null;
  praxisDescription: string | null;
  errorCode: string | null;
  createdAt: string;
  updatedAt: string;
  /** Praxis's answer that arrived after the entry had been reconciled (kept, never dropped), in words; or null. */
  lateAnswer: string | null;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  operator: string;
  action: string;
  itemId: string | null;
  details: Record<string, unknown>;
}

export interface CustomerHistory {
  deposits: {
    tid: number;
    amountMinor: number;
    currency: string;
    status: string;
    paymentMethod: string | null;
    destination: string | null;
    createdAt: string;
  }[];
  withdrawals: {
    tid: number;
    amountMinor: number;
    currency: string;
    status: string;
    destination: string | null;
    createdAt: string;
  }[];
  /** Per currency: approved deposits in, paid or pending withdrawals out. */
  totals: { currency: string; depositedMinor: number; withdrawnMinor: number }[];
}
