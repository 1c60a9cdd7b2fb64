import { DateTime } from 'luxon';
import type { QueueItem, QueueReason } from '@callboard/shared';
import { isTimeZone } from '@callboard/shared';
import type { SessionUser } from '@callboard/shared';
import { getSettings } from '../settings/index.js';
import { toClientDtos } from '../clients/index.js';
import { toOrderDto } from '../orders/index.js';
import { toTaskDtos, type TaskDoc } from '../tasks/index.js';
import { offers, type Candidate, type Offer } from './queue-reads.js';

function formatTime(date: Date, zone: string | null): string {
  const dt = DateTime.fromJSDate(date, { zone: zone && isTimeZone(zone) ? zone : 'UTC' });
  return dt.toFormat('HH:mm');
}

const timesWord = (n: number) => (n === 2 ? 'twice' : `${n} times`);

export function describeWhy(candidate: Candidate, zone: string | null): { reason: string; why: QueueReason } {
  const call = candidate.doc.call!;
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

export async function toQueueItems(entries: Offer[], user: SessionUser): Promise<QueueItem[]> {
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
    const call = candidate.doc.call!;
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
