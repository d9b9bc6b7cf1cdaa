import { memo } from 'react';
import {
  AGE_BANDS,
  RISK_FLAG_CODES,
  type AgeBand,
  type FilterProblems,
  type QueueFilter,
} from '../../stores/payouts-filter';
import { payoutsActions } from '../../stores/payouts';
import { FLAG_TEXT } from './row-format';

const STATUS_OPTIONS = ['requested', 'verification', 'partial_payout', 'split_partial', 'unknown', 'sending'];
const AGE_LABEL: Record<AgeBand, string> = { any: 'any age', ok: 'within SLA', warn: 'past warning', late: 'past SLA' };

/** Every filter applies in the page to the loaded rows; typing never waits for the desk. */
export const FilterBar = memo(function FilterBar({
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
    <div className="filter-bar" role="search" aria-label="Filter the queue">
      <input
        type="text"
        className="filter-text"
        aria-label="Search customer id, name or tid"
        placeholder="Search cid, name or tid  (/)"
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        id="payout-search"
      />
      <select aria-label="Status" value={filter.status} onChange={(e) => set({ status: e.target.value })}>
        <option value="">all statuses</option>
        {STATUS_OPTIONS.map((s) => (
          <option key={s} value={s}>
            {s === 'unknown' ? 'outcome unknown' : s}
          </option>
        ))}
      </select>
      <select aria-label="Currency" value={filter.currency} onChange={(e) => set({ currency: e.target.value })}>
        <option value="">all currencies</option>
        {currencies.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <span className="amount-range">
        <input
          type="text"
          aria-label="Minimum amount"
          placeholder="min"
          value={filter.minAmount}
          aria-invalid={!!problems.minAmount}
          title={problems.minAmount}
          onChange={(e) => set({ minAmount: e.target.value })}
        />
        –
        <input
          type="text"
          aria-label="Maximum amount"
          placeholder="max"
          value={filter.maxAmount}
          aria-invalid={!!problems.maxAmount}
          title={problems.maxAmount}
          onChange={(e) => set({ maxAmount: e.target.value })}
        />
      </span>
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
      <button type="button" onClick={payoutsActions.resetFilter}>
        Clear
      </button>
      {(problems.minAmount || problems.maxAmount) && (
        <p className="field-error filter-problem" role="alert">
          Amount filter ignored where it does not fit: {problems.minAmount ?? problems.maxAmount}
        </p>
      )}
    </div>
  );
});
