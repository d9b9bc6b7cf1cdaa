import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, EMPTY_FILTER, ViewState } from '../stores/payouts-filter';
import { createSavedViews, type StoredView, type ViewChannels } from './saved-views-store';

const none: ViewChannels = {
  list: () => Promise.resolve({ ok: true, data: [] }),
  save: () => Promise.reject(new Error('not used')),
  remove: () => Promise.reject(new Error('not used')),
};
const views = createSavedViews('payouts', ViewState, none, true);

const late: StoredView = {
  id: 'v1',
  name: 'Late EUR',
  state: { queue: 'payouts', filter: { ...EMPTY_FILTER, currency: 'EUR', age: 'late' }, sort: DEFAULT_SORT },
};

describe('saved views: which one the picker shows', () => {
  it('shows the picked view while the filter and sort are the view’s, in whatever key order', () => {
    const { currency, age, ...rest } = { ...EMPTY_FILTER, currency: 'EUR', age: 'late' as const };
    expect(views.actions.stillSelected(late, { filter: { age, ...rest, currency }, sort: DEFAULT_SORT })).toBe(true);
  });

  it('shows no view once the filter is cleared, changed, or sorted another way', () => {
    expect(views.actions.stillSelected(late, { filter: EMPTY_FILTER, sort: DEFAULT_SORT })).toBe(false);
    expect(
      views.actions.stillSelected(late, {
        filter: { ...EMPTY_FILTER, currency: 'EUR', age: 'late', text: 'x' },
        sort: DEFAULT_SORT,
      }),
    ).toBe(false);
    expect(
      views.actions.stillSelected(late, {
        filter: { ...EMPTY_FILTER, currency: 'EUR', age: 'late' },
        sort: { column: 'tid', desc: false },
      }),
    ).toBe(false);
  });

  it('keeps a view it cannot read selected, so it can still be deleted', () => {
    const old: StoredView = { id: 'v2', name: 'Old', state: { queue: 'payouts', filter: { age: 'ancient' } } };
    expect(views.actions.stillSelected(old, { filter: EMPTY_FILTER, sort: DEFAULT_SORT })).toBe(true);
  });
});
