import { DateTime } from 'luxon';
import { isReached, type SummaryQuery, type SummaryReport } from '@callboard/shared';
import { zoneDayRange } from '../../lib/day-range.js';
import { notFound } from '../../lib/errors.js';
import { getSettings } from '../settings/index.js';
import { listUsers } from '../users/index.js';
import { callSumsByUser, callsByUtcHour, emptyCallSums, type CallRange } from '../calls/index.js';
import { letterCountsByUser } from '../letters/index.js';
import { addLetters, addSums, summaryFigures } from './report-figures.js';

/** Calls per hour of the day on the zone's clock, from per-UTC-hour counts. */
async function byHour(range: CallRange, zone: string): Promise<SummaryReport['byHour']> {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, calls: 0, reached: 0 }));
  for (const row of await callsByUtcHour(range)) {
    // A zone a half hour off UTC files each UTC hour under the local hour it starts in.
    const bucket = hours[DateTime.fromJSDate(row.hour, { zone }).hour]!;
    bucket.calls += row.calls;
    if (isReached(row.outcome)) bucket.reached += row.calls;
  }
  return hours;
}

/**
 * GET /api/reports/summary: per-user and team figures for calendar dates from..to in the call
 * centre's time zone. The rows: every enabled manager, and anyone else who made calls or sent
 * letters in the range (or, with `managerId`, that one user).
 */
export async function reportSummary(query: SummaryQuery): Promise<SummaryReport> {
  const { timeZone } = await getSettings();
  const range: CallRange = { ...zoneDayRange(query, timeZone), ...(query.managerId ? { byId: query.managerId } : {}) };
  const [users, sums, letters, hours] = await Promise.all([
    listUsers(),
    callSumsByUser(range),
    letterCountsByUser(range),
    byHour(range, timeZone),
  ]);
  const shown = users.filter((u) =>
    query.managerId
      ? u.id === query.managerId
      : (!u.disabled && u.role === 'manager') || sums.has(u.id) || letters.has(u.id),
  );
  if (query.managerId && shown.length === 0) throw notFound('User');
  const none = { sent: 0, failed: 0 };
  return {
    from: query.from,
    to: query.to,
    timeZone,
    managers: shown.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      ...summaryFigures(sums.get(u.id) ?? emptyCallSums(), letters.get(u.id) ?? none),
    })),
    team: summaryFigures(addSums(sums.values()), addLetters(letters.values())),
    byHour: hours,
  };
}
