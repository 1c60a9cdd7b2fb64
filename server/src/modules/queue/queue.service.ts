import { DateTime } from 'luxon';
import type { QueueItem, QueueReason, Settings } from '@callboard/shared';
import { canChangeTask, isTimeZone } from '@callboard/shared';
import { emitDomainEvent, type DomainEvents } from '../../lib/domain-events.js';
import type { SessionUser } from '@callboard/shared';
import { getSettings } from '../settings/index.js';
import { findClientDoc, findClientDocs, type ClientDoc } from '../clients/index.js';
import { toClientDtos } from '../clients/index.js';
import { toOrderDto } from '../orders/index.js';
import { findDueOrder, findDueOrders, findOrdersFallingDue, queueFields } from '../orders/index.js';
import type { OrderDoc } from '../orders/index.js';
import { findDueCallTask, findDueCallTasks, findTasksFallingDue, toTaskDtos } from '../tasks/index.js';
import type { TaskDoc } from '../tasks/index.js';
import { QueueClaimModel, type QueueClaimDoc } from './queue-claim.model.js';
import { insertOnce } from '../../db/duplicate-key.js';
import { QueueAnnouncementModel, QueueSweepModel } from './queue-announcement.model.js';

/** A due item as read with its page; `readAt` is when that read began (ms). */
type Candidate =
  | { kind: 'order'; key: string; dueAt: Date; clientId: string | null; doc: OrderDoc; readAt: number }
  | { kind: 'task'; key: string; dueAt: Date; clientId: string | null; doc: TaskDoc; readAt: number };

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

type PageRead<T> = { readAt: number; docs: T[] };

/**
 * Due-page reads for claims, by kind and page, shared while under way and for `claimReadReuseMs`
 * after. On FerretDB each read scans the orders (about half a second at 1,000) over the one
 * connection, so twenty managers claiming at once would queue twenty scans. A page read a moment
 * before is safe for a claim, which re-reads its item once it holds it (and passes over what
 * `settledAt` says changed since the read). Anything that can add to the queue other than time
 * passing drops the pages, and a claim reuses a page only for a `now` within that moment after
 * the page's own (tests move the clock).
 */
const claimReads = new Map<string, { now: number; doneAt: number | null; reading: Promise<PageRead<unknown>> }>();
const claimReadReuseMs = 2_000;

function readPage<T>(now: Date, shared: boolean, key: string, read: () => Promise<T[]>): Promise<PageRead<T>> {
  const readAt = Date.now();
  if (!shared) return read().then((docs) => ({ readAt, docs }));
  const recent = claimReads.get(key);
  const within = (since: number, at: number) => at >= since && at - since < claimReadReuseMs;
  if (recent && within(recent.now, now.getTime()) && (recent.doneAt === null || within(recent.doneAt, readAt)))
    return recent.reading as Promise<PageRead<T>>;
  const reading = read().then((docs) => ({ readAt, docs }));
  const entry = { now: now.getTime(), doneAt: null as number | null, reading };
  claimReads.set(key, entry);
  reading.then(
    () => (entry.doneAt = Date.now()),
    () => claimReads.get(key) === entry && claimReads.delete(key),
  );
  return reading;
}

/** Anything that adds to the queue, other than time passing, makes the shared due-page read stale. */
export const dropClaimReads = () => claimReads.clear();

export function onQueueChanged({ reason }: DomainEvents['queue.changed']): void {
  // A claim or a recorded call takes items out, which claims see for themselves.
  if (reason !== 'claimed' && reason !== 'call.recorded') dropClaimReads();
}

/**
 * When this process last saw each item stop being offerable (a call released it, or a claim found
 * it no longer due), so claims pass over it in pages read before that without a round trip.
 */
const settledAt = new Map<string, number>();
const settledKeepMs = 60_000;

function markSettled(key: string): void {
  const now = Date.now();
  for (const [k, at] of settledAt) if (at < now - settledKeepMs) settledAt.delete(k);
  settledAt.set(key, now);
}

const settledSince = (candidate: Candidate) => (settledAt.get(candidate.key) ?? -Infinity) >= candidate.readAt;

/**
 * Due orders (whole, or only what picking needs) and call tasks merged, longest waiting first;
 * for a claim, from the page reads it shares with simultaneous claims.
 */
async function* dueCandidates(now: Date, purpose: Purpose): AsyncGenerator<Candidate[]> {
  const shared = purpose === 'claim';
  const fields = purpose === 'list' ? undefined : queueFields;
  const orders = pages(async (skip) => {
    const { readAt, docs } = await readPage(now, shared, `order:${skip}`, () =>
      findDueOrders(now, skip, pageSize, fields),
    );
    return docs.map((doc) => ({
      kind: 'order',
      key: queueKey('order', String(doc._id)),
      dueAt: doc.call!.nextCallAt as Date,
      clientId: String(doc.clientId),
      doc,
      readAt,
    }));
  });
  const tasks = pages(async (skip) => {
    const { readAt, docs } = await readPage(now, shared, `task:${skip}`, () => findDueCallTasks(now, skip, pageSize));
    return docs.map((doc) => ({
      kind: 'task',
      key: queueKey('task', String(doc._id)),
      dueAt: doc.call!.nextCallAt as Date,
      clientId: doc.clientId ? String(doc.clientId) : null,
      doc,
      readAt,
    }));
  });
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
  const docs = await findClientDocs(unique);
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
 * not someone else's personal callback, with the claim on each if any. `consider` passes over
 * candidates before their client is read (a claim skips what is held without reading it).
 */
async function* offers(
  user: SessionUser,
  now: Date,
  settings: Settings,
  purpose: Purpose,
  consider: (candidate: Candidate, claim: QueueClaimDoc | undefined) => boolean = () => true,
): AsyncGenerator<Offer> {
  const clients = new Map<string, ClientDoc | undefined>();
  for await (const batch of dueCandidates(now, purpose)) {
    if (purpose !== 'claim')
      for (const [id, doc] of await loadClients(batch.flatMap((c) => (c.clientId ? [c.clientId] : []))))
        clients.set(id, doc);
    const claims = await activeClaims(
      batch.map((c) => c.key),
      now,
    );
    for (const candidate of batch) {
      if (!consider(candidate, claims.get(candidate.key))) continue;
      const id = candidate.clientId ?? '';
      if (id && !clients.has(id)) clients.set(id, (await findClientDoc(id)) ?? undefined);
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
  if (!fresh || heldForSomeoneElse(fresh.doc.call as CallState, user.id, now)) return null;
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
