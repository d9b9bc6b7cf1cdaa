import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ScreenHeader } from '../../components/ScreenHeader';
import { PayoutsPlaceholder } from '../QueuePlaceholders';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { payoutsAvailable } from '../../api/payouts';
import {
  findRow,
  getVisibleRows,
  nextTidAfter,
  payoutsActions,
  rowByTid,
  setVisibleRows,
  usePayouts,
} from '../../stores/payouts';
import { payoutActions, usePayoutActions } from '../../stores/payouts-actions';
import { filterRows, isFiltered, sortRows } from '../../stores/payouts-filter';
import { FALLBACK_SLA, payoutSettingsActions, usePayoutSettings } from '../../stores/payouts-settings';
import { ActionReportBanner } from './ActionReportBanner';
import { DetailPane } from './DetailPane';
import { FilterBar } from './FilterBar';
import { PayoutDialogs } from './PayoutDialogs';
import { QueueTable } from './QueueTable';
import { SavedViews } from './SavedViews';
import { totalsByCurrency } from './BulkDialog';
import { safeMoney } from './row-format';
import './payouts.css';

/** The SLA colours move with the clock, not only with new data. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function PayoutsScreen() {
  const available = payoutsAvailable();
  const {
    rows,
    loaded,
    loading,
    loadingRest,
    error,
    filter,
    sort,
    cursorTid,
    selected,
    detailOpen,
    detail,
    detailLoading,
    detailError,
    arrivedLive,
  } = usePayouts(useShallow((s) => s));
  const { dialog, inFlight, report } = usePayoutActions(
    useShallow((s) => ({ dialog: s.dialog, inFlight: s.inFlight, report: s.report })),
  );
  const settings = usePayoutSettings((s) => s.settings);
  const now = useMinuteClock();
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

  // Typing stays responsive: the list follows the deferred filter, React drops stale intermediate renders.
  const deferredFilter = useDeferredValue(filter);
  // Sort once per data or sort change; a keystroke only filters the already sorted rows (filtering keeps order).
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const filtered = useMemo(() => filterRows(sorted, deferredFilter, now, sla), [sorted, deferredFilter, now, sla]);
  const visible = filtered.rows;
  useEffect(() => setVisibleRows(visible), [visible]);
  const currencies = useMemo(() => [...new Set(rows.map((r) => r.currency))].sort(), [rows]);

  const cursorRow = useMemo(() => findRow(rows, cursorTid), [rows, cursorTid]);
  const selectedRows = useMemo(() => (selected.size ? rows.filter((r) => selected.has(r.tid)) : []), [rows, selected]);
  const selectedTotals = useMemo(() => totalsByCurrency(selectedRows), [selectedRows]);

  const onCursor = (act: (tid: number) => void) => () => {
    const tid = usePayouts.getState().cursorTid ?? getVisibleRows()[0]?.tid;
    if (tid !== undefined && tid !== null) act(tid);
  };
  const actionable = (tid: number) => {
    const row = rowByTid(usePayouts.getState(), tid);
    return row !== null && row.journalState === null && !usePayoutActions.getState().inFlight.has(tid);
  };
  useShortcuts(
    {
      j: () => payoutsActions.moveCursor(getVisibleRows(), 1),
      k: () => payoutsActions.moveCursor(getVisibleRows(), -1),
      arrowdown: () => payoutsActions.moveCursor(getVisibleRows(), 1),
      arrowup: () => payoutsActions.moveCursor(getVisibleRows(), -1),
      enter: onCursor((tid) => void payoutsActions.openDetail(tid)),
      escape: () => payoutsActions.closeDetail(),
      a: onCursor((tid) => actionable(tid) && void payoutActions.openApprove(tid, nextTidAfter(tid))),
      r: onCursor((tid) => actionable(tid) && payoutActions.openReject(tid, nextTidAfter(tid))),
      s: onCursor((tid) => actionable(tid) && void payoutActions.openSplit(tid)),
      x: onCursor((tid) => {
        payoutsActions.toggleSelected(tid);
        payoutsActions.moveCursor(getVisibleRows(), 1);
      }),
      'shift+a': () => payoutActions.openBulk('approve', [...usePayouts.getState().selected]),
      '/': () => document.getElementById('payout-search')?.focus(),
    },
    available && dialog === null,
  );

  // A build without the payout engine keeps the frame's honest placeholder rather than an empty queue.
  if (!available) return <PayoutsPlaceholder />;

  return (
    <div className="payouts-screen">
      <ScreenHeader title="Payouts">
        <span className="muted queue-count" role="status" aria-label="Queue count">
          {isFiltered(filter)
            ? `${visible.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')}`
            : `${rows.length.toLocaleString('en')} waiting`}
          {loadingRest && ' · loading the rest…'}
          {arrivedLive > 0 && ` · ${arrivedLive} arrived live`}
        </span>
        <button type="button" onClick={() => void payoutsActions.load()} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </ScreenHeader>
      <div className="queue-tools">
        <FilterBar filter={filter} currencies={currencies} problems={filtered.problems} />
        <SavedViews filter={filter} sort={sort} />
      </div>
      {selected.size > 0 && (
        <div className="selection-bar" role="region" aria-label="Selection">
          <strong>{selected.size} selected</strong>
          <span className="muted">{selectedTotals.map((t) => safeMoney(t.totalMinor, t.currency)).join(' · ')}</span>
          <button type="button" className="primary" onClick={() => payoutActions.openBulk('approve', [...selected])}>
            Approve selected <kbd>Shift A</kbd>
          </button>
          <button type="button" onClick={() => payoutActions.openBulk('reject', [...selected])}>
            Reject selected
          </button>
          <button type="button" onClick={() => payoutsActions.selectOnly(visible.map((r) => r.tid))}>
            Select all {visible.length.toLocaleString('en')} shown
          </button>
          <button type="button" onClick={payoutsActions.clearSelection}>
            Clear selection
          </button>
        </div>
      )}
      {selected.size === 0 && visible.length > 0 && (
        <p className="muted keys-hint">
          <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>Enter</kbd> open · <kbd>A</kbd> approve · <kbd>R</kbd> reject ·{' '}
          <kbd>S</kbd> split · <kbd>X</kbd> select · <kbd>Shift A</kbd> approve selected ·{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => payoutsActions.selectOnly(visible.map((r) => r.tid))}
          >
            select all {visible.length.toLocaleString('en')} shown
          </button>
        </p>
      )}
      {report && <ActionReportBanner report={report} />}
      {error && (
        <p className="form-error" role="alert">
          The queue could not be loaded: {error.message}
        </p>
      )}
      <div className={detailOpen && cursorRow ? 'queue-layout with-detail' : 'queue-layout'}>
        {loaded && rows.length === 0 ? (
          <section className="empty-state">
            <h2>No withdrawal requests are waiting</h2>
            <p>New requests appear here as soon as Praxis notifies the desk; nothing needs a decision right now.</p>
          </section>
        ) : loaded && visible.length === 0 ? (
          <section className="empty-state">
            <h2>No request matches the filter</h2>
            <p>{rows.length.toLocaleString('en')} requests are waiting; clear or change the filter to see them.</p>
          </section>
        ) : (
          <QueueTable
            rows={visible}
            sort={sort}
            now={now}
            sla={sla}
            cursorTid={cursorTid}
            selected={selected}
            inFlight={inFlight}
            compact={detailOpen && cursorRow !== null}
          />
        )}
        {detailOpen && cursorRow && (
          <DetailPane
            row={cursorRow}
            detail={detail?.row.tid === cursorRow.tid ? detail : null}
            loading={detailLoading}
            error={detailError}
          />
        )}
      </div>
      <PayoutDialogs dialog={dialog} rows={rows} reasons={settings?.rejectReasons ?? []} />
    </div>
  );
}
