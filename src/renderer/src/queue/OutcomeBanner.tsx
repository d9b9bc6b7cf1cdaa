import { BusyButton } from '../components/BusyButton';
import type { ActionReport } from './create-action-store';
import { describeError, describeOutcome, moneyMovedWords, type OutcomeText, type OutcomeWords } from './outcome-text';

/** A line's "Reconcile now": whether a look-up (or another send) on it is in flight, and the press. */
interface LineReconcile {
  busy: boolean;
  onPress(): void;
}

const Line = ({ text, reconcile }: { text: OutcomeText; reconcile: LineReconcile | null }) => (
  <div className={`report-line tone-${text.tone}`}>
    <strong>{text.headline}</strong> <span className="money-moved">{moneyMovedWords(text.moneyMoved)}</span>{' '}
    <span>{text.next}</span>
    {text.tone === 'unknown' && reconcile && (
      // Says so while its look-up runs: a press then would be dropped (the item is in flight), and the report below
      // it is still the one from before.
      <BusyButton className="primary" busy={reconcile.busy} onPress={reconcile.onPress}>
        {reconcile.busy ? 'Reconciling…' : 'Reconcile now'}
      </BusyButton>
    )}
  </div>
);

/** What the last action did, for any queue: what happened, whether money moved, what to do next. */
export function OutcomeBanner({
  report,
  words,
  inFlight,
  onReconcile,
  onDismiss,
}: {
  report: ActionReport;
  words: OutcomeWords;
  /** The items this window has a send or a look-up in flight for. */
  inFlight: ReadonlySet<number>;
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
        <Line
          key={i}
          text={l.text}
          reconcile={l.tid === null ? null : { busy: inFlight.has(l.tid), onPress: () => onReconcile(l.tid!) }}
        />
      ))}
    </section>
  );
}
