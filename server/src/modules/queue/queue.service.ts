import { DateTime } from 'luxon';
import type { QueueItem, QueueReason, Settings } from '@callboard/shared';
import { isTimeZone } from '@callboard/shared';
import { emitDomainEvent } from '../../lib/domain-events.js';
import type { SessionUser } from '../../http/auth.js';
import { getSettings } from '../settings/settings.service.js';
import { ClientModel, type ClientDoc } from '../clients/client.model.js';
import { toClientDtos } from '../clients/client.service.js';
import { findOrderDoc, toOrderDto } from '../orders/order.service.js';
import { findDueOrders, findOrdersFallingDue, queueFields } from '../orders/order-queue.js';
import type { OrderDoc } from '../orders/order.model.js';
import { findDueCallTasks, findTasksFallingDue, toTaskDtos } from '../tasks/task.service.js';
import type { TaskDoc } from '../tasks/task.model.js';
import { QueueClaimModel, type QueueClaimDoc } from './queue-claim.model.js';
import { insertOnce, isDuplicateKeyError } from '../../db/duplicate-key.js';
import { QueueAnnouncementModel, QueueSweepModel } from './queue-announcement.model.js';

type Candidate =
  | { kind: 'order'; key: string; dueAt: Date; clientId: string | null; doc: OrderDoc }
  | { kind: 'task'; key: string; dueAt: Date; clientId: string | null; doc: TaskDoc };

type CallState = NonNullable<OrderDoc['call']>;

type Offer = { candidate: Candidate; client: ClientDoc | undefined; claim: QueueClaimDoc | null };

export const queueKey = (kind: 'order' | 'task', id: string) => `${kind}:${id}`;

const pageSize = 100;

/** One kind's due items as candidates, read a page at a time so a long queue is never loaded whole. */
function pages(read: (skip: number) => Promise<Candidate[]>) {
  let skip = 0;
  return {
    items: [] as Candidate[],
    done: false,
    async refill() {
      if (this.done || this.items.length > 0) return;
      this.items = await read(skip);
      skip += this.items.length;
      this.done = this.items.length < pageSize;
    },
  };
}

/** Due orders (whole, or only what picking needs) and call tasks merged, longest waiting first. */
async function* dueCandidates(now: Date, wholeOrders: boolean): AsyncGenerator<Candidate[]> {
  const orders = pages(async (skip) =>
    (await findDueOrders(now, skip, pageSize, wholeOrders ? undefined : queueFields)).map((doc) => ({
      kind: 'order',
      key: queueKey('order', String(doc._id)),
      dueAt: doc.call!.nextCallAt as Date,
      clientId: String(doc.clientId),
      doc,
    })),
  );
  const tasks = pages(async (skip) =>
    (await findDueCallTasks(now, skip, pageSize)).map((doc) => ({
      kind: 'task',
      key: queueKey('task', String(doc._id)),
      dueAt: doc.call!.nextCallAt as Date,
      clientId: doc.clientId ? String(doc.clientId) : null,
      doc,
    })),
  );
  for (;;) {
    await orders.refill();
    await tasks.refill();
    if (orders.items.length === 0 && tasks.items.length === 0) return;
    // Merge until one side's page runs out (it is refilled before merging further).
    const batch: Candidate[] = [];
    while (orders.items.length > 0 && tasks.items.length > 0) {
      batch.push((orders.items[0]!.dueAt <= tasks.items[0]!.dueAt ? orders : tasks).items.shift()!);
    }
    if (orders.items.length === 0 && orders.done) batch.push(...tasks.items.splice(0));
    if (tasks.items.length === 0 && tasks.done) batch.push(...orders.items.splice(0));
    if (batch.length > 0) yield batch;
  }
}

/** The client's wall clock is inside the calling hours; an unknown zone never holds a call back. */
export function withinCallingHours(
  now: Date,
  zone: string | null | undefined,
  hours: Settings['callingHours'],
): boolean {
  if (!zone || !isTimeZone(zone)) return true;
  const local = DateTime.fromJSDate(now, { zone }).toFormat('HH:mm');
  return local >= hours.start && local < hours.end;
}

function heldForSomeoneElse(call: CallState, userId: string, now: Date): boolean {
  return !!call.personalFor && String(call.personalFor) !== userId && !!call.personalUntil && call.personalUntil > now;
}

function formatTime(date: Date, zone: string | null): string {
  const dt = DateTime.fromJSDate(date, { zone: zone && isTimeZone(zone) ? zone : 'UTC' });
  return dt.toFormat('HH:mm');
}

const timesWord = (n: number) => (n === 2 ? 'twice' : `${n} times`);

export function describeWhy(candidate: Candidate, zone: string | null): { reason: string; why: QueueReason } {
  const call = candidate.doc.call as CallState;
  const lastCallAt = call.lastCallAt ? call.lastCallAt.toISOString() : null;
  const last = call.lastCallAt ? `, last call ${formatTime(call.lastCallAt, zone)}` : '';
  const streak = call.notReachedStreak ?? 0;
  if (call.lastOutcome === 'not_reached') {
    const count = streak > 1 ? ` ${timesWord(streak)}` : '';
    return { reason: `Not reached${count}${last}`, why: { kind: 'not_reached', streak, lastCallAt } };
  }
  if (call.lastOutcome === 'callback' || call.lastOutcome === 'completed') {
    return {
      reason: `Asked to be called back at ${formatTime(candidate.dueAt, zone)}`,
      why: { kind: 'callback', streak: 0, lastCallAt },
    };
  }
  if (call.lastOutcome === 'invalid_contact') {
    return {
      reason: `Phone fixed after an invalid number${last}`,
      why: { kind: 'phone_fixed', streak: 0, lastCallAt },
    };
  }
  if (candidate.kind === 'task') {
    return { reason: `Call task: ${(candidate.doc as TaskDoc).title}`, why: { kind: 'task', streak, lastCallAt } };
  }
  return { reason: 'New order, not called yet', why: { kind: 'new', streak: 0, lastCallAt } };
}

async function loadClients(ids: string[]): Promise<Map<string, ClientDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const docs = await ClientModel.find({ _id: { $in: unique } }).lean<ClientDoc[]>();
  return new Map(docs.map((d) => [String(d._id), d]));
}

async function activeClaims(keys: string[], now: Date): Promise<Map<string, QueueClaimDoc>> {
  const docs = await QueueClaimModel.find({ _id: { $in: keys }, expiresAt: { $gt: now } }).lean<QueueClaimDoc[]>();
  return new Map(docs.map((d) => [d._id, d]));
}

async function toQueueItems(entries: Offer[], user: SessionUser): Promise<QueueItem[]> {
  const clientDocs = [
    ...new Map(entries.flatMap((e) => (e.client ? [[String(e.client._id), e.client]] : []))).values(),
  ];
  const clientDtos = new Map((await toClientDtos(clientDocs)).map((c) => [c.id, c]));
  const taskDtos = new Map(
    (await toTaskDtos(entries.flatMap((e) => (e.candidate.kind === 'task' ? [e.candidate.doc] : [])))).map((t) => [
      t.id,
      t,
    ]),
  );
  const items: QueueItem[] = [];
  for (const { candidate, claim } of entries) {
    const client = candidate.clientId ? (clientDtos.get(candidate.clientId) ?? null) : null;
    const zone = user.timezone ?? client?.timezone ?? null;
    const call = candidate.doc.call as CallState;
    items.push({
      kind: candidate.kind,
      ...(candidate.kind === 'order'
        ? { order: await toOrderDto(candidate.doc) }
        : { task: taskDtos.get(String(candidate.doc._id)) }),
      client,
      dueAt: candidate.dueAt.toISOString(),
      claimedBy: claim ? { id: claim.userId, name: claim.userName } : null,
      personalFor: call.personalFor ? String(call.personalFor) : null,
      ...describeWhy(candidate, zone),
    });
  }
  return items;
}

/** Offerable to this user now: due, inside the client's calling hours, not someone else's personal callback. */
function offerable(
  candidate: Candidate,
  client: ClientDoc | undefined,
  user: SessionUser,
  now: Date,
  settings: Settings,
): boolean {
  return (
    withinCallingHours(now, client?.timezone, settings.callingHours) &&
    !heldForSomeoneElse(candidate.doc.call as CallState, user.id, now)
  );
}

/**
 * What a read of the queue is for. A list shows its items, so it reads whole orders; a count and a
 * claim only pick, and a claim usually takes the first candidate, so it reads that one's client
 * alone rather than the page's (which FerretDB answers with a scan).
 */
type Purpose = 'list' | 'count' | 'claim';

/**
 * What this user may take now, longest waiting first: due, inside the client's calling hours,
 * not someone else's personal callback, with the claim on each if any.
 */
async function* offers(user: SessionUser, now: Date, settings: Settings, purpose: Purpose): AsyncGenerator<Offer> {
  const clients = new Map<string, ClientDoc | undefined>();
  for await (const batch of dueCandidates(now, purpose === 'list')) {
    if (purpose !== 'claim')
      for (const [id, doc] of await loadClients(batch.flatMap((c) => (c.clientId ? [c.clientId] : []))))
        clients.set(id, doc);
    const claims = await activeClaims(
      batch.map((c) => c.key),
      now,
    );
    for (const candidate of batch) {
      const id = candidate.clientId ?? '';
      if (id && !clients.has(id)) clients.set(id, (await ClientModel.findById(id).lean<ClientDoc>()) ?? undefined);
      const client = clients.get(id);
      if (offerable(candidate, client, user, now, settings))
        yield { candidate, client, claim: claims.get(candidate.key) ?? null };
    }
  }
}

/** GET /api/queue: what this manager could call now, with who holds each item. */
export async function listQueue(user: SessionUser, now: Date, limit: number): Promise<QueueItem[]> {
  const out: Offer[] = [];
  for await (const offer of offers(user, now, await getSettings(), 'list')) {
    out.push(offer);
    if (out.length >= limit) break;
  }
  return toQueueItems(out, user);
}

/** GET /api/queue/count: how many items this manager could call now, counted up to `cap`. */
export async function countQueue(user: SessionUser, now: Date, cap: number): Promise<{ due: number; more: boolean }> {
  let due = 0;
  for await (const _offer of offers(user, now, await getSettings(), 'count')) {
    if (due === cap) return { due, more: true };
    due += 1;
  }
  return { due, more: false };
}

/**
 * Inserts the claim; the unique key on the item makes exactly one of several simultaneous
 * claimers win. An expired claim is removed first (conditionally, so a fresh one is never).
 * A manager re-claiming what they already hold keeps it.
 */
async function tryClaim(key: string, user: SessionUser, now: Date, minutes: number): Promise<QueueClaimDoc | null> {
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await QueueClaimModel.deleteOne({ _id: key, expiresAt: { $lte: now } });
  const claim: QueueClaimDoc = { _id: key, userId: user.id, userName: user.name, claimedAt: now, expiresAt };
  try {
    await QueueClaimModel.create(claim);
    return claim;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const renewed = await QueueClaimModel.findOneAndUpdate(
      { _id: key, userId: user.id },
      { $set: { expiresAt } },
      { returnDocument: 'after' },
    ).lean<QueueClaimDoc>();
    return renewed;
  }
}

/**
 * POST /api/queue/claim: the longest-waiting item nobody else holds, now held by this manager;
 * `except` passes over items the manager is still finishing (they already hold those).
 */
export async function claimNextQueueItem(
  user: SessionUser,
  now: Date,
  except: string[] = [],
): Promise<QueueItem | null> {
  const settings = await getSettings();
  const skip = new Set(except);
  for await (const offer of offers(user, now, settings, 'claim')) {
    const { candidate } = offer;
    if (skip.has(String(candidate.doc._id)) || (offer.claim && offer.claim.userId !== user.id)) continue;
    const claim = await tryClaim(candidate.key, user, now, settings.claimMinutes);
    if (!claim) continue;
    if (candidate.kind === 'order') {
      // Picked from the slim read; deleted since, it is passed over.
      const whole = await findOrderDoc(String(candidate.doc._id));
      if (!whole) {
        await releaseClaim(candidate.key, user.id);
        continue;
      }
      candidate.doc = whole;
    }
    await emitDomainEvent('queue.changed', {
      reason: 'claimed',
      ...(candidate.kind === 'order' ? { orderId: String(candidate.doc._id) } : { taskId: String(candidate.doc._id) }),
    });
    const [item] = await toQueueItems([{ ...offer, claim }], user);
    return item ?? null;
  }
  return null;
}

/** A recorded call ends the caller's hold on the item. */
export async function releaseClaim(key: string, userId: string): Promise<void> {
  await QueueClaimModel.deleteOne({ _id: key, userId });
}

/** The expire-claims sweep: expired holds go, so the items show as free again. */
export async function expireClaims(now: Date): Promise<number> {
  const res = await QueueClaimModel.deleteMany({ expiresAt: { $lte: now } });
  if (res.deletedCount > 0) await emitDomainEvent('queue.changed', { reason: 'claims.expired' });
  return res.deletedCount;
}

/**
 * The sweep looks back this far behind where it stopped: a write committed while the previous
 * run was reading is still seen. The announcement keys make the overlap harmless.
 */
const sweepOverlapMs = 60_000;
/** Announcements are only needed while workbenches may still hear them. */
const announcementKeepMs = 24 * 3600_000;

/**
 * The resurfacing sweep: each order or call task whose due time has come is announced once, with
 * no write to the item itself. It reads the due times since its last run (one query), and each
 * announcement is an insert keyed by item and due time, so a repeated, overlapping or concurrent
 * run announces nothing twice, and a reschedule (a new due time) is announced again.
 */
export async function announceDueItems(now: Date): Promise<number> {
  const mark = await QueueSweepModel.findById('resurface').lean<{ until: Date }>();
  // A clock set back (tests; a corrected server clock) must not hide what is due at the new now.
  const from = new Date(Math.min(mark?.until.getTime() ?? Infinity, now.getTime()) - sweepOverlapMs);
  const due = [
    ...(await findOrdersFallingDue(from, now)).map((o) => ({
      kind: 'order' as const,
      id: String(o._id),
      dueAt: o.dueAt,
    })),
    ...(await findTasksFallingDue(from, now)).map((t) => ({
      kind: 'task' as const,
      id: String(t._id),
      dueAt: t.dueAt,
    })),
  ];
  let announced = 0;
  for (const item of due) {
    const key = `${queueKey(item.kind, item.id)}@${item.dueAt.getTime()}`;
    if (!(await insertOnce(() => QueueAnnouncementModel.create({ _id: key, at: now })))) continue;
    announced += 1;
    await emitDomainEvent('queue.changed', {
      reason: 'due',
      ...(item.kind === 'order' ? { orderId: item.id } : { taskId: item.id }),
    });
  }
  await QueueSweepModel.updateOne({ _id: 'resurface' }, { $max: { until: now } }, { upsert: true });
  await QueueAnnouncementModel.deleteMany({ at: { $lt: new Date(now.getTime() - announcementKeepMs) } });
  return announced;
}
