import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_WINDOWS } from '../../../../shared/hold-windows';
import { captureSettingsFields, emptyDraft, rulesFrom, toDraft } from './hold-window-drafts';

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
      fields: { 'holdWindows.0.minutes': 'Days, hours and minutes are whole numbers (0 or more).' },
    });
  });

  it('names the fields a VALIDATION answer is placed at: each row, its window, label, brand and method, the table, the concurrency', () => {
    const fields = captureSettingsFields(2);
    for (const f of ['holdWindows', 'bulkConcurrency', 'holdWindows.0', 'holdWindows.1.minutes', 'holdWindows.1.label'])
      expect(fields).toContain(f);
    expect(fields).toContain('holdWindows.0.cardType');
    expect(fields).toContain('holdWindows.0.paymentMethod');
    expect(fields).not.toContain('holdWindows.2');
  });
});
