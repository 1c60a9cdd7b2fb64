import { DateTime } from 'luxon';
import { isTimeZone, type FloorQueueItem, type SessionUser } from '@callboard/shared';
import { getSettings } from '../settings/index.js';
import { orderNumbers } from '../orders/index.js';
import type { TaskDoc } from '../tasks/index.js';
import { QueueClaimModel, type QueueClaimDoc } from './queue-claim.model.js';
import { dueItems, type Offer } from './queue-reads.js';
import { describeWhy } from './queue-list.js';

/** Who holds what now: every live claim, oldest first. */
export async function heldItems(
  now: Date,
): Promise<{ itemId: string; kind: 'order' | 'task'; userId: string; userName: string; since: Date }[]> {
  const docs = await QueueClaimModel.find({ expiresAt: { $gt: now } })
    .sort({ claimedAt: 1 })
    .lean<QueueClaimDoc[]>();
  return docs.map((d) => {
    const [kind, itemId] = d._id.split(':') as ['order' | 'task', string];
    return { itemId, kind, userId: d.userId, userName: d.userName, since: d.claimedAt };
  });
}

const orderIdOf = ({ candidate }: Offer) =>
  candidate.kind === 'order'
    ? String(candidate.doc._id)
    : (candidate.doc as TaskDoc).orderId
      ? String((candidate.doc as TaskDoc).orderId)
      : null;

/**
 * The live floor's queue: every item due now, whoever may take it and whether or not its client's
 * calling hours are open, longest waiting first; the first `limit` described, all of them counted.
 * Read with only the fields the queue picks by, like a count.
 */
export async function floorQueue(
  viewer: SessionUser,
  now: Date,
  limit: number,
): Promise<{ items: FloorQueueItem[]; due: number }> {
  const settings = await getSettings();
  const shown: (Offer & { outsideHours: boolean })[] = [];
  let due = 0;
  for await (const { heldBack, ...offer } of dueItems(viewer, now, settings, 'count')) {
    due += 1;
    if (shown.length < limit) shown.push({ ...offer, outsideHours: heldBack === 'outside_hours' });
  }
  const numbers = await orderNumbers(shown.flatMap((o) => orderIdOf(o) ?? []));
  const items = shown.map((offer): FloorQueueItem => {
    const { candidate, client, claim } = offer;
    const zone = client?.timezone && isTimeZone(client.timezone) ? client.timezone : null;
    const orderId = orderIdOf(offer);
    const { reason, why } = describeWhy(candidate, viewer.timezone ?? settings.timeZone);
    return {
      itemId: String(candidate.doc._id),
      kind: candidate.kind,
      orderId,
      orderNumber: orderId ? (numbers.get(orderId) ?? null) : null,
      clientName: client?.name ?? '',
      reason,
      why,
      dueAt: candidate.dueAt.toISOString(),
      waitingSince: (candidate.doc.call?.lastCallAt ?? candidate.dueAt).toISOString(),
      clientTimeZone: zone,
      clientLocalTime: zone ? DateTime.fromJSDate(now, { zone }).toFormat('HH:mm') : null,
      outsideCallingHours: offer.outsideHours,
      ...(claim ? { heldBy: { id: claim.userId, name: claim.userName, since: claim.claimedAt.toISOString() } } : {}),
    };
  });
  return { items, due };
}
