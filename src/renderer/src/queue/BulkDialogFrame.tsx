import { useMemo, type ReactNode } from 'react';
import type { ActionOutcome } from '../../../shared/actions';
import { FormError } from '../components/FormError';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { ProgressBar } from '../components/ProgressBar';
import { AlignedAmount } from './AlignedAmount';
import type { BulkRunView, CurrencyTotal } from './create-action-store';
import { safeMoney, totalsByCurrency } from './money-text';
import { describeOutcome, moneyMovedWords, type OutcomeWords } from './outcome-text';
import { claimText, type QueueRow } from './queue-row';
import { DialogFrame } from './DialogFrame';

const TONE_ORDER = { unknown: 0, fail: 1, ok: 2 } as const;

/** Unknown outcomes, then failures, then successes: what needs the operator comes first; input order within each. */
function resultsWorstFirst(results: readonly ActionOutcome[], words: OutcomeWords) {
  return results
    .map((o) => ({ o, text: describeOutcome(o, words) }))
    .sort((a, b) => TONE_ORDER[a.text.tone] - TONE_ORDER[b.text.tone]);
}

export const TotalsList = ({ totals, label }: { totals: readonly CurrencyTotal[]; label: string }) => (
  <ul className="bulk-totals" aria-label={label}>
    {totals.map((t) => (
      <li key={t.currency}>
        <strong>{t.count}</strong> in {t.currency}: <span className="mono">{safeMoney(t.totalMinor, t.currency)}</span>
      </li>
    ))}
  </ul>
);

/** A column of the confirmation's item list beyond tid, customer and amount (risk flags, hold time left…). */
export interface BulkItemColumn<Row> {
  header: string;
  cell(row: Row): ReactNode;
}

/** What the frame needs to know about the screen's rows. */
export interface BulkRowParts<Row> {
  amountOf(row: Row): number;
  customerOf(row: Row): string;
  /** The amount's full text for screen readers, where it differs from the plain amount. */
  amountLabelOf?(row: Row): string;
}

/** Why a selected item is left out of a bulk send: who is acting on it, or its unknown outcome. */
const skipReason = (r: QueueRow) =>
  r.journalState === 'unknown'
    ? 'outcome unknown: reconcile it first'
    : r.claimedBy
      ? claimText(r.claimedBy)
      : 'an action is in flight';

/**
 * A bulk action on a selection, for any queue: the items listed above the totals per currency, the screen's own
 * fields (a reason, a note), then progress and per-item results. Items with an action in flight or an unknown outcome
 * are listed as skipped, never sent.
 */
export function BulkDialogFrame<Row extends QueueRow>({
  action,
  title,
  verb,
  tone,
  noun,
  rows,
  parts,
  extraColumns = [],
  summary,
  totalsLabel,
  blockedWhy,
  fields,
  run,
  words,
  succeededLabel,
  resultActions,
  onSend,
  onClose,
}: {
  /** The accessible name's verb ("approve", "capture"): the dialog is named "Bulk <action>". */
  action: string;
  title: string;
  /** The confirm button's verb ("Approve", "Capture"). */
  verb: string;
  tone: 'primary' | 'danger';
  /** The item in words, singular and plural ("request", "requests"). */
  noun: [string, string];
  rows: readonly Row[];
  parts: BulkRowParts<Row>;
  extraColumns?: BulkItemColumn<Row>[];
  /** The sentence above the totals, given what will be sent: a sentence of its own, ended with a full stop. */
  summary(sendable: readonly Row[]): ReactNode;
  /** What the totals of what will be sent are ("Totals to pay", "Totals of the holds to void"), shown above them. */
  totalsLabel: string;
  /** Why the confirm button is disabled, beside it; null when it can be pressed. */
  blockedWhy: string | null;
  /** The screen's own fields and notes inside the form (reason, note, "one failure does not stop the others"). */
  fields?: ReactNode;
  run: BulkRunView;
  words: OutcomeWords;
  /** The heading of the succeeded totals ("Paid", "Captured"). */
  succeededLabel: string;
  /** Extra buttons under the result (a second operator for some items). */
  resultActions?: ReactNode;
  onSend(sendable: readonly Row[]): void;
  onClose(): void;
}) {
  const { bulkRunning, bulkProgress, bulkResult, bulkError } = run;
  const skipped = rows.filter((r) => r.journalState !== null);
  const sendable = useMemo(() => rows.filter((r) => r.journalState === null), [rows]);
  const totals = useMemo(() => totalsByCurrency(sendable, parts.amountOf), [sendable, parts]);
  const started = bulkRunning || bulkResult !== null;
  const why = sendable.length === 0 ? `Nothing selected can be sent.` : blockedWhy;
  // A reason picked by its number leaves no control focused (the send button was disabled when the dialog opened):
  // Enter sends then, as in a single reject. On a button or in a field, Enter stays theirs.
  useShortcuts({ enter: () => !started && !why && onSend(sendable) }, true, 'dialog');

  return (
    <DialogFrame title={title} label={`Bulk ${action}`} onCancel={onClose} busy={bulkRunning} wide>
      {!started && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!why) onSend(sendable);
          }}
        >
          {/* With nothing to send, only the skipped list below says why: no empty table, no "approve 0". */}
          {sendable.length > 0 && (
            <div className="bulk-list">
              <table className="grid compact" aria-label={`Selected ${noun[1]}`}>
                <thead>
                  <tr>
                    <th>tid</th>
                    <th>Customer</th>
                    <th className="num">Amount</th>
                    {extraColumns.map((c) => (
                      <th key={c.header}>{c.header}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sendable.map((r) => (
                    <tr key={r.tid}>
                      <td className="mono">{r.tid}</td>
                      <td>{parts.customerOf(r)}</td>
                      <td className="num">
                        <AlignedAmount
                          amountMinor={parts.amountOf(r)}
                          currency={r.currency}
                          label={parts.amountLabelOf?.(r)}
                        />
                      </td>
                      {extraColumns.map((c) => (
                        <td key={c.header}>{c.cell(r)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {sendable.length > 0 && <p>{summary(sendable)}</p>}
          {sendable.length > 0 && (
            <>
              <p className="bulk-totals-caption">{totalsLabel}:</p>
              <TotalsList totals={totals} label={totalsLabel} />
            </>
          )}
          {skipped.length > 0 && (
            <div className="form-error">
              <p>
                {skipped.length} selected {skipped.length === 1 ? noun[0] : noun[1]} will not be sent:
              </p>
              <ul aria-label={`Skipped ${noun[1]}`}>
                {skipped.map((r) => (
                  <li key={r.tid}>
                    <span className="mono">{r.tid}</span> — {skipReason(r)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {fields}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            {why && (
              <span className="muted disabled-why" id="bulk-why">
                {why}
              </span>
            )}
            <button
              type="submit"
              className={tone}
              disabled={!!why}
              aria-describedby={why ? 'bulk-why' : undefined}
              autoFocus
            >
              {verb} {sendable.length}
            </button>
          </div>
        </form>
      )}
      {started && bulkProgress && (
        <ProgressBar label="Bulk progress" done={bulkProgress.done} total={bulkProgress.total} />
      )}
      <FormError message={bulkError?.message} />
      {bulkResult && (
        <div className="bulk-result" aria-label="Bulk result">
          <p>
            <strong>{bulkResult.results.length - bulkResult.failedCount}</strong> succeeded,{' '}
            <strong>{bulkResult.failedCount}</strong> failed.
          </p>
          {bulkResult.succeeded.length > 0 && <TotalsList totals={bulkResult.succeeded} label={succeededLabel} />}
          <div className="bulk-list">
            <table className="grid compact" aria-label="Per-item results">
              <tbody>
                {resultsWorstFirst(bulkResult.results, words).map(({ o, text }) => {
                  return (
                    <tr key={o.tid} className={`outcome-${text.tone}`}>
                      <td className="mono">{o.tid}</td>
                      <td>{o.customer ?? ''}</td>
                      <td className="num">
                        {o.amountMinor !== undefined && o.currency && (
                          <AlignedAmount amountMinor={o.amountMinor} currency={o.currency} />
                        )}
                      </td>
                      <td>{o.state}</td>
                      <td>{text.headline}</td>
                      <td className="muted">
                        {text.tone === 'ok'
                          ? moneyMovedWords(text.moneyMoved)
                          : `${moneyMovedWords(text.moneyMoved)} ${text.next}`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="dialog-actions">
            {resultActions}
            <button type="button" onClick={onClose} autoFocus>
              Done
            </button>
          </div>
        </div>
      )}
    </DialogFrame>
  );
}
