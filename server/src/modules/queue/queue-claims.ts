import type { QueueItem } from '@callboard/shared';
import { canChangeTask } from '@callboard/shared';
import { emitDomainEvent } from '../../lib/domain-events.js';
import type { SessionUser } from '@callboard/shared';
import { insertOnce } from '../../db/duplicate-key.js';
import { heldForSomeoneElse } from '../call-state/index.js';
import { getSettings } from '../settings/index.js';
import { findDueOrder } from '../orders/index.js';
import { findDueCallTask } from '../tasks/index.js';
import { QueueClaimModel, type QueueClaimDoc } from './queue-claim.model.js';
import { markSettled, offers, queueKey, settledSince, type Candidate } from './queue-reads.js';
import { toQueueItems } from './queue-list.js';

/**
 * Takes the claim; the unique key on the item makes exactly one of several simultaneous claimers
 * win. `held` is the claim on the item as read with the page: a manager re-claiming what they
 * hold keeps it. A claim that expired but is not swept yet gives way (conditionally, so a fresh
 * one never does).
 */
async function tryClaim(
  key: string,
  held: QueueClaimDoc | null,
  user: SessionUser,
  now: Date,
  minutes: number,
): Promise<QueueClaimDoc | null> {
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  if (held?.userId === user.id)
    return QueueClaimModel.findOneAndUpdate(
      { _id: key, userId: user.id },
      { $set: { expiresAt } },
      { returnDocument: 'after' },
    ).lean<QueueClaimDoc>();
  const claim: QueueClaimDoc = { _id: key, userId: user.id, userName: user.name, claimedAt: now, expiresAt };
  const insert = () => insertOnce(() => QueueClaimModel.create(claim));
  if (await insert()) return claim;
  const expired = await QueueClaimModel.deleteOne({ _id: key, expiresAt: { $lte: now } });
  return expired.deletedCount === 1 && (await insert()) ? claim : null;
}

/**
 * The item, read again by _id now that this manager holds it, if it is still theirs to call: the
 * page it was picked from may predate a call recorded since. A recorded call writes the item's
 * call state before it releases its claim, so a claim that got in after the release sees that
 * state here and lets go.
 */
async function stillOffered(candidate: Candidate, user: SessionUser, now: Date): Promise<Candidate | null> {
  const id = String(candidate.doc._id);
  const fresh: Candidate | null =
    candidate.kind === 'order'
      ? await findDueOrder(id, now).then((doc) => doc && { ...candidate, doc })
      : await findDueCallTask(id, now).then((doc) => doc && { ...candidate, doc });
  if (!fresh || heldForSomeoneElse(fresh.doc.call, user.id, now)) return null;
  return { ...fresh, dueAt: fresh.doc.call!.nextCallAt as Date };
}

/** Everyone sees the team's call tasks in the queue, but only their assignee (or anyone, if unassigned) takes one. */
function mayCall(candidate: Candidate, user: SessionUser): boolean {
  if (candidate.kind === 'order') return true;
  const assigneeId = candidate.doc.assigneeId ? String(candidate.doc.assigneeId) : null;
  return canChangeTask({ assigneeId }, user);
}

/**
 * Keys a claim in this process is taking right now. Simultaneous claimers read the same first
 * candidates; passing over each other's here spares them a failed insert each, and on FerretDB
 * (one process) they never collide. Across processes the unique claim key still decides.
 */
const beingClaimed = new Set<string>();

/**
 * POST /api/queue/claim: the longest-waiting item nobody else holds, now held by this manager;
 * `except` passes over items the manager is still finishing (they already hold those). An item is
 * handed out only if it is still due once the claim is taken.
 */
export async function claimNextQueueItem(
  user: SessionUser,
  now: Date,
  except: string[] = [],
): Promise<QueueItem | null> {
  const settings = await getSettings();
  const skip = new Set(except);
  const consider = (candidate: Candidate, claim: QueueClaimDoc | undefined) =>
    !skip.has(String(candidate.doc._id)) &&
    mayCall(candidate, user) &&
    !beingClaimed.has(candidate.key) &&
    !settledSince(candidate) &&
    (!claim || claim.userId === user.id);
  for await (const offer of offers(user, now, settings, 'claim', consider)) {
    const { key } = offer.candidate;
    if (beingClaimed.has(key)) continue;
    beingClaimed.add(key);
    let claimed: { claim: QueueClaimDoc; candidate: Candidate } | null = null;
    try {
      const claim = await tryClaim(key, offer.claim, user, now, settings.claimMinutes);
      const candidate = claim && (await stillOffered(offer.candidate, user, now));
      if (claim && candidate) claimed = { claim, candidate };
      else if (claim) await releaseClaim(key, user.id);
    } finally {
      beingClaimed.delete(key);
    }
    if (!claimed) continue;
    const { candidate, claim } = claimed;
    await emitDomainEvent('queue.changed', {
      reason: 'claimed',
      ...(candidate.kind === 'order' ? { orderId: String(candidate.doc._id) } : { taskId: String(candidate.doc._id) }),
    });
    const [item] = await toQueueItems([{ ...offer, candidate, claim }], user);
    return item ?? null;
  }
  return null;
}

/** A recorded call (written first) ends the caller's hold on the item. */
export async function releaseClaim(key: string, userId: string): Promise<void> {
  markSettled(key);
  await QueueClaimModel.deleteOne({ _id: key, userId });
}

/**
 * An admin lets go of someone's hold on an item (a call left open): the claim goes, so the next
 * claim offers the item to anyone at once, and open workbenches hear of it. False when nobody
 * holds it.
 */
export async function releaseHeldItem(itemId: string, now: Date): Promise<boolean> {
  const keys = [queueKey('order', itemId), queueKey('task', itemId)];
  const held = await QueueClaimModel.find({ _id: { $in: keys }, expiresAt: { $gt: now } }).lean<QueueClaimDoc[]>();
  for (const claim of held) {
    const { deletedCount } = await QueueClaimModel.deleteOne({ _id: claim._id, userId: claim.userId });
    if (deletedCount === 0) continue;
    await emitDomainEvent('queue.changed', {
      reason: 'released',
      ...(claim._id.startsWith('order:') ? { orderId: itemId } : { taskId: itemId }),
    });
    return true;
  }
  return false;
}

/** The expire-claims sweep: expired holds go, so the items show as free again. */
export async function expireClaims(now: Date): Promise<number> {
  const res = await QueueClaimModel.deleteMany({ expiresAt: { $lte: now } });
  if (res.deletedCount > 0) await emitDomainEvent('queue.changed', { reason: 'claims.expired' });
  return res.deletedCount;
}
