import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PayoutRow } from '../../../../shared/payouts';
import { PayoutsPlaceholder } from '../QueuePlaceholders';
import { payoutsAvailable } from '../../api/payouts';
import { payoutsActions, payoutsRows, usePayouts } from '../../stores/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { EMPTY_FILTER, filterRows, sortRows, type QueueFilter, type ViewState } from '../../stores/payouts-filter';
import { FALLBACK_SLA, payoutSettingsActions, usePayoutSettings } from '../../stores/payouts-settings';
import { payoutViews } from '../../stores/payouts-views';
import { isFiltered } from '../../queue/queue-filter';
import { totalsByCurrency } from '../../queue/money-text';
import { KeysHint, QueueEmpty, QueueHeader, SelectionBar } from '../../queue/QueueChrome';
import { OutcomeBanner } from '../../queue/OutcomeBanner';
import { QueueTable } from '../../queue/QueueTable';
import { SavedViews } from '../../queue/SavedViews';
import { useClock } from '../../queue/use-clock';
import { useQueueKeys } from '../../queue/use-queue-keys';
import { useQueueRows } from '../../queue/use-queue-rows';
import { PAYOUT_BULK_PARTS } from './BulkDialog';
import { DetailPane } from './DetailPane';
import { payoutColumns } from './payout-columns';
import { PayoutDialogs } from './PayoutDialogs';
import { PayoutFilters } from './PayoutFilters';
import { PAYOUT_WORDS } from './row-format';
import '../../queue/queue.css';
import './payouts.css';

const queueKeys = { ...payoutsActions, cursorOrFirst: payoutsRows.cursorOrFirst };

export function PayoutsScreen() {
  const available = payoutsAvailable();
  const q = usePayouts(useShallow((s) => s));
  const { dialog, inFlight, report } = usePayoutActions(
    useShallow((s) => ({ dialog: s.dialog, inFlight: s.inFlight, report: s.report })),
  );
  const settings = usePayoutSettings((s) => s.settings);
  const now = useClock();
  const slaWarn = settings?.slaWarnMinutes ?? FALLBACK_SLA.slaWarnMinutes;
  const slaLate = settings?.slaLateMinutes ?? FALLBACK_SLA.slaLateMinutes;
  const sla = useMemo(() => ({ slaWarnMinutes: slaWarn, slaLateMinutes: slaLate }), [slaWarn, slaLate]);

  useEffect(() => {
    if (!available) return;
    const stop = payoutsActions.follow();
    void payoutsActions.load();
    void payoutSettingsActions.load();
    return stop;
  }, [available]);

  const filterShown = useCallback(
    (rows: readonly PayoutRow[], filter: QueueFilter) => filterRows(rows, filter, now, sla),
    [now, sla],
  );
  const { visible, problems, currencies, cursorRow, selectedRows } = useQueueRows({
    ...q,
    sortRows,
    filterRows: filterShown,
    setVisibleRows: payoutsRows.setVisibleRows,
  });
  const selectedTotals = useMemo(() => totalsByCurrency(selectedRows, PAYOUT_BULK_PARTS.amountOf), [selectedRows]);
  const compact = q.detailOpen && cursorRow !== null;
  const columns = useMemo(() => payoutColumns(now, sla, compact), [now, sla, compact]);

  const actionable = (tid: number) => {
    const row = payoutsRows.rowByTid(tid);
    return row !== null && row.journalState === null && !usePayoutActions.getState().inFlight.has(tid);
  };
  const next = payoutsRows.nextTidAfter;
  useQueueKeys(
    queueKeys,
    'payout-search',
    {
      a: (tid) => actionable(tid) && void payoutActions.openApprove(tid, next(tid)),
      r: (tid) => actionable(tid) && payoutActions.openReject(tid, next(tid)),
      s: (tid) => actionable(tid) && void payoutActions.openSplit(tid),
    },
    { 'shift+a': () => payoutActions.openBulk('approve', [...usePayouts.getState().selected]) },
    available && dialog === null,
  );

  // A build without the payout engine keeps the frame's honest placeholder rather than an empty queue.
  if (!available) return <PayoutsPlaceholder />;

  const selectAll = () => payoutsActions.selectOnly(visible.map((r) => r.tid));
  return (
    <div className="queue-screen">
      <QueueHeader
        title="Payouts"
        total={q.rows.length}
        shown={visible.length}
        filtered={isFiltered(q.filter, EMPTY_FILTER)}
        waitingWord="waiting"
        loadingRest={q.loadingRest}
        arrivedLive={q.arrivedLive}
        loading={q.loading}
        onRefresh={() => void payoutsActions.load()}
      />
      <div className="queue-tools">
        <PayoutFilters filter={q.filter} currencies={currencies} problems={problems} />
        <SavedViews<ViewState>
          current={{ filter: q.filter, sort: q.sort }}
          store={payoutViews}
          apply={(v) => payoutsActions.applyView(v.filter, v.sort)}
        />
      </div>
      {q.selected.size > 0 && (
        <SelectionBar
          count={q.selected.size}
          totals={selectedTotals}
          shown={visible.length}
          onSelectAll={selectAll}
          onClear={payoutsActions.clearSelection}
        >
          <button type="button" className="primary" onClick={() => payoutActions.openBulk('approve', [...q.selected])}>
            Approve selected <kbd>Shift A</kbd>
          </button>
          <button type="button" onClick={() => payoutActions.openBulk('reject', [...q.selected])}>
            Reject selected
          </button>
        </SelectionBar>
      )}
      {q.selected.size === 0 && visible.length > 0 && (
        <KeysHint shown={visible.length} onSelectAll={selectAll}>
          <kbd>A</kbd> approve · <kbd>R</kbd> reject · <kbd>S</kbd> split · <kbd>X</kbd> select · <kbd>Shift A</kbd>{' '}
          approve selected
        </KeysHint>
      )}
      {report && (
        <OutcomeBanner
          report={report}
          words={PAYOUT_WORDS}
          onReconcile={(tid) => void payoutActions.reconcile(tid)}
          onDismiss={payoutActions.dismissReport}
        />
      )}
      {q.error && (
        <p className="form-error" role="alert">
          The queue could not be loaded: {q.error.message}
        </p>
      )}
      <div className={compact ? 'queue-layout with-detail' : 'queue-layout'}>
        {q.loaded && q.rows.length === 0 ? (
          <QueueEmpty title="No withdrawal requests are waiting">
            New requests appear here as soon as Praxis notifies the desk; nothing needs a decision right now.
          </QueueEmpty>
        ) : q.loaded && visible.length === 0 ? (
          <QueueEmpty title="No request matches the filter">
            {q.rows.length.toLocaleString('en')} requests are waiting; clear or change the filter to see them.
          </QueueEmpty>
        ) : (
          <QueueTable
            label="Payout queue"
            rows={visible}
            columns={columns}
            sort={q.sort}
            nav={payoutsActions}
            cursorTid={q.cursorTid}
            selected={q.selected}
            inFlight={inFlight}
            compact={compact}
          />
        )}
        {compact && cursorRow && (
          <DetailPane
            row={cursorRow}
            detail={q.detail?.row.tid === cursorRow.tid ? q.detail : null}
            loading={q.detailLoading}
            error={q.detailError}
          />
        )}
      </div>
      <PayoutDialogs dialog={dialog} rows={q.rows} reasons={settings?.rejectReasons ?? []} />
    </div>
  );
}
