import type { ReactNode } from 'react';
import { AmountInput } from './AmountInput';
import type { BaseFilter, FilterProblems } from './queue-filter';

/**
 * The filter fields every queue has — search, currency, amount range, Clear — with the screen's own selects
 * (status, age, flags…) as children. Every filter applies in the page to the loaded rows; typing never waits.
 */
export function FilterBar({
  filter,
  currencies,
  problems,
  onChange,
  onClear,
  searchId,
  searchLabel,
  searchPlaceholder,
  children,
}: {
  filter: BaseFilter;
  currencies: string[];
  problems: FilterProblems;
  onChange(patch: Partial<BaseFilter>): void;
  onClear(): void;
  /** The search box's id, for the "/" key. */
  searchId: string;
  /** The search box's name, saying what it matches ("Search customer id, name or tid"). */
  searchLabel: string;
  /** Its short visible hint. */
  searchPlaceholder: string;
  children?: ReactNode;
}) {
  return (
    <div className="filter-bar" role="search" aria-label="Filter the queue">
      <input
        type="text"
        className="filter-text"
        aria-label={searchLabel}
        placeholder={`${searchPlaceholder}  (/)`}
        value={filter.text}
        onChange={(e) => onChange({ text: e.target.value })}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        id={searchId}
      />
      <select aria-label="Currency" value={filter.currency} onChange={(e) => onChange({ currency: e.target.value })}>
        <option value="">all currencies</option>
        {currencies.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <span className="amount-range">
        <AmountInput
          label="Minimum amount"
          placeholder="min"
          value={filter.minAmount}
          problem={problems.minAmount}
          showProblem={false}
          onChange={(minAmount) => onChange({ minAmount })}
        />
        –
        <AmountInput
          label="Maximum amount"
          placeholder="max"
          value={filter.maxAmount}
          problem={problems.maxAmount}
          showProblem={false}
          onChange={(maxAmount) => onChange({ maxAmount })}
        />
      </span>
      {children}
      <button type="button" onClick={onClear}>
        Clear
      </button>
      {(problems.minAmount || problems.maxAmount) && (
        <p className="field-error filter-problem" role="alert">
          Amount filter ignored where it does not fit: {problems.minAmount ?? problems.maxAmount}
        </p>
      )}
    </div>
  );
}
