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

describe('saved views: which one the picker shows after a reload', () => {
  const eurOver100: StoredView = {
    id: 'v3',
    name: 'EUR over 100',
    state: { queue: 'payouts', filter: { ...EMPTY_FILTER, currency: 'EUR', minAmount: '100' }, sort: DEFAULT_SORT },
  };
  const restored = { filter: { ...EMPTY_FILTER, currency: 'EUR', minAmount: '100' }, sort: DEFAULT_SORT };

  it('shows the view whose filter and sort the screen has now, though none was picked in this page', () => {
    expect(views.actions.shownId([late, eurOver100], '', restored)).toBe('v3');
  });

  it('shows the view picked while it is still selected, else none once the filter moved away from every view', () => {
    expect(views.actions.shownId([late, eurOver100], 'v1', restored)).toBe('v3');
    expect(views.actions.shownId([late, eurOver100], 'v3', restored)).toBe('v3');
    expect(views.actions.shownId([late, eurOver100], 'v3', { filter: EMPTY_FILTER, sort: DEFAULT_SORT })).toBe('');
  });

  it('never shows a view it cannot read unless it was picked', () => {
    const old: StoredView = { id: 'v2', name: 'Old', state: { queue: 'payouts', filter: { age: 'ancient' } } };
    expect(views.actions.shownId([old], '', restored)).toBe('');
    expect(views.actions.shownId([old], 'v2', restored)).toBe('v2');
  });
});
