import { Fragment } from 'react';
import { focusScreen } from '../components/focus-screen';
import { AmountInput } from './AmountInput';
import type { BaseFilter, FilterProblems } from './queue-filter';

const AMOUNT_BOUNDS = [
  { field: 'minAmount', label: 'Minimum amount', placeholder: 'min' },
  { field: 'maxAmount', label: 'Maximum amount', placeholder: 'max' },
] as const;

const PROBLEM_ID = 'amount-filter-problem';

/** One of the screen's own filters, as a pick-list: the first option is "any". */
export interface FilterSelect {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}

/**
 * The filter fields every queue has — search, currency, amount range, Clear — with the screen's own pick-lists
 * (status, age, flags…). Every filter applies in the page to the loaded rows; typing never waits.
 */
export function FilterBar({
  filter,
  currencies,
  problems,
  actions,
  search,
  selects,
}: {
  filter: BaseFilter;
  currencies: readonly string[];
  problems: FilterProblems;
  /** The screen's store: a patch to the filter, and Clear. */
  actions: { setFilter(patch: Partial<BaseFilter>): void; resetFilter(): void };
  /** The search box: its id (for the "/" key), its name saying what it matches, its short visible hint. */
  search: { id: string; label: string; placeholder: string };
  selects: readonly FilterSelect[];
}) {
  const onChange = actions.setFilter;
  return (
    <div className="filter-bar" role="search" aria-label="Filter the queue">
      <input
        type="text"
        className="filter-text"
        aria-label={search.label}
        placeholder={`${search.placeholder}  (/)`}
        value={filter.text}
        onChange={(e) => onChange({ text: e.target.value })}
        // Enter or Esc hands the keys back to the queue (J/K, A, R…), the filter kept; the screen takes the focus
        // (a blur would leave it on the body, where a dialog's Esc could not give it back).
        onKeyDown={(e) => (e.key === 'Enter' || e.key === 'Escape') && focusScreen()}
        id={search.id}
      />
      <select aria-label="Currency" value={filter.currency} onChange={(e) => onChange({ currency: e.target.value })}>
        <option value="">all currencies</option>
        {currencies.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <span className="amount-range">
        {AMOUNT_BOUNDS.map((b, i) => (
          <Fragment key={b.field}>
            {i > 0 && '–'}
            <AmountInput
              label={b.label}
              placeholder={b.placeholder}
              value={filter[b.field]}
              problem={problems[b.field] ?? problems.range}
              showProblem={false}
              aria-describedby={problems[b.field] || problems.range ? PROBLEM_ID : undefined}
              onChange={(text) => onChange({ [b.field]: text })}
            />
          </Fragment>
        ))}
      </span>
      {selects.map((f) => (
        <select key={f.label} aria-label={f.label} value={f.value} onChange={(e) => f.onChange(e.target.value)}>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ))}
      <button type="button" onClick={actions.resetFilter}>
        Clear
      </button>
    </div>
  );
}

/** What is wrong with the amount filter, on a line of its own under the filters (the fields point at it). */
export function FilterProblemLine({ problems }: { problems: FilterProblems }) {
  const unparsed = problems.minAmount ?? problems.maxAmount;
  if (!unparsed && !problems.range) return null;
  return (
    <p className="field-error filter-problem" id={PROBLEM_ID} role="alert">
      {unparsed ? `Amount filter ignored where it does not fit: ${unparsed}` : `Amount filter: ${problems.range}`}
    </p>
  );
}
