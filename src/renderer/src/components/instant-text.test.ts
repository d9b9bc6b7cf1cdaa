import { describe, expect, it } from 'vitest';
import { dayAndMinuteText, instantText } from './instant-text';

describe('a moment as the screens write it', () => {
  it('names the month, so 7 December never reads as 12 July, with 24-hour time and the zone', () => {
    expect(instantText('2026-12-07T06:09:26Z', 'UTC')).toBe('7 Dec 2026, 06:09:26 UTC');
    expect(instantText('2026-07-12T18:00:05Z', 'UTC')).toBe('12 Jul 2026, 18:00:05 UTC');
    expect(dayAndMinuteText('2026-12-07T06:09:26Z', 'UTC')).toBe('7 Dec, 06:09');
  });

  it("writes the operator's own time and names its zone", () => {
    expect(instantText('2026-12-07T06:09:26Z', 'Europe/Berlin')).toBe('7 Dec 2026, 07:09:26 CET');
    expect(instantText(Date.UTC(2026, 6, 12, 18, 0, 5), 'Europe/London')).toBe('12 Jul 2026, 19:00:05 BST');
  });
});
