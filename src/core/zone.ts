/**
 * Time-zone arithmetic with Intl only (Apps Script V8 has full ICU), so a DateCell costs no service call.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // hourCycle h23: some engines print midnight as "24" with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant, as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** Minutes the zone's wall clock is ahead of UTC at this instant (Bangkok: +420). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  return Math.round((wallClock(instant, timeZone) - Math.floor(instant / 1000) * 1000) / 60000);
}

const DAY_MS = 86400000;

/**
 * The instant the calendar date (ISO "2022-10-01") begins in the zone: a Sheets cell holding it shows
 * that date whatever the offset. Usually local midnight; where a DST change skips midnight (São Paulo
 * until 2019), the first instant of the day.
 */
export function zonedMidnight(iso: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Midnight under the offset in force just before it, and under the offset in force just after it.
  const before = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
  const after = wall - zoneOffsetMinutes(before, timeZone) * 60000;
  const onTheDay = [before, after].filter(
    (t) => Math.floor(wallClock(t, timeZone) / DAY_MS) * DAY_MS === wall,
  );
  return new Date(onTheDay.length ? Math.min(...onTheDay) : after);
}
