import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PayoutRow } from '../../../../shared/payouts';
import { PayoutsPlaceholder } from '../QueuePlaceholders';
import { payoutsAvailable } from '../../api/payouts';
import { payoutsActions, payoutsRows, usePayouts } from '../../stores/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { compareRows, EMPTY_FILTER, filterRows, payoutSearchKey, type QueueFilter } from '../../stores/payouts-filter';
import { FALLBACK_SLA, payoutSettingsActions, usePayoutSettings } from '../../stores/payouts-settings';
import { payoutViews } from '../../stores/payouts-views';
import { totalsByCurrency } from '../../queue/money-text';
import { QueueScreen } from '../../queue/QueueScreen';
import { useClock } from '../../queue/use-clock';
import { useBulkKeys } from '../../queue/use-bulk-keys';
import { useQueueKeys } from '../../queue/use-queue-keys';
import { useQueueRows } from '../../queue/use-queue-rows';
import { PAYOUT_BULK_PARTS } from './BulkDialog';
import { DetailPane } from './DetailPane';
import { payoutColumns } from './payout-columns';
import { payoutCsvColumns } from './payout-csv';
import { PayoutDialogs } from './PayoutDialogs';
import { PAYOUT_SEARCH, PayoutFilters } from './PayoutFilters';
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
    void payoutsActions.loadOnMount();
    void payoutSettingsActions.load();
    return stop;
  }, [available]);

  const filterShown = useCallback(
    (rows: readonly PayoutRow[], filter: QueueFilter) => filterRows(rows, filter, now, sla),
    [now, sla],
  );
  const { visible, problems, currencies, cursorRow, selectedRows } = useQueueRows({
    ...q,
    compareRows,
    filterRows: filterShown,
    searchKeyOf: payoutSearchKey,
    setVisibleRows: payoutsRows.setVisibleRows,
  });
  const selectedTotals = useMemo(() => totalsByCurrency(selectedRows, PAYOUT_BULK_PARTS.amountOf), [selectedRows]);
  const compact = q.detailOpen && cursorRow !== null;
  const columns = useMemo(() => payoutColumns(now, sla), [now, sla]);

  const actionable = (tid: number) => {
    const row = payoutsRows.rowByTid(tid);
    return row !== null && row.journalState === null && !usePayoutActions.getState().inFlight.has(tid);
  };
  const next = payoutsRows.nextTidAfter;
  const bulk = useBulkKeys('requests', () => [...usePayouts.getState().selected], {
    'shift+a': { verb: 'approves', open: (tids) => payoutActions.openBulk('approve', tids) },
    'shift+r': { verb: 'rejects', open: (tids) => payoutActions.openBulk('reject', tids) },
  });
  useQueueKeys(
    queueKeys,
    PAYOUT_SEARCH.id,
    {
      a: (tid) => actionable(tid) && void payoutActions.openApprove(tid, next(tid)),
      r: (tid) => actionable(tid) && payoutActions.openReject(tid, next(tid)),
      s: (tid) => actionable(tid) && void payoutActions.openSplit(tid, next(tid)),
    },
    bulk.bindings,
    available && dialog === null,
  );

  // A build without the payout engine keeps the frame's honest placeholder rather than an empty queue.
  if (!available) return <PayoutsPlaceholder />;

  return (
    <QueueScreen
      title="Payouts"
      noun={['request', 'requests']}
      waitingWord={'waiting'}
      tableLabel="Payout queue"
      q={q}
      actions={payoutsActions}
      emptyFilter={EMPTY_FILTER}
      visible={visible}
      compact={compact}
      columns={columns}
      inFlight={inFlight}
      filters={<PayoutFilters filter={q.filter} currencies={currencies} problems={problems} />}
      filterProblems={problems}
      views={payoutViews}
      selectedTotals={selectedTotals}
      bulkButtons={
        <>
          <button type="button" className="primary" onClick={() => payoutActions.openBulk('approve', [...q.selected])}>
            Approve selected <kbd>Shift A</kbd>
          </button>
          <button type="button" onClick={() => payoutActions.openBulk('reject', [...q.selected])}>
            Reject selected <kbd>Shift R</kbd>
          </button>
        </>
      }
      keys={
        <>
          <kbd>A</kbd> approve · <kbd>R</kbd> reject · <kbd>S</kbd> split · <kbd>X</kbd> select · <kbd>Shift A</kbd>{' '}
          approve selected · <kbd>Shift R</kbd> reject selected
        </>
      }
      keyNote={bulk.nothingSelected}
      report={report}
      words={PAYOUT_WORDS}
      outcomeActions={payoutActions}
      empty={{
        title: 'No withdrawal requests are waiting',
        text: 'New requests appear here as soon as Praxis notifies the desk; nothing needs a decision right now.',
      }}
      detail={
        cursorRow && (
          <DetailPane
            row={cursorRow}
            detail={q.detail?.row.tid === cursorRow.tid ? q.detail : null}
            loading={q.detailLoading}
            error={q.detailError}
          />
        )
      }
      dialogs={<PayoutDialogs dialog={dialog} rows={q.rows} reasons={settings?.rejectReasons ?? []} />}
      csv={{ fileStem: 'payouts', columns: () => payoutCsvColumns(Date.now(), sla) }}
    />
  );
}
