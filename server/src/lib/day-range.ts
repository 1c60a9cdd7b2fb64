import { DateTime } from 'luxon';

/** The instants [from, to) that calendar dates `from`..`to` (YYYY-MM-DD, both inclusive) span on the zone's clock. */
export function zoneDayRange(dates: { from: string; to: string }, zone: string): { from: Date; to: Date } {
  return {
    from: DateTime.fromISO(dates.from, { zone }).startOf('day').toJSDate(),
    to: DateTime.fromISO(dates.to, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}

/** Today on the zone's clock, as the instants [start, end) of its day. */
export function zoneToday(now: Date, zone: string): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}
