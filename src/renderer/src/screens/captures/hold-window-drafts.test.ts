import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_WINDOWS } from '../../../../shared/hold-windows';
import { emptyDraft, placeSaveErrors, rulesFrom, toDraft } from './hold-window-drafts';

describe('hold-window editor rows', () => {
  it('round-trips the documented defaults through days, hours and minutes', () => {
    const back = rulesFrom(DEFAULT_HOLD_WINDOWS.map(toDraft));
    expect(back).toEqual({ ok: true, rules: DEFAULT_HOLD_WINDOWS });
  });

  it('gives a new row a key of its own and says which row has a number that is not whole', () => {
    const visaAgain = { ...emptyDraft(), cardType: 'VISA', label: 'Visa again' };
    const ok = rulesFrom([...DEFAULT_HOLD_WINDOWS.map(toDraft), visaAgain]);
    expect(ok.ok && ok.rules.at(-1)!.key).toBe('visa-2');
    expect(rulesFrom([{ ...emptyDraft(), days: '1.5' }])).toEqual({
      ok: false,
      rowErrors: { 0: 'Days, hours and minutes are whole numbers (0 or more).' },
    });
  });

  it("places the core's answer beside the row, above the table, or under the form", () => {
    const placed = placeSaveErrors(
      'holdWindows.2.minutes: A hold window is at most 60 days; holdWindows: Keep one default hold window; bulkConcurrency: must be at most 32',
    );
    expect(placed).toEqual({
      rowErrors: { 2: 'A hold window is at most 60 days' },
      table: 'Keep one default hold window',
      general: 'bulkConcurrency: must be at most 32',
    });
  });
});
