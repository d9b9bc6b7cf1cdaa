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
const TIME_LEFT_OPTIONS = TIME_LEFT_BANDS.map((b) => ({ value: b, label: TIME_LEFT_LABEL[b] }));
const STATUS_OPTIONS = [
  { value: '', label: 'all statuses' },
  { value: 'authorized', label: 'authorized' },
  { value: 'unknown', label: 'outcome unknown' },
  { value: 'sending', label: 'sending' },
];

export const CAPTURE_SEARCH = {
  id: 'capture-search',
  label: 'Search customer, tid or order id',
  placeholder: 'Search customer, tid or order id',
};

/** The shared filter bar with the capture queue's time-left, card / method and status pick-lists. */
export const CaptureFilters = memo(function CaptureFilters({
  filter,
  currencies,
  methods,
  problems,
}: {
  filter: CaptureFilter;
  currencies: readonly string[];
  methods: string[];
  problems: FilterProblems;
}) {
  const set = capturesActions.setFilter;
  return (
    <FilterBar
      filter={filter}
      currencies={currencies}
      problems={problems}
      actions={capturesActions}
      search={CAPTURE_SEARCH}
      selects={[
        {
          label: 'Time left',
          value: filter.timeLeft,
          options: TIME_LEFT_OPTIONS,
          onChange: (timeLeft) => set({ timeLeft: timeLeft as TimeLeftBand }),
        },
        {
          label: 'Card or method',
          value: filter.method,
          options: [{ value: '', label: 'any card or method' }, ...methods.map((m) => ({ value: m, label: m }))],
          onChange: (method) => set({ method }),
        },
        { label: 'Status', value: filter.status, options: STATUS_OPTIONS, onChange: (status) => set({ status }) },
      ]}
    />
  );
});
