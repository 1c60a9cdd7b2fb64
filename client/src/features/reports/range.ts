import { DateTime } from 'luxon';
import { maxReportDays } from '@callboard/shared';

export const rangePresets = ['today', 'yesterday', 'thisWeek', 'last30Days', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];

/** A report's dates: calendar days in the call centre's zone, both ends inclusive (YYYY-MM-DD). */
export type DateRange = { from: string; to: string };

/**
 * The dates a preset means at `now` in `zone`: what "today" is depends on the call centre's clock,
 * not the browser's. Weeks start on Monday. `custom` keeps whatever was chosen, starting from today.
 */
export function presetRange(preset: RangePreset, now: DateTime, zone: string): DateRange {
  const today = now.setZone(zone).startOf('day');
  const day = (d: DateTime) => d.toISODate()!;
  switch (preset) {
    case 'yesterday':
      return { from: day(today.minus({ days: 1 })), to: day(today.minus({ days: 1 })) };
    case 'thisWeek':
      return { from: day(today.startOf('week')), to: day(today) };
    case 'last30Days':
      return { from: day(today.minus({ days: 29 })), to: day(today) };
    default:
      return { from: day(today), to: day(today) };
  }
}

export type RangeValue = DateRange & { preset: RangePreset };

/** A range the summary accepts: from before or on to, at most a year and a day. */
export function rangeProblem({ from, to }: DateRange): 'order' | 'length' | null {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  if (!start.isValid || !end.isValid || end < start) return 'order';
  return end.diff(start, 'days').days + 1 > maxReportDays ? 'length' : null;
}
