/**
 * A moment as every screen writes it: the day, the month by name, the year, 24-hour time and the zone, e.g.
 * "7 Dec 2026, 06:09:26 UTC". Screens wrote 07/12/2026 on one and 12/7/2026 on another, and an auditor comparing
 * them could not tell 7 December from 12 July. `timeZone`: the operator's own unless given (tests give one).
 */
export function instantText(at: string | number | Date, timeZone?: string): string {
  return formatIn(timeZone, SECONDS).format(new Date(at));
}

/** The day and the minute, where a list is dense and the whole moment is on hover: "7 Dec, 06:09". */
export function dayAndMinuteText(at: string | number | Date, timeZone?: string): string {
  return formatIn(timeZone, DAY_AND_MINUTE).format(new Date(at));
}

const DAY_AND_MINUTE: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const SECONDS: Intl.DateTimeFormatOptions = {
  ...DAY_AND_MINUTE,
  year: 'numeric',
  second: '2-digit',
  timeZoneName: 'short',
};

// Built on first use and kept: a queue's rows format one each, and building a format costs more than using it.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${options === SECONDS ? 'whole' : 'day and minute'}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone })));
  return format;
}
