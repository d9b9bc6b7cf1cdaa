import { useState, type ReactNode } from 'react';
import type { WireError } from '../../../shared/errors';
import type { ActionReport, CurrencyTotal } from './create-action-store';
import type { QueueNavigation, QueueState } from './create-queue-store';
import type { OutcomeWords } from './outcome-text';
import { OutcomeBanner } from './OutcomeBanner';
import { KeysHint, QueueEmpty, QueueHeader, SelectionBar } from './QueueChrome';
import type { QueueRow } from './queue-row';
import { QueueTable, type QueueColumn } from './QueueTable';
import { SavedViews } from './SavedViews';
import type { SavedViewsOf } from './saved-views-store';
import { isFiltered } from './queue-filter';
import { FilterProblemLine } from './FilterBar';
import { downloadText } from '../components/download-text';
import { csvFileName, queueCsv, type CsvColumn } from './queue-csv';
import type { FilterProblems } from './queue-filter';

/** What the screen's store offers the frame beyond cursor and selection moves. */
export interface QueueScreenActions<Filter, Column extends string> extends QueueNavigation<Column> {
  load(): Promise<void>;
  applyView(filter: Filter, sort: { column: Column; desc: boolean }): void;
}

/**
 * One queue screen, for any queue: header with counts and Refresh, the screen's filters and the saved views, the
 * selection bar with the screen's bulk buttons (or the keys line), the last action's outcome, the virtualized
 * table beside the detail pane, and the screen's dialogs. The screen supplies its columns, filters, pane and words.
 */
export function QueueScreen<Row extends QueueRow, Detail, Filter, Column extends string>({
  title,
  noun,
  waitingWord,
  tableLabel,
  q,
  actions,
  emptyFilter,
  visible,
  compact,
  columns,
  inFlight,
  filters,
  filterProblems,
  views,
  selectedTotals,
  bulkButtons,
  keys,
  keyNote,
  report,
  words,
  outcomeActions,
  empty,
  detail,
  dialogs,
  csv,
}: {
  title: string;
  /** The item in words, singular and plural ("hold", "holds"). */
  noun: [string, string];
  /** After the count when nothing is filtered ("waiting"). */
  waitingWord: string;
  tableLabel: string;
  q: QueueState<Row, Detail, Filter, Column>;
  actions: QueueScreenActions<Filter, Column>;
  emptyFilter: Filter;
  visible: readonly Row[];
  compact: boolean;
  columns: QueueColumn<Row>[];
  inFlight: ReadonlySet<number>;
  filters: ReactNode;
  /** What is wrong with the filter, shown on its own line under it. */
  filterProblems: FilterProblems;
  views: SavedViewsOf<{ filter: Filter; sort: { column: Column; desc: boolean } }>;
  selectedTotals: readonly CurrencyTotal[];
  bulkButtons: ReactNode;
  /** The screen's action keys for the keys line ("C capture · V void…"). */
  keys: ReactNode;
  /** What a key just pressed did not do, and why ("… select some with X first."); null once the operator moves on. */
  keyNote?: string | null;
  report: ActionReport | null;
  words: OutcomeWords;
  /** The screen's action store: "Reconcile now" and dismissing the report. */
  outcomeActions: { reconcile(tid: number): Promise<void>; dismissReport(): void };
  /** An empty queue, in the screen's words. */
  empty: { title: string; text: string };
  detail: ReactNode;
  dialogs: ReactNode;
  /** The CSV export of the rows shown: the file's name before its date, and the columns as of the moment of export. */
  csv: { fileStem: string; columns(): CsvColumn<Row>[] };
}) {
  const selectAll = () => actions.selectOnly(visible.map((r) => r.tid));
  const [exported, setExported] = useState<string | null>(null);
  const count = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? noun[0] : noun[1]}`;
  const exportShown = () => {
    const fileName = csvFileName(csv.fileStem);
    downloadText(queueCsv(csv.columns(), visible), fileName);
    setExported(`Exported ${count(visible.length)} as ${fileName}, in the order shown.`);
  };
  const error: WireError | null = q.error;
  return (
    <div className="queue-screen">
      <QueueHeader
        title={title}
        loaded={q.loaded}
        total={q.rows.length}
        shown={visible.length}
        filtered={isFiltered(q.filter, emptyFilter)}
        waitingWord={waitingWord}
        loadingRest={q.loadingRest}
        arrivedLive={q.arrivedLive}
        loading={q.loading}
        onRefresh={() => void actions.load()}
        exportCsv={{
          label: q.loadingRest
            ? 'Export CSV: waiting for the rest of the queue'
            : `Export the ${count(visible.length)} shown as CSV`,
          disabled: !q.loaded || q.loadingRest || visible.length === 0,
          onExport: exportShown,
        }}
      />
      {exported && (
        <p className="muted queue-export-note" role="status" aria-label="Export">
          {exported}
        </p>
      )}
      <div className="queue-tools">
        {filters}
        <SavedViews
          current={{ filter: q.filter, sort: q.sort }}
          store={views}
          apply={(v) => actions.applyView(v.filter, v.sort)}
        />
      </div>
      <FilterProblemLine problems={filterProblems} />
      {q.selected.size > 0 && (
        <SelectionBar
          count={q.selected.size}
          totals={selectedTotals}
          shown={visible.length}
          onSelectAll={selectAll}
          onClear={actions.clearSelection}
        >
          {bulkButtons}
        </SelectionBar>
      )}
      {q.selected.size === 0 && visible.length > 0 && (
        <KeysHint shown={visible.length} onSelectAll={selectAll}>
          {keys}
        </KeysHint>
      )}
      {keyNote && (
        <p className="queue-key-note" role="status">
          {keyNote}
        </p>
      )}
      {report && (
        <OutcomeBanner
          report={report}
          words={words}
          inFlight={inFlight}
          onReconcile={(tid) => void outcomeActions.reconcile(tid)}
          onDismiss={outcomeActions.dismissReport}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          The queue could not be loaded: {error.message}
        </p>
      )}
      <div className={compact ? 'queue-layout with-detail' : 'queue-layout'}>
        {q.loaded && q.rows.length === 0 ? (
          <QueueEmpty title={empty.title}>{empty.text}</QueueEmpty>
        ) : q.loaded && visible.length === 0 ? (
          <QueueEmpty title={`No ${noun[0]} matches the filter`}>
            {q.rows.length.toLocaleString('en')} {noun[1]} are waiting; clear or change the filter to see them.
          </QueueEmpty>
        ) : (
          <QueueTable
            label={tableLabel}
            rows={visible}
            columns={columns}
            sort={q.sort}
            nav={actions}
            cursorTid={q.cursorTid}
            selected={q.selected}
            inFlight={inFlight}
            compact={compact}
          />
        )}
        {compact && detail}
      </div>
      {dialogs}
    </div>
  );
}
