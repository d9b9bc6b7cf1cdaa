import type { ActionReport } from '../../stores/payouts-actions';
import { payoutActions } from '../../stores/payouts-actions';
import { describeError, describeOutcome, moneyMovedWords, type OutcomeText } from './outcome-text';

const Line = ({ text, tid }: { text: OutcomeText; tid: number | null }) => (
  <div className={`report-line tone-${text.tone}`}>
    <strong>{text.headline}</strong> <span className="money-moved">{moneyMovedWords(text.moneyMoved)}</span>{' '}
    <span>{text.next}</span>
    {text.tone === 'unknown' && tid !== null && (
      <button type="button" className="primary" onClick={() => void payoutActions.reconcile(tid)}>
        Reconcile now
      </button>
    )}
  </div>
);

/** What the last action did: what happened, whether money moved, what to do next. */
export function ActionReportBanner({ report }: { report: ActionReport }) {
  const lines = report.error
    ? [{ text: describeError(report.error), tid: report.tid }]
    : report.outcomes.map((o) => ({ text: describeOutcome(o), tid: o.tid }));
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
        <button type="button" aria-label="Dismiss" onClick={payoutActions.dismissReport}>
          ×
        </button>
      </div>
      {lines.map((l, i) => (
        <Line key={i} text={l.text} tid={l.tid} />
      ))}
    </section>
  );
}
