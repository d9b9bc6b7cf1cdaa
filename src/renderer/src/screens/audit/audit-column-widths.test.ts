import { describe, expect, it } from 'vitest';
import { auditColumnWidths } from './audit-column-widths';

const COLUMNS = [
  { key: 'time', width: 158, grows: 0 },
  { key: 'operator', width: 90, grows: 1 },
  { key: 'reason', width: 110, grows: 2 },
  { key: 'outcome', width: undefined, grows: 3 },
] as const;
const LEAST = 110;

describe('audit column widths', () => {
  it('share a wider window’s room among the columns that cut their text, not all to the last one', () => {
    const widths = auditColumnWidths(COLUMNS, 468 + 600, LEAST);
    expect(widths.get('time')).toBe(158);
    expect(widths.get('operator')).toBe(90 + 100);
    expect(widths.get('reason')).toBe(110 + 200);
    // The last column takes what is left: its least and its share.
    expect(widths.get('outcome')).toBeUndefined();
  });

  it('keep the listed widths where the window has no room beyond them', () => {
    const widths = auditColumnWidths(COLUMNS, 400, LEAST);
    expect([...widths.values()]).toEqual([158, 90, 110, undefined]);
  });
});
