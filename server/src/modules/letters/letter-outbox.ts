import mongoose from 'mongoose';
import type { Actor, Letter, LetterKind, LetterListQuery, LetterStatus, Page, TimelineItem } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { isDuplicateKeyError } from '../../db/duplicate-key.js';
import { toActor } from '../../db/actor.js';
import { iso } from '../../db/dates.js';
import { LetterModel, letterMirror, type LetterDoc } from './letter.model.js';
import type { PreparedLetter } from './letter-compose.js';

export type EnqueueOptions = {
  kind: LetterKind;
  callId?: string;
  /** Extra recipients of the same message (the manager's copy). */
  copyTo?: string[];
  /** Makes the letter "only once": a second enqueue with the key returns the first letter. */
  dedupeKey?: string;
  actor: Actor;
};

function toLetter(doc: LetterDoc): Letter {
  return {
    id: String(doc._id),
    orderId: doc.orderId ? String(doc.orderId) : null,
    kind: doc.kind as LetterKind,
    to: doc.to ?? '',
    cc: doc.cc ?? [],
    subject: doc.subject,
    html: doc.html ?? '',
    text: doc.text ?? '',
    status: doc.status as LetterStatus,
    attempts: doc.attempts ?? 0,
    error: doc.lastError ?? null,
    nextAttemptAt: iso(doc.nextAttemptAt),
    createdAt: doc.createdAt.toISOString(),
    sentAt: iso(doc.sentAt),
    by: toActor(doc.actor),
  };
}

/** Tells the workbenches (SSE) that a letter was queued or its delivery moved on. */
export async function announce(doc: Pick<LetterDoc, '_id' | 'orderId' | 'status'>): Promise<void> {
  await emitDomainEvent('letter.changed', {
    letterId: String(doc._id),
    orderId: doc.orderId ? String(doc.orderId) : null,
    status: doc.status,
  });
}

async function insertLetter(fields: Record<string, unknown> & { dedupeKey?: string }): Promise<Letter> {
  const _id = new mongoose.Types.ObjectId();
  const dedupeKey = fields.dedupeKey ?? `letter:${String(_id)}`;
  try {
    const doc = await LetterModel.create({ ...fields, _id, dedupeKey });
    const letter = doc.toObject() as unknown as LetterDoc;
    await announce(letter);
    return toLetter(letter);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const existing = await LetterModel.findOne({ dedupeKey }).lean<LetterDoc>();
    if (!existing) throw err;
    return toLetter(existing);
  }
}

/** Puts a prepared letter in the outbox; the delivery sweep sends it. */
export async function enqueueLetter(prepared: PreparedLetter, opts: EnqueueOptions): Promise<Letter> {
  const cc = [...new Set((opts.copyTo ?? []).map((a) => a.trim().toLowerCase()))].filter((a) => a && a !== prepared.to);
  return insertLetter({
    orderId: prepared.orderId,
    clientId: prepared.clientId,
    kind: opts.kind,
    to: prepared.to,
    cc,
    subject: prepared.subject,
    html: prepared.html,
    text: prepared.text,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: clock.now(),
    callId: opts.callId ?? null,
    dedupeKey: opts.dedupeKey,
    actor: opts.actor,
  });
}

/** A letter that could not even be queued, kept as `failed` so the timeline says why. */
export async function recordUnsentLetter(
  orderId: string,
  fields: { kind: LetterKind; subject: string; reason: string; dedupeKey?: string; actor: Actor },
): Promise<Letter> {
  return insertLetter({
    orderId,
    kind: fields.kind,
    subject: fields.subject,
    status: 'failed',
    lastError: fields.reason,
    dedupeKey: fields.dedupeKey,
    actor: fields.actor,
  });
}

/** Which of these "only once" keys already have a letter. */
export async function usedDedupeKeys(keys: string[]): Promise<Set<string>> {
  const docs = await LetterModel.find({ dedupeKey: { $in: keys } }, { dedupeKey: 1 }).lean<{ dedupeKey: string }[]>();
  return new Set(docs.map((l) => l.dedupeKey));
}

export async function listLetters(query: LetterListQuery): Promise<Page<Letter>> {
  const filter = query.orderId ? { orderId: new mongoose.Types.ObjectId(query.orderId) } : {};
  const [docs, total] = await Promise.all([
    LetterModel.find(filter)
      .sort({ createdAt: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<LetterDoc[]>(),
    LetterModel.countDocuments(filter),
  ]);
  return { items: docs.map(toLetter), total, page: query.page, limit: query.limit };
}

/** The order timeline's letters. */
export async function letterTimeline(orderId: string): Promise<TimelineItem[]> {
  if (!mongoose.isValidObjectId(orderId)) return [];
  const docs = await letterMirror.find({ orderId }, { projection: { html: 0, text: 0 }, sort: { createdAt: -1 } });
  return docs.map((d) => {
    const l = toLetter(d);
    return {
      id: `letter:${l.id}`,
      type: 'letter' as const,
      at: l.createdAt,
      by: l.by,
      letterId: l.id,
      kind: l.kind,
      status: l.status,
      to: l.to,
      cc: l.cc,
      subject: l.subject,
      attempts: l.attempts,
      error: l.error,
      sentAt: l.sentAt,
    };
  });
}
