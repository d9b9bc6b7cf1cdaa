import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CaptureRow } from '../../../../shared/captures';
import { CapturesPlaceholder } from '../QueuePlaceholders';
import { capturesAvailable } from '../../api/captures';
import { capturesActions, capturesRows, useCaptures } from '../../stores/captures';
import { captureActions, useCaptureActions } from '../../stores/captures-actions';
import {
  EMPTY_CAPTURE_FILTER,
  captureSearchKey,
  filterCaptureRows,
  methodOf,
  compareCaptureRows,
  type CaptureFilter,
} from '../../stores/captures-filter';
import { captureSettingsActions, useCaptureSettings } from '../../stores/captures-settings';
import { captureViews } from '../../stores/captures-views';
import { totalsByCurrency } from '../../queue/money-text';
import { QueueScreen } from '../../queue/QueueScreen';
import { captureCsvColumns } from './capture-csv';
import { useClock } from '../../queue/use-clock';
import { useBulkKeys } from '../../queue/use-bulk-keys';
import { useQueueKeys } from '../../queue/use-queue-keys';
import { useQueueRows } from '../../queue/use-queue-rows';
import { CAPTURE_BULK_PARTS } from './CaptureBulkDialog';
import { CaptureDetailPane } from './CaptureDetailPane';
import { CaptureDialogs } from './CaptureDialogs';
import { CAPTURE_SEARCH, CaptureFilters } from './CaptureFilters';
import { captureColumns } from './capture-columns';
import { CAPTURE_WORDS } from './capture-words';
import '../../queue/queue.css';
import './captures.css';

const queueKeys = { ...capturesActions, cursorOrFirst: capturesRows.cursorOrFirst };

export function CapturesScreen() {
  const available = capturesAvailable();
  const q = useCaptures(useShallow((s) => s));
  const { dialog, inFlight, report } = useCaptureActions(
    useShallow((s) => ({ dialog: s.dialog, inFlight: s.inFlight, report: s.report })),
  );
  const settings = useCaptureSettings((s) => s.settings);
  // Countdowns in minutes: a 15 s tick keeps "12 min" honest and lets a lapse show within seconds of the minute.
  const now = useClock(15_000);

  useEffect(() => {
    if (!available) return;
    const stop = capturesActions.follow();
    void capturesActions.load();
    void captureSettingsActions.load();
    return stop;
  }, [available]);

  const filterShown = useCallback(
    (rows: readonly CaptureRow[], filter: CaptureFilter) => filterCaptureRows(rows, filter, now),
    [now],
  );
  const { visible, problems, currencies, cursorRow, selectedRows } = useQueueRows({
    ...q,
    compareRows: compareCaptureRows,
    filterRows: filterShown,
    searchKeyOf: captureSearchKey,
    setVisibleRows: capturesRows.setVisibleRows,
  });
  const methods = useMemo(() => [...new Set(q.rows.map(methodOf))].sort(), [q.rows]);
  const selectedTotals = useMemo(() => totalsByCurrency(selectedRows, CAPTURE_BULK_PARTS.amountOf), [selectedRows]);
  const compact = q.detailOpen && cursorRow !== null;
  const columns = useMemo(() => captureColumns(now), [now]);

  const actionable = (tid: number) => {
    const row = capturesRows.rowByTid(tid);
    return row !== null && row.journalState === null && !useCaptureActions.getState().inFlight.has(tid);
  };
  const next = capturesRows.nextTidAfter;
  const bulk = useBulkKeys('holds', () => [...useCaptures.getState().selected], {
    'shift+c': { verb: 'captures', open: (tids) => captureActions.openBulk('capture', tids) },
    'shift+v': { verb: 'voids', open: (tids) => captureActions.openBulk('void', tids) },
  });
  useQueueKeys(
    queueKeys,
    CAPTURE_SEARCH.id,
    {
      c: (tid) => actionable(tid) && captureActions.openCapture(tid, next(tid)),
      v: (tid) => actionable(tid) && captureActions.openVoid(tid, next(tid)),
    },
    bulk.bindings,
    available && dialog === null,
  );

  // A build without the capture engine keeps the frame's honest placeholder rather than an empty queue.
  if (!available) return <CapturesPlaceholder />;

  return (
    <QueueScreen
      title="Captures"
      noun={['hold', 'holds']}
      waitingWord={q.rows.length === 1 ? 'hold' : 'holds'}
      tableLabel="Capture queue"
      q={q}
      actions={capturesActions}
      emptyFilter={EMPTY_CAPTURE_FILTER}
      visible={visible}
      compact={compact}
      columns={columns}
      inFlight={inFlight}
      filters={<CaptureFilters filter={q.filter} currencies={currencies} methods={methods} problems={problems} />}
      filterProblems={problems}
      views={captureViews}
      selectedTotals={selectedTotals}
      bulkButtons={
        <>
          <button type="button" className="primary" onClick={() => captureActions.openBulk('capture', [...q.selected])}>
            Capture selected <kbd>Shift C</kbd>
          </button>
          <button type="button" onClick={() => captureActions.openBulk('void', [...q.selected])}>
            Void selected <kbd>Shift V</kbd>
          </button>
        </>
      }
      keys={
        <>
          <kbd>C</kbd> capture · <kbd>V</kbd> void · <kbd>X</kbd> select · <kbd>Shift C</kbd> capture selected ·{' '}
          <kbd>Shift V</kbd> void selected
        </>
      }
      keyNote={bulk.nothingSelected}
      report={report}
      words={CAPTURE_WORDS}
      outcomeActions={captureActions}
      empty={{
        title: 'No authorized deposits are waiting',
        text: 'Holds appear here as soon as Praxis reports an authorization; nothing needs capturing right now.',
      }}
      detail={
        cursorRow && (
          <CaptureDetailPane
            row={cursorRow}
            detail={q.detail?.row.tid === cursorRow.tid ? q.detail : null}
            loading={q.detailLoading}
            error={q.detailError}
            now={now}
          />
        )
      }
      dialogs={<CaptureDialogs dialog={dialog} rows={q.rows} reasons={settings?.voidReasons ?? []} now={now} />}
      csv={{ fileStem: 'captures', columns: () => captureCsvColumns(Date.now()) }}
    />
  );
}
