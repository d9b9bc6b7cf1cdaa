import type { ReactNode } from 'react';
import { BusyButton } from '../components/BusyButton';
import { ScreenHeader } from '../components/ScreenHeader';
import type { CurrencyTotal } from './create-action-store';
import { totalsText } from './money-text';

/**
 * The screen's title with the count of items (or "N of M" under a filter), live arrivals and Refresh. Until the first
 * page has landed there is no count to give: it says so rather than "0 waiting".
 */
export function QueueHeader({
  title,
  loaded,
  total,
  shown,
  filtered,
  waitingWord,
  loadingRest,
  arrivedLive,
  loading,
  onRefresh,
  exportCsv,
}: {
  title: string;
  /** The first page has landed. */
  loaded: boolean;
  total: number;
  shown: number;
  filtered: boolean;
  /** "waiting", "holds": what follows the count when nothing is filtered. */
  waitingWord: string;
  loadingRest: boolean;
  arrivedLive: number;
  loading: boolean;
  onRefresh(): void;
  /** Downloads the rows shown; off until the whole queue has loaded (a part would pass for the whole). */
  exportCsv: { label: string; disabled: boolean; onExport(): void };
}) {
  return (
    <ScreenHeader title={title}>
      <span className="muted queue-count" role="status" aria-label="Queue count">
        {!loaded
          ? loading
            ? 'loading…'
            : 'not loaded'
          : filtered
            ? `${shown.toLocaleString('en')} of ${total.toLocaleString('en')}`
            : `${total.toLocaleString('en')} ${waitingWord}`}
        {loadingRest && ' · loading the rest…'}
        {arrivedLive > 0 && ` · ${arrivedLive} arrived live`}
      </span>
      {/* Busy, not disabled, while it reloads: a disabled button would drop the keyboard's focus on the body. */}
      <BusyButton busy={loading} onPress={onRefresh}>
        {loading ? 'Refreshing…' : 'Refresh'}
      </BusyButton>
      <button type="button" aria-label={exportCsv.label} disabled={exportCsv.disabled} onClick={exportCsv.onExport}>
        Export CSV
      </button>
    </ScreenHeader>
  );
}

/** The selection's count and totals per currency, the screen's bulk buttons, select-all and clear. */
export function SelectionBar({
  count,
  totals,
  shown,
  onSelectAll,
  onClear,
  children,
}: {
  count: number;
  totals: readonly CurrencyTotal[];
  shown: number;
  onSelectAll(): void;
  onClear(): void;
  children: ReactNode;
}) {
  return (
    <div className="selection-bar" role="region" aria-label="Selection">
      <strong>{count} selected</strong>
      <span className="muted">{totalsText(totals)}</span>
      {children}
      <button type="button" onClick={onSelectAll}>
        Select all {shown.toLocaleString('en')} shown
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

/** The keys line under the filter, ending with "select all N shown". */
export function KeysHint({
  shown,
  onSelectAll,
  children,
}: {
  shown: number;
  onSelectAll(): void;
  children: ReactNode;
}) {
  return (
    <p className="muted keys-hint">
      <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>Enter</kbd> open · {children} ·{' '}
      <button type="button" className="link-button" onClick={onSelectAll}>
        select all {shown.toLocaleString('en')} shown
      </button>
    </p>
  );
}

/** Nothing in the queue, or nothing matching the filter: each says why. */
export function QueueEmpty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      <p>{children}</p>
    </section>
  );
}
