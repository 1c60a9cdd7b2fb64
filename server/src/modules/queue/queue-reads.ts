import type { Settings } from '@callboard/shared';
import { isTimeZone, isWithinCallingHours } from '@callboard/shared';
import type { DomainEvents } from '../../lib/domain-events.js';
import type { SessionUser } from '@callboard/shared';
import { heldForSomeoneElse } from '../call-state/index.js';
import { findClientDoc, findClientDocs, hasCallablePhone, pickingFields, type ClientDoc } from '../clients/index.js';
import { findDueOrders, queueFields, type OrderDoc } from '../orders/index.js';
import { findDueCallTasks, type TaskDoc } from '../tasks/index.js';
import { QueueClaimModel, type QueueClaimDoc } from './queue-claim.model.js';

/**
 * The queue's reads: due orders and call tasks merged into one line, longest waiting first, and
 * what of it a manager may take now (the offers). Listing, counting and claiming all read here.
 */

/** A due item as read with its page; `readAt` is when that read began (ms). */
export type Candidate =
  | { kind: 'order'; key: string; dueAt: Date; clientId: string | null; doc: OrderDoc; readAt: number }
  | { kind: 'task'; key: string; dueAt: Date; clientId: string | null; doc: TaskDoc; readAt: number };

export type Offer = { candidate: Candidate; client: ClientDoc | undefined; claim: QueueClaimDoc | null };

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

export function markSettled(key: string): void {
  const now = Date.now();
  for (const [k, at] of settledAt) if (at < now - settledKeepMs) settledAt.delete(k);
  settledAt.set(key, now);
}

export const settledSince = (candidate: Candidate) => (settledAt.get(candidate.key) ?? -Infinity) >= candidate.readAt;

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

/**
 * Answers per zone for one minute and hours: a read of the queue asks for each due client, of a few
 * zones. The answer compares the wall clock's HH:mm, which changes only with the minute.
 */
let hoursAnswers = { key: '', byZone: new Map<string, boolean>() };

/** The client's wall clock is inside the calling hours; an unknown zone never holds a call back. */
function withinCallingHours(now: Date, zone: string | null | undefined, hours: Settings['callingHours']): boolean {
  if (!zone || !isTimeZone(zone)) return true;
  const key = `${Math.floor(now.getTime() / 60_000)} ${hours.start} ${hours.end}`;
  if (hoursAnswers.key !== key) hoursAnswers = { key, byZone: new Map() };
  let within = hoursAnswers.byZone.get(zone);
  if (within === undefined) {
    within = isWithinCallingHours(now, zone, hours);
    hoursAnswers.byZone.set(zone, within);
  }
  return within;
}

async function loadClients(ids: string[], purpose: Purpose): Promise<Map<string, ClientDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // A list shows its clients; a count and an outlook only pick.
  const docs = await findClientDocs(unique, purpose === 'list' ? undefined : pickingFields);
  return new Map(docs.map((d) => [String(d._id), d]));
}

/** Every live claim, by item key: a few per manager at most, so one read serves a whole pass over the queue. */
async function activeClaims(now: Date): Promise<Map<string, QueueClaimDoc>> {
  const docs = await QueueClaimModel.find({ expiresAt: { $gt: now } }).lean<QueueClaimDoc[]>();
  return new Map(docs.map((d) => [d._id, d]));
}

/**
 * Why a due item is not this user's to take now: outside the client's calling hours, someone
 * else's callback, or a client with no callable phone (orders are taken out of the queue when
 * that happens; this catches an item that became due meanwhile, and call tasks).
 */
export type HoldBack = 'outside_hours' | 'held_for_other' | 'no_phone';

export function holdBack(
  candidate: Candidate,
  client: ClientDoc | undefined,
  user: SessionUser,
  now: Date,
  settings: Settings,
): HoldBack | null {
  if (!withinCallingHours(now, client?.timezone, settings.callingHours)) return 'outside_hours';
  if (heldForSomeoneElse(candidate.doc.call, user.id, now)) return 'held_for_other';
  if (client && !hasCallablePhone(client)) return 'no_phone';
  return null;
}

/**
 * What a read of the queue is for. A list shows its items, so it reads whole orders; a count, a
 * claim and an outlook (why nothing is offered) only pick, and a claim usually takes the first
 * candidate, so it reads that one's client alone rather than the page's (which FerretDB answers
 * with a scan).
 */
type Purpose = 'list' | 'count' | 'claim' | 'outlook';

/**
 * Every due item, longest waiting first, with its client, the claim on it if any, and what holds it
 * back from this user (null: theirs to take). `consider` passes over candidates before their client
 * is read (a claim skips what is held without reading it).
 */
export async function* dueItems(
  user: SessionUser,
  now: Date,
  settings: Settings,
  purpose: Purpose,
  consider: (candidate: Candidate, claim: QueueClaimDoc | undefined) => boolean = () => true,
): AsyncGenerator<Offer & { heldBack: HoldBack | null }> {
  const clients = new Map<string, ClientDoc | undefined>();
  let claims: Map<string, QueueClaimDoc> | null = null;
  for await (const batch of dueCandidates(now, purpose)) {
    if (purpose !== 'claim')
      for (const [id, doc] of await loadClients(
        batch.flatMap((c) => (c.clientId ? [c.clientId] : [])),
        purpose,
      ))
        clients.set(id, doc);
    claims ??= await activeClaims(now);
    for (const candidate of batch) {
      if (!consider(candidate, claims.get(candidate.key))) continue;
      const id = candidate.clientId ?? '';
      if (id && !clients.has(id)) clients.set(id, (await findClientDoc(id)) ?? undefined);
      const client = clients.get(id);
      const heldBack = holdBack(candidate, client, user, now, settings);
      yield { candidate, client, claim: claims.get(candidate.key) ?? null, heldBack };
    }
  }
}

/**
 * What this user may take now, longest waiting first: due, inside the client's calling hours,
 * not someone else's personal callback, with the claim on each if any.
 */
export async function* offers(
  user: SessionUser,
  now: Date,
  settings: Settings,
  purpose: Exclude<Purpose, 'outlook'>,
  consider?: (candidate: Candidate, claim: QueueClaimDoc | undefined) => boolean,
): AsyncGenerator<Offer> {
  for await (const { heldBack, ...offer } of dueItems(user, now, settings, purpose, consider))
    if (heldBack === null) yield offer;
}
