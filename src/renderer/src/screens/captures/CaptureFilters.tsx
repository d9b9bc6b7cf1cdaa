import { memo } from 'react';
import { TIME_LEFT_BANDS, type CaptureFilter, type TimeLeftBand } from '../../stores/captures-filter';
import { capturesActions } from '../../stores/captures';
import type { FilterProblems } from '../../queue/queue-filter';
import { FilterBar } from '../../queue/FilterBar';

const TIME_LEFT_LABEL: Record<TimeLeftBand, string> = {
  any: 'any time left',
  ok: '48 h or more',
  amber: 'under 48 h',
  red: 'under 24 h',
  lapsed: 'lapsed',
};

/** The shared filter bar with the capture queue's time-left, card / method and status selects. */
export const CaptureFilters = memo(function CaptureFilters({
  filter,
  currencies,
  methods,
  problems,
}: {
  filter: CaptureFilter;
  currencies: string[];
  methods: string[];
  problems: FilterProblems;
}) {
  const set = capturesActions.setFilter;
  return (
    <FilterBar
      filter={filter}
      currencies={currencies}
      problems={problems}
      onChange={set}
      onClear={capturesActions.resetFilter}
      searchId="capture-search"
      searchLabel="Search customer, tid or order id"
      searchPlaceholder="Search customer, tid or order id"
    >
      <select
        aria-label="Time left"
        value={filter.timeLeft}
        onChange={(e) => set({ timeLeft: e.target.value as TimeLeftBand })}
      >
        {TIME_LEFT_BANDS.map((b) => (
          <option key={b} value={b}>
            {TIME_LEFT_LABEL[b]}
          </option>
        ))}
      </select>
      <select aria-label="Card or method" value={filter.method} onChange={(e) => set({ method: e.target.value })}>
        <option value="">any card or method</option>
        {methods.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <select aria-label="Status" value={filter.status} onChange={(e) => set({ status: e.target.value })}>
        <option value="">all statuses</option>
        <option value="authorized">authorized</option>
        <option value="unknown">outcome unknown</option>
        <option value="sending">sending</option>
      </select>
    </FilterBar>
  );
});
