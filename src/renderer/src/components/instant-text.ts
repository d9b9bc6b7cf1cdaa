/**
 * A moment as every screen writes it: the day, the month by name, the year, 24-hour time and the zone, e.g.
 * "7 Dec 2026, 06:09:26 UTC". Screens wrote 07/12/2026 on one and 12/7/2026 on another, and an auditor comparing
 * them could not tell 7 December from 12 July. `timeZone`: the operator's own unless given (tests give one).
 */
export function instantText(at: string | number | Date, timeZone?: string): string {
  return formatIn('whole', timeZone).format(new Date(at));
}

/** The zone a list's times are in, for its header: a zone's name, not an abbreviation that changes with DST. */
export const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The day and the minute, where a list is dense and the whole moment is on hover: "7 Dec, 06:09". */
export function dayAndMinuteText(at: string | number | Date, timeZone?: string): string {
  return formatIn('day and minute', timeZone).format(new Date(at));
}

const DAY_AND_MINUTE: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const FORMATS = {
  'day and minute': DAY_AND_MINUTE,
  whole: { ...DAY_AND_MINUTE, year: 'numeric', second: '2-digit', timeZoneName: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Built on first use and kept: a queue's rows format one each, and building a format costs more than using it.
const built = new Map<string, Intl.DateTimeFormat>();
function formatIn(name: keyof typeof FORMATS, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${name}|${timeZone ?? ''}`;
  let format = built.get(key);
  if (!format) built.set(key, (format = new Intl.DateTimeFormat('en-GB', { ...FORMATS[name], timeZone })));
  return format;
}
