import { memo } from 'react';
import {
  AGE_BANDS,
  RISK_FLAG_CODES,
  type AgeBand,
  type FilterProblems,
  type QueueFilter,
} from '../../stores/payouts-filter';
import { payoutsActions } from '../../stores/payouts';
import { FilterBar } from '../../queue/FilterBar';
import { FLAG_TEXT } from './row-format';

const STATUS_OPTIONS = ['requested', 'verification', 'partial_payout', 'split_partial', 'unknown', 'sending'];
const AGE_LABEL: Record<AgeBand, string> = { any: 'any age', ok: 'within SLA', warn: 'past warning', late: 'past SLA' };

/** The shared filter bar with the payout queue's status, age and risk selects. */
export const PayoutFilters = memo(function PayoutFilters({
  filter,
  currencies,
  problems,
}: {
  filter: QueueFilter;
  currencies: string[];
  problems: FilterProblems;
}) {
  const set = payoutsActions.setFilter;
  return (
    <FilterBar
      filter={filter}
      currencies={currencies}
      problems={problems}
      onChange={set}
      onClear={payoutsActions.resetFilter}
      searchId="payout-search"
      searchLabel="Search customer id, name or tid"
      searchPlaceholder="Search cid, name or tid"
    >
      <select aria-label="Status" value={filter.status} onChange={(e) => set({ status: e.target.value })}>
        <option value="">all statuses</option>
        {STATUS_OPTIONS.map((s) => (
          <option key={s} value={s}>
            {s === 'unknown' ? 'outcome unknown' : s}
          </option>
        ))}
      </select>
      <select aria-label="Age" value={filter.age} onChange={(e) => set({ age: e.target.value as AgeBand })}>
        {AGE_BANDS.map((a) => (
          <option key={a} value={a}>
            {AGE_LABEL[a]}
          </option>
        ))}
      </select>
      <select
        aria-label="Risk flag"
        value={filter.flag}
        onChange={(e) => set({ flag: e.target.value as QueueFilter['flag'] })}
      >
        <option value="">any risk</option>
        {RISK_FLAG_CODES.map((f) => (
          <option key={f} value={f}>
            {FLAG_TEXT[f].badge}
          </option>
        ))}
      </select>
    </FilterBar>
  );
});
