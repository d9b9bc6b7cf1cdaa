import { describe, expect, it } from 'vitest';
import type { HoldWindowRule } from './captures';
import {
  DEFAULT_HOLD_WINDOWS,
  holdLevel,
  holdLine,
  holdWindowFor,
  lapseLocalText,
  lapseTime,
  minutesLeft,
  timeLeftText,
  windowText,
} from './hold-windows';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const VISA = { cardType: 'VISA', paymentMethod: 'Credit Card' };

describe('which hold window applies', () => {
  it('uses the documented defaults: Visa 4 d 18 h, Mastercard 5 d, anything else the shortest known', () => {
    expect(holdWindowFor(VISA, DEFAULT_HOLD_WINDOWS)).toEqual({
      key: 'visa',
      label: 'Visa (4 d 18 h)',
      minutes: 6840,
    });
    expect(holdWindowFor({ cardType: 'mastercard', paymentMethod: null }, DEFAULT_HOLD_WINDOWS).minutes).toBe(7200);
    expect(holdWindowFor({ cardType: null, paymentMethod: 'Skrill' }, DEFAULT_HOLD_WINDOWS).key).toBe('default');
    expect(holdWindowFor({ cardType: 'JCB', paymentMethod: 'Credit Card' }, DEFAULT_HOLD_WINDOWS).minutes).toBe(6840);
  });

  it('prefers the brand row over the method row over the default, whatever their order', () => {
    const table: HoldWindowRule[] = [
      { key: 'default', label: 'Default', cardType: null, paymentMethod: null, minutes: 100 },
      { key: 'cards', label: 'Cards', cardType: null, paymentMethod: 'credit card', minutes: 200 },
      { key: 'visa', label: 'Visa', cardType: 'Visa', paymentMethod: null, minutes: 300 },
    ];
    expect(holdWindowFor(VISA, table).key).toBe('visa');
    expect(holdWindowFor({ cardType: 'AMEX', paymentMethod: 'Credit Card' }, table).key).toBe('cards');
    expect(holdWindowFor({ cardType: null, paymentMethod: 'Skrill' }, table).key).toBe('default');
  });
});

describe('the countdown', () => {
  const authorizedAt = '2024-11-01T09:00:00.000Z';
  const lapses = lapseTime(authorizedAt, { minutes: 6840 });

  it('lapses the window after the authorization, in elapsed time', () => {
    expect(lapses.toISOString()).toBe('2024-11-06T03:00:00.000Z');
  });

  it('writes the time left floored, and colours it amber under 48 h, red under 24 h', () => {
    const at = (ms: number) => new Date(lapses.getTime() - ms);
    expect(timeLeftText(lapses, at(2 * DAY + 4 * HOUR + 59 * MIN))).toBe('2 d 4 h');
    expect(holdLevel(lapses, at(2 * DAY + 4 * HOUR))).toBe('ok');
    expect(holdLevel(lapses, at(48 * HOUR))).toBe('ok');
    expect(holdLevel(lapses, at(48 * HOUR - 1))).toBe('amber');
    expect(timeLeftText(lapses, at(23 * HOUR + 59 * MIN + 30_000))).toBe('23 h 59 min');
    expect(holdLevel(lapses, at(24 * HOUR - 1))).toBe('red');
    expect(timeLeftText(lapses, at(12 * MIN))).toBe('12 min');
    expect(timeLeftText(lapses, at(30_000))).toBe('< 1 min');
    expect(timeLeftText(lapses, at(0))).toBe('lapsed');
    expect(holdLevel(lapses, at(0))).toBe('lapsed');
    expect(holdLevel(lapses, at(-DAY))).toBe('lapsed');
    expect(minutesLeft(lapses, at(90 * MIN))).toBe(90);
  });

  it('does not move across a DST change: the hold lasts exactly its window, and local time shows the shift', () => {
    // Europe/Berlin leaves summer time on 27 Oct 2024 at 03:00 CEST → 02:00 CET.
    const before = '2024-10-25T10:00:00.000Z'; // Fri, 12:00 CEST
    const lapse = lapseTime(before, { minutes: 2 * 24 * 60 }); // two days of elapsed time
    expect(lapse.getTime() - Date.parse(before)).toBe(2 * DAY);
    expect(lapseLocalText(before, 'Europe/Berlin')).toBe('Fri, 25 Oct 2024, 12:00 CEST');
    // Two elapsed days later the wall clock reads an hour earlier: 11:00 CET, not 12:00.
    expect(lapseLocalText(lapse, 'Europe/Berlin')).toBe('Sun, 27 Oct 2024, 11:00 CET');
    // Mid-change: the countdown one hour before the lapse is 1 h, not 0 or 2.
    expect(timeLeftText(lapse, new Date(lapse.getTime() - HOUR))).toBe('1 h 0 min');
    // New York changes a week later (3 Nov): a lapse across it is the same instant, written in EST.
    const ny = lapseTime('2024-11-02T14:00:00.000Z', { minutes: 24 * 60 });
    expect(lapseLocalText('2024-11-02T14:00:00.000Z', 'America/New_York')).toBe('Sat, 2 Nov 2024, 10:00 GMT-4');
    expect(lapseLocalText(ny, 'America/New_York')).toBe('Sun, 3 Nov 2024, 09:00 GMT-5');
  });

  it('gives the same time left in every time zone; only the written lapse differs', () => {
    const now = new Date('2024-11-05T03:00:00.000Z');
    for (const tz of ['UTC', 'Asia/Tokyo', 'Asia/Kuwait', 'America/Los_Angeles', 'Pacific/Chatham'])
      expect([tz, timeLeftText(lapses, now), holdLevel(lapses, now)]).toEqual([tz, '1 d 0 h', 'amber']);
    expect(lapseLocalText(lapses, 'Asia/Tokyo')).toBe('Wed, 6 Nov 2024, 12:00 GMT+9');
    expect(lapseLocalText(lapses, 'Asia/Kuwait')).toBe('Wed, 6 Nov 2024, 06:00 GMT+3');
    expect(lapseLocalText(lapses, 'America/Los_Angeles')).toBe('Tue, 5 Nov 2024, 19:00 GMT-8');
  });

  it('follows the process time zone (TZ) when none is given, and the countdown does not', () => {
    const saved = process.env.TZ;
    try {
      for (const [tz, written] of [
        ['Asia/Tokyo', 'Wed, 6 Nov 2024, 12:00 GMT+9'],
        ['Europe/Berlin', 'Wed, 6 Nov 2024, 04:00 CET'],
        ['America/New_York', 'Tue, 5 Nov 2024, 22:00 GMT-5'],
      ]) {
        process.env.TZ = tz; // Node applies a changed TZ at once
        expect(lapseLocalText(lapses)).toBe(written);
        expect(timeLeftText(lapses, new Date('2024-11-05T03:00:00.000Z'))).toBe('1 d 0 h');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('one line about a hold, for 0-, 2- and 3-decimal currencies', () => {
  const now = new Date('2024-11-05T03:00:00.000Z');
  const lapsesAt = '2024-11-06T02:59:00.000Z';
  it.each([
    ['JPY', 1_200, 'JPY 1,200'],
    ['EUR', 123_456, 'EUR 1,234.56'],
    ['KWD', 1_250, 'KWD 1.250'],
  ])('%s', (currency, amountMinor, written) => {
    expect(holdLine({ customer: 'Ana Silva', amountMinor, currency, lapsesAt }, now, 'UTC')).toBe(
      `Ana Silva · ${written} · lapses in 23 h 59 min (Wed, 6 Nov 2024, 02:59 UTC)`,
    );
    expect(holdLevel(lapsesAt, now)).toBe('red');
  });
  it('says when a hold has already lapsed, and names the cid when there is no name', () => {
    expect(holdLine({ customer: null, amountMinor: 5, currency: 'KWD', lapsesAt }, new Date(lapsesAt), 'UTC')).toBe(
      'KWD 0.005 · lapsed Wed, 6 Nov 2024, 02:59 UTC',
    );
  });
});

describe('a window named to the operator', () => {
  it('says the length it really has, whatever its free-text label claims', () => {
    expect(windowText({ label: 'Visa (4 d 18 h)', minutes: 4 * 24 * 60 + 18 * 60 })).toBe('Visa (4 d 18 h)');
    expect(windowText({ label: 'Any other method (4 d 18 h, the shortest known)', minutes: 20 * 60 })).toBe(
      'Any other method (20 h)',
    );
    expect(windowText({ label: 'Skrill', minutes: 3 * 24 * 60 + 90 })).toBe('Skrill (3 d 1 h 30 min)');
  });
});
