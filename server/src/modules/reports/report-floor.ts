import { floorQueueLimit, type FloorManager, type FloorReport, type SessionUser } from '@callboard/shared';
import { zoneToday } from '../../lib/day-range.js';
import { getSettings } from '../settings/index.js';
import { listUsers } from '../users/index.js';
import { signedInUserIds } from '../sessions/index.js';
import { floorQueue, heldItems } from '../queue/index.js';
import { callOutcomesByUser } from '../calls/index.js';
import { callsAndReached } from './report-figures.js';

/**
 * GET /api/reports/floor: what is due now and who holds it, the staff on the floor (signed in,
 * holding an item, or with calls today) with what each holds and their calls today, and today's
 * totals; "today" on the call centre's clock.
 */
export async function reportFloor(viewer: SessionUser, now: Date): Promise<FloorReport> {
  const { timeZone } = await getSettings();
  const [queue, held, users, signedIn, today] = await Promise.all([
    floorQueue(viewer, now, floorQueueLimit),
    heldItems(now),
    listUsers(),
    signedInUserIds(now),
    callOutcomesByUser(zoneToday(now, timeZone)),
  ]);
  // The oldest hold of each: the card they are on (a newer one is the next card, claimed ahead).
  const holding = new Map<string, (typeof held)[number]>();
  for (const claim of held) if (!holding.has(claim.userId)) holding.set(claim.userId, claim);
  const totals = { due: queue.due, held: held.length, callsToday: 0, reachedToday: 0 };
  for (const outcomes of today.values()) {
    const { calls, reached } = callsAndReached(outcomes);
    totals.callsToday += calls;
    totals.reachedToday += reached;
  }
  const managers: FloorManager[] = [];
  for (const user of users) {
    const hold = holding.get(user.id);
    const { calls } = callsAndReached(today.get(user.id) ?? {});
    const on = !user.disabled && signedIn.has(user.id);
    if (!on && !hold && calls === 0) continue;
    managers.push({
      id: user.id,
      name: user.name,
      signedIn: on,
      ...(hold ? { holding: { itemId: hold.itemId, kind: hold.kind, since: hold.since.toISOString() } } : {}),
      callsToday: calls,
    });
  }
  return { queue: queue.items, managers, totals };
}
