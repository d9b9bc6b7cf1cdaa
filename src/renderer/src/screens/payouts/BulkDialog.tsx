import { useMemo, useState } from 'react';
import type { PayoutRow, RejectReason } from '../../../../shared/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { DialogFrame } from './DialogFrame';
import { describeOutcome, moneyMovedWords } from './outcome-text';
import { FLAG_TEXT, safeMoney } from './row-format';
import { AlignedAmount } from './AlignedAmount';
import { FormError } from '../../components/FormError';
import { ProgressBar } from '../../components/ProgressBar';

/** Count and total per currency of what is about to move (a split request's remainder): the figure the operator confirms. */
export function totalsByCurrency(
  rows: readonly { remainingMinor: number; currency: string }[],
): { currency: string; count: number; totalMinor: number }[] {
  const by = new Map<string, { currency: string; count: number; totalMinor: number }>();
  for (const r of rows) {
    const t = by.get(r.currency) ?? { currency: r.currency, count: 0, totalMinor: 0 };
    t.count++;
    t.totalMinor += r.remainingMinor;
    by.set(r.currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

const Totals = ({
  totals,
  label,
}: {
  totals: { currency: string; count: number; totalMinor: number }[];
  label: string;
}) => (
  <ul className="bulk-totals" aria-label={label}>
    {totals.map((t) => (
      <li key={t.currency}>
        <strong>{t.count}</strong> in {t.currency}: <span className="mono">{safeMoney(t.totalMinor, t.currency)}</span>
      </li>
    ))}
  </ul>
);

/** The selection, one line per request, above the totals: what the operator is about to confirm. */
function Items({ rows }: { rows: PayoutRow[] }) {
  return (
    <div className="bulk-list">
      <table className="grid compact" aria-label="Selected requests">
        <thead>
          <tr>
            <th>tid</th>
            <th>Customer</th>
            <th className="num">Amount</th>
            <th>Risk</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.tid}>
              <td className="mono">{r.tid}</td>
              <td>{r.customerName ?? r.cid ?? 'unknown customer'}</td>
              <td className="num">
                <AlignedAmount amountMinor={r.remainingMinor} currency={r.currency} />
              </td>
              <td>{r.flags.map((f) => FLAG_TEXT[f].label).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Bulk approve / reject on the selection: confirm the items and totals, follow progress, read the per-item results. */
export function BulkDialog({
  action,
  rows,
  reasons,
}: {
  action: 'approve' | 'reject';
  rows: PayoutRow[];
  reasons: RejectReason[];
}) {
  const { bulkRunning, bulkProgress, bulkResult, bulkError } = usePayoutActions();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const skipped = rows.filter((r) => r.journalState !== null);
  const sendable = useMemo(() => rows.filter((r) => r.journalState === null), [rows]);
  const totals = useMemo(() => totalsByCurrency(sendable), [sendable]);
  const flagged = sendable.filter((r) => r.flags.length > 0).length;
  const started = bulkRunning || bulkResult !== null;
  const verb = action === 'approve' ? 'Approve' : 'Reject';
  const fourEyes = bulkResult?.results.filter((r) => r.errorCode === 'FOUR_EYES').map((r) => r.tid) ?? [];
  const noReason = action === 'reject' && !reason;

  return (
    <DialogFrame
      title={`${verb} ${rows.length} request${rows.length === 1 ? '' : 's'}`}
      label={`Bulk ${action}`}
      onCancel={payoutActions.close}
      busy={bulkRunning}
      wide
    >
      {!started && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void payoutActions.bulk(
              action,
              sendable.map((r) => r.tid),
              action === 'reject' ? { reasonCode: reason, note } : {},
            );
          }}
        >
          <Items rows={sendable} />
          <p>
            You are about to {action} <strong>{sendable.length}</strong> withdrawal request
            {sendable.length === 1 ? '' : 's'}
            {flagged > 0 ? (
              <>
                , <strong>{flagged}</strong> with risk flags
              </>
            ) : (
              ', none with risk flags'
            )}
            :
          </p>
          <Totals totals={totals} label="Totals to send" />
          {skipped.length > 0 && (
            <p className="form-error">
              {skipped.length} selected request(s) have an action in flight or an unknown outcome and will not be sent.
            </p>
          )}
          {action === 'reject' && (
            <label className="gateway-picker">
              <span>Reason for all</span>
              <select aria-label="Bulk reject reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                <option value="">pick a reason…</option>
                {reasons.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {action === 'reject' && (
            <textarea
              aria-label="Note for all"
              rows={2}
              maxLength={500}
              placeholder="note (optional)"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
          {action === 'approve' && (
            <p className="muted">
              Each is paid through the gateway it came with. A failure on one does not stop the others.
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={payoutActions.close}>
              Cancel
            </button>
            {(sendable.length === 0 || noReason) && (
              <span className="muted disabled-why" id="bulk-why">
                {sendable.length === 0 ? 'Nothing selected can be sent.' : 'Pick a reason first.'}
              </span>
            )}
            <button
              type="submit"
              className={action === 'approve' ? 'primary' : 'danger'}
              disabled={sendable.length === 0 || noReason}
              aria-describedby={sendable.length === 0 || noReason ? 'bulk-why' : undefined}
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
          {bulkResult.succeeded.length > 0 && (
            <Totals totals={bulkResult.succeeded} label={action === 'approve' ? 'Paid' : 'Rejected'} />
          )}
          <div className="bulk-list">
            <table className="grid compact" aria-label="Per-item results">
              <tbody>
                {bulkResult.results.map((o) => {
                  const text = describeOutcome(o);
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
            {fourEyes.length > 0 && (
              <button
                type="button"
                className="primary"
                onClick={() =>
                  usePayoutActions.setState({
                    dialog: {
                      kind: 'four-eyes',
                      retry: { kind: 'bulk', tids: fourEyes },
                      message: `${fourEyes.length} request(s) are above the four-eyes threshold and need a second operator.`,
                    },
                  })
                }
              >
                Second operator for {fourEyes.length}…
              </button>
            )}
            <button type="button" onClick={payoutActions.close} autoFocus>
              Done
            </button>
          </div>
        </div>
      )}
    </DialogFrame>
  );
}
