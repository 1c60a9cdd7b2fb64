import { DateTime } from 'luxon';
import { isTimeZone, type QueueOutlook, type SessionUser, type Settings } from '@callboard/shared';
import { nextOrderCallAfter } from '../orders/index.js';
import { getSettings } from '../settings/index.js';
import { nextTaskCallAfter } from '../tasks/index.js';
import { dueItems } from './queue-reads.js';

/** Enough to explain an empty queue in words; beyond it the figures say "more than". */
const outlookCap = 1_000;

/** When the client's calling hours next open, seen from `now` (outside them). */
function nextOpening(now: Date, zone: string, hours: Settings['callingHours']): Date {
  const [hour, minute] = hours.start.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.set({ hour, minute, second: 0, millisecond: 0 });
  return (today > local ? today : today.plus({ days: 1 })).toJSDate();
}

const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * Why this user has nothing to take: how many due items wait outside their clients' calling hours
 * and when the first of those opens, how many are other managers' callbacks and until when, and
 * when the next call falls due at all.
 */
export async function queueOutlook(user: SessionUser, now: Date): Promise<QueueOutlook> {
  const settings = await getSettings();
  let outsideHours = 0;
  let heldForOthers = 0;
  let read = 0;
  let opens: { at: Date; zone: string } | null = null;
  let heldUntil: Date | null = null;
  for await (const { candidate, client, heldBack } of dueItems(user, now, settings, 'outlook')) {
    if (++read > outlookCap) break;
    if (heldBack === 'outside_hours' && client?.timezone && isTimeZone(client.timezone)) {
      outsideHours += 1;
      const at = nextOpening(now, client.timezone, settings.callingHours);
      if (!opens || at < opens.at) opens = { at, zone: client.timezone };
    } else if (heldBack === 'held_for_other') {
      heldForOthers += 1;
      heldUntil = earlier(heldUntil, candidate.doc.call?.personalUntil ?? null);
    }
  }
  const [nextOrder, nextTask] = await Promise.all([nextOrderCallAfter(now), nextTaskCallAfter(now)]);
  const nextDueAt = earlier(nextOrder, nextTask);
  return {
    outsideHours: {
      count: outsideHours,
      more: read > outlookCap,
      opensAt: opens?.at.toISOString() ?? null,
      zone: opens?.zone ?? null,
    },
    heldForOthers: { count: heldForOthers, until: heldUntil?.toISOString() ?? null },
    nextDueAt: nextDueAt?.toISOString() ?? null,
  };
}
