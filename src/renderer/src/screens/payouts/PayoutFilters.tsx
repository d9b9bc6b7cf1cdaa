import { memo } from 'react';
import { AGE_BANDS, RISK_FLAG_CODES, type AgeBand, type QueueFilter } from '../../stores/payouts-filter';
import { payoutsActions } from '../../stores/payouts';
import type { FilterProblems } from '../../queue/queue-filter';
import { FilterBar } from '../../queue/FilterBar';
import { FLAG_TEXT } from './row-format';

const STATUS_OPTIONS = [
  { value: '', label: 'all statuses' },
  ...['requested', 'verification', 'partial_payout', 'split_partial'].map((s) => ({ value: s, label: s })),
  { value: 'unknown', label: 'outcome unknown' },
  { value: 'sending', label: 'sending' },
];
const AGE_LABEL: Record<AgeBand, string> = { any: 'any age', ok: 'within SLA', warn: 'past warning', late: 'past SLA' };
const AGE_OPTIONS = AGE_BANDS.map((a) => ({ value: a, label: AGE_LABEL[a] }));
const FLAG_OPTIONS = [
  { value: '', label: 'any risk' },
  ...RISK_FLAG_CODES.map((f) => ({ value: f, label: FLAG_TEXT[f].badge })),
];

export const PAYOUT_SEARCH = {
  id: 'payout-search',
  label: 'Search customer id, name or tid',
  placeholder: 'Search cid, name or tid',
};

/** The shared filter bar with the payout queue's status, age and risk pick-lists. */
export const PayoutFilters = memo(function PayoutFilters({
  filter,
  currencies,
  problems,
}: {
  filter: QueueFilter;
  currencies: readonly string[];
  problems: FilterProblems;
}) {
  const set = payoutsActions.setFilter;
  return (
    <FilterBar
      filter={filter}
      currencies={currencies}
      problems={problems}
      actions={payoutsActions}
      search={PAYOUT_SEARCH}
      selects={[
        { label: 'Status', value: filter.status, options: STATUS_OPTIONS, onChange: (status) => set({ status }) },
        { label: 'Age', value: filter.age, options: AGE_OPTIONS, onChange: (age) => set({ age: age as AgeBand }) },
        {
          label: 'Risk flag',
          value: filter.flag,
          options: FLAG_OPTIONS,
          onChange: (flag) => set({ flag: flag as QueueFilter['flag'] }),
        },
      ]}
    />
  );
});
