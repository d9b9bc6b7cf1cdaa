import type { ActionReport } from './create-action-store';
import { describeError, describeOutcome, moneyMovedWords, type OutcomeText, type OutcomeWords } from './outcome-text';

const Line = ({ text, onReconcile }: { text: OutcomeText; onReconcile: (() => void) | null }) => (
  <div className={`report-line tone-${text.tone}`}>
    <strong>{text.headline}</strong> <span className="money-moved">{moneyMovedWords(text.moneyMoved)}</span>{' '}
    <span>{text.next}</span>
    {text.tone === 'unknown' && onReconcile && (
      <button type="button" className="primary" onClick={onReconcile}>
        Reconcile now
      </button>
    )}
  </div>
);

/** What the last action did, for any queue: what happened, whether money moved, what to do next. */
export function OutcomeBanner({
  report,
  words,
  onReconcile,
  onDismiss,
}: {
  report: ActionReport;
  words: OutcomeWords;
  onReconcile(tid: number): void;
  onDismiss(): void;
}) {
  const lines = report.error
    ? [{ text: describeError(report.error), tid: report.tid }]
    : report.outcomes.map((o) => ({ text: describeOutcome(o, words), tid: o.tid }));
  const worst = lines.some((l) => l.text.tone === 'unknown')
    ? 'unknown'
    : lines.some((l) => l.text.tone === 'fail')
      ? 'fail'
      : 'ok';
  return (
    <section
      className={`action-report tone-${worst}`}
      role={worst === 'ok' ? 'status' : 'alert'}
      aria-label="Last action"
    >
      <div className="report-head">
        <span className="report-title">{report.title}</span>
        <button type="button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
      {lines.map((l, i) => (
        <Line key={i} text={l.text} onReconcile={l.tid === null ? null : () => onReconcile(l.tid!)} />
      ))}
    </section>
  );
}
