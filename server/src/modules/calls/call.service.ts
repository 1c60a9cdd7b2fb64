import { createHash, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  canTransition,
  userActor,
  type Actor,
  type Call,
  type CallOutcome,
  type Order,
  type OrderStatus,
  type Page,
  type RecordCallBody,
  type Task,
  type TimelineItem,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError, badRequest } from '../../lib/errors.js';
import type { SessionUser } from '@callboard/shared';
import { getSettings } from '../settings/index.js';
import { getClientDoc, markPhoneInvalid, normalisePhone } from '../clients/index.js';
import { createFollowUpOrder, getOrderDoc, recordOrderEvent, setOrderStatus, toOrderDto } from '../orders/index.js';
import { applyCallToOrder, flagPaymentCheck } from '../orders/index.js';
import type { OrderDoc } from '../orders/index.js';
import { applyCallToTask, getTaskDoc, toTaskDto } from '../tasks/index.js';
import type { TaskDoc } from '../tasks/index.js';
import { assertAttachable, callAttachments, linkAttachmentsToCall } from '../attachments/index.js';
import { queueKey, releaseClaim } from '../queue/index.js';
import { enqueueLetter, prepareLetter, type PreparedLetter } from '../letters/index.js';
import { computeNextCall, type CallStateSnapshot } from '@callboard/shared';
import { CallModel, PendingCallEffectsModel, type CallDoc } from './call.model.js';
import { derivedObjectId, insertOnce, isDuplicateKeyError } from '../../db/duplicate-key.js';
import { logger } from '../../lib/logger.js';
import { getUser } from '../users/index.js';
import { toActor } from '../../db/actor.js';
import { iso } from '../../db/dates.js';

export type CallTarget = { kind: 'order' | 'task'; id: string };

export type RecordCallResult = { call: Call; order?: Order; task?: Task; newOrder?: Order };

type LoadedTarget = {
  order: OrderDoc | null;
  task: TaskDoc | null;
  clientId: string;
  previous: CallStateSnapshot;
};

/** JSON with sorted keys, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const requestHashOf = (target: CallTarget, body: RecordCallBody) =>
  createHash('sha256').update(canonical({ target, body })).digest('hex');

function snapshot(call: OrderDoc['call'] | TaskDoc['call'] | null | undefined): CallStateSnapshot {
  return {
    state: (call?.state ?? 'due') as CallStateSnapshot['state'],
    nextCallAt: call?.nextCallAt ?? null,
    notReachedStreak: call?.notReachedStreak ?? 0,
    attempts: call?.attempts ?? 0,
    lastOutcome: (call?.lastOutcome ?? null) as CallOutcome | null,
    lastCallAt: call?.lastCallAt ?? null,
  };
}

async function loadTarget(target: CallTarget): Promise<LoadedTarget> {
  if (target.kind === 'order') {
    const order = await getOrderDoc(target.id);
    return { order, task: null, clientId: String(order.clientId), previous: snapshot(order.call) };
  }
  const task = await getTaskDoc(target.id);
  if (task.kind !== 'call' || !task.call || !task.clientId) {
    throw new AppError('conflict', 'Only call tasks take calls; this task is not a call task');
  }
  if (task.done) throw new AppError('conflict', 'This task is done; reopen it to record a call');
  const order = task.orderId ? await getOrderDoc(String(task.orderId)).catch(() => null) : null;
  return { order, task, clientId: String(task.clientId), previous: snapshot(task.call) };
}

/** The number that was called: the one named (it must be the client's), else the first valid one. */
async function resolvePhone(clientId: string, given: string | undefined, outcome: CallOutcome): Promise<string | null> {
  const client = await getClientDoc(clientId);
  const phones = client.phones ?? [];
  if (given) {
    const wanted = normalisePhone(given, client.address?.country).number;
    const match = phones.find((p) => p.number === wanted || p.number === given);
    if (!match)
      throw badRequest('phone is not one of the client’s numbers', [
        { path: 'body.phone', message: 'not a number of this client' },
      ]);
    return match.number;
  }
  const first = phones.find((p) => !p.invalid)?.number ?? null;
  if (!first && outcome === 'invalid_contact') {
    throw badRequest('The client has no valid phone number to mark invalid', [
      { path: 'body.phone', message: 'no valid phone' },
    ]);
  }
  return first;
}

/** Everything that could refuse the call is checked here, before anything is written. */
async function validateCall(target: CallTarget, loaded: LoadedTarget, body: RecordCallBody, now: Date): Promise<void> {
  const callbackAt = body.callbackAt ? new Date(body.callbackAt) : null;
  if (callbackAt && callbackAt.getTime() <= now.getTime()) {
    throw badRequest('callbackAt must be in the future', [
      { path: 'body.callbackAt', message: 'must be in the future' },
    ]);
  }
  if (target.kind === 'task' && body.followUp) {
    throw badRequest('A follow-up order is created from an order call, not a task call', [
      { path: 'body.followUp', message: 'only on order calls' },
    ]);
  }
  if (body.letter && !loaded.order) {
    throw badRequest('A letter needs an order to fill in its variables; this task has none', [
      { path: 'body.letter', message: 'no order' },
    ]);
  }
  const status = loaded.order?.status as OrderStatus | undefined;
  const cancels = target.kind === 'order' && (body.outcome === 'cancelled' || body.followUp === 'replace');
  if (cancels && status && status !== 'cancelled' && !canTransition(status, 'cancelled')) {
    throw new AppError('transition_not_allowed', `The order is ${status} and cannot be cancelled`);
  }
  if (body.followUp === 'replace' && status === 'cancelled') {
    throw new AppError('transition_not_allowed', 'The order is already cancelled; use "invoice" to create a new order');
  }
  await assertAttachable(body.attachmentIds ?? [], loaded.clientId, null);
}

/**
 * In-process calls still applying their effects, by idempotency key: a simultaneous duplicate,
 * retry or sweep waits for the first instead of applying the same effects beside it.
 */
const inFlight = new Map<string, Promise<unknown>>();

async function applyingOnce<T>(key: string, apply: () => Promise<T>): Promise<T> {
  for (let pending = inFlight.get(key); pending; pending = inFlight.get(key)) await pending.catch(() => {});
  const applying = apply();
  inFlight.set(key, applying);
  try {
    return await applying;
  } finally {
    if (inFlight.get(key) === applying) inFlight.delete(key);
  }
}

/** A call just stored (`fresh`, with its letter rendered) or found stored by an earlier request. */
export type StoredCall =
  { call: CallDoc; fresh: true; prepared: PreparedLetter | null } | { call: CallDoc; fresh: false };

/**
 * Records a call in one retry-safe save: storeCall writes the record once, then each effect is
 * applied idempotently, keyed by the call; a repeat of a stored call finishes what is missing.
 */
export async function recordCall(
  target: CallTarget,
  body: RecordCallBody,
  user: SessionUser,
  idempotencyKey?: string,
): Promise<RecordCallResult> {
  const stored = await storeCall(target, body, user, idempotencyKey);
  if (stored.fresh) {
    const { call, prepared } = stored;
    await applyingOnce(call.idempotencyKey, () =>
      applyCallEffects(call, prepared, call.copyToManager ? [user.email] : []),
    );
  } else await finishCallEffects(stored.call);
  return callResponse(String(stored.call._id));
}

/**
 * The first half of recording a call: everything is validated and the letter rendered, then the
 * call record is inserted (its _id, derived from the idempotency key, makes it once) beside a
 * marker that its effects are pending, which the unfinished-calls sweep looks for. No effect is
 * applied here.
 */
export async function storeCall(
  target: CallTarget,
  body: RecordCallBody,
  user: SessionUser,
  idempotencyKey?: string,
): Promise<StoredCall> {
  const key = `${user.id}:${idempotencyKey ?? `auto:${randomUUID()}`}`;
  // The call's _id is derived from its key: a retry finds it, and a simultaneous twin collides on
  // it, by _id — the one look-up FerretDB answers without scanning the calls.
  const callId = derivedObjectId(`call:${key}`);
  const requestHash = requestHashOf(target, body);
  const repeated = (existing: CallDoc): StoredCall => {
    if (existing.requestHash !== requestHash) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used for a different call');
    }
    return { call: existing, fresh: false };
  };
  if (idempotencyKey) {
    const existing = await CallModel.findById(callId).lean<CallDoc>();
    if (existing) return repeated(existing);
  }
  const now = clock.now();
  const loaded = await loadTarget(target);
  await validateCall(target, loaded, body, now);
  const phone = await resolvePhone(loaded.clientId, body.phone, body.outcome);
  const orderId = loaded.order ? String(loaded.order._id) : null;
  const prepared =
    body.letter && orderId
      ? await prepareLetter({ orderId, subject: body.letter.subject, html: body.letter.html, actor: userActor(user) })
      : null;
  const settings = await getSettings();
  const callbackAt = body.callbackAt ? new Date(body.callbackAt) : null;
  const result = computeNextCall({
    previous: loaded.previous,
    outcome: body.outcome,
    at: now,
    callbackAt,
    attemptCap: settings.attemptCap.enabled ? settings.attemptCap.maxNotReached : null,
  });
  const personal = !!callbackAt && (body.personal ?? body.outcome === 'callback');

  // Before the call: a call stored without its marker could be left half done with nobody to see it.
  await insertOnce(() => PendingCallEffectsModel.create({ _id: callId, since: now }));
  try {
    const created = await CallModel.create({
      _id: callId,
      kind: target.kind,
      orderId,
      taskId: target.kind === 'task' ? target.id : null,
      clientId: loaded.clientId,
      outcome: body.outcome,
      comment: body.comment || null,
      at: now,
      by: userActor(user),
      phone,
      callbackAt,
      personal,
      followUp: body.followUp ?? null,
      // Reserved now, so the follow-up order is created under this id once, however often retried.
      followUpOrderId: body.followUp ? new mongoose.Types.ObjectId() : null,
      attachmentIds: body.attachmentIds ?? [],
      letter: body.letter ?? undefined,
      copyToManager: !!body.copyToManager,
      idempotencyKey: key,
      requestHash,
      result: {
        state: result.state,
        nextCallAt: result.nextCallAt,
        notReachedStreak: result.notReachedStreak,
        attempts: result.attempts,
        capReached: result.capReached,
      },
    });
    return { call: created.toObject() as CallDoc, fresh: true, prepared };
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const existing = await CallModel.findById(callId).lean<CallDoc>();
    if (!existing) throw err;
    return repeated(existing);
  }
}

/**
 * Applies whatever a stored call's effects still lack — the one path of a client's retry and of
 * the unfinished-calls sweep; true if it applied any. Waits for an application already under way
 * in this process; the letter is rendered again from the stored subject and body.
 */
export async function finishCallEffects(stored: Pick<CallDoc, '_id' | 'idempotencyKey'>): Promise<boolean> {
  return applyingOnce(stored.idempotencyKey, async () => {
    const call = await CallModel.findById(stored._id).lean<CallDoc>();
    if (!call) return false;
    if (call.effectsDoneAt) {
      await PendingCallEffectsModel.deleteOne({ _id: call._id });
      return false;
    }
    const actor = call.by as Actor;
    const prepared =
      call.letter?.subject && call.letter.html && call.orderId
        ? await prepareLetter({
            orderId: String(call.orderId),
            subject: call.letter.subject,
            html: call.letter.html,
            actor,
          })
        : null;
    const manager = call.copyToManager && actor.id ? await getUser(actor.id).catch(() => null) : null;
    await applyCallEffects(call, prepared, manager ? [manager.email] : []);
    return true;
  });
}

/** A call stored this long ago without its effects was cut off (the process stopped), not slow. */
export const unfinishedCallMs = 60_000;
const sweepBatch = 100;

/**
 * The unfinished-calls sweep: finishes each call whose effects are still pending a minute after
 * it was stored, through finishCallEffects. A marker whose call was never stored (the process
 * stopped in between) is dropped: nothing was recorded.
 */
export async function finishUnfinishedCalls(now: Date): Promise<number> {
  const pending = await PendingCallEffectsModel.find({ since: { $lte: new Date(now.getTime() - unfinishedCallMs) } })
    .sort({ since: 1 })
    .limit(sweepBatch)
    .lean<{ _id: mongoose.Types.ObjectId }[]>();
  let finished = 0;
  for (const { _id } of pending) {
    const call = await CallModel.findById(_id, { idempotencyKey: 1 }).lean<Pick<CallDoc, '_id' | 'idempotencyKey'>>();
    if (!call) {
      await PendingCallEffectsModel.deleteOne({ _id });
      continue;
    }
    try {
      if (await finishCallEffects(call)) finished += 1;
    } catch (err) {
      // One call that cannot be finished (its letter no longer renders…) must not hold up the rest.
      logger.error(`Could not finish the effects of call ${String(_id)}`, err);
    }
  }
  return finished;
}

function personalHold(call: CallDoc, graceMinutes: number) {
  if (!call.personal || !call.result?.nextCallAt) return null;
  return { userId: String(call.by.id), until: new Date(call.result.nextCallAt.getTime() + graceMinutes * 60_000) };
}

/** Status changes are conditional on the status they start from; a concurrent one already did it. */
async function moveStatus(orderId: string, to: OrderStatus, actor: Actor, message: string): Promise<void> {
  const order = await getOrderDoc(orderId);
  if (order.status === to || !canTransition(order.status as OrderStatus, to)) return;
  try {
    await setOrderStatus(orderId, to, actor, { message });
  } catch (err) {
    if (!(err instanceof AppError && (err.code === 'conflict' || err.code === 'transition_not_allowed'))) throw err;
  }
}

/**
 * Every effect of a recorded call, each safe to run again for the same call; the pending marker
 * goes last. `copyTo` is the manager's copy of the letter.
 */
async function applyCallEffects(call: CallDoc, prepared: PreparedLetter | null, copyTo: string[]): Promise<void> {
  const callId = String(call._id);
  const actor = call.by as Actor;
  const result = {
    state: call.result!.state as CallStateSnapshot['state'],
    nextCallAt: call.result!.nextCallAt ?? null,
    notReachedStreak: call.result!.notReachedStreak,
    attempts: call.result!.attempts,
    lastOutcome: call.outcome as CallOutcome,
    lastCallAt: call.at,
    capReached: !!call.result!.capReached,
  };
  const orderId = call.orderId ? String(call.orderId) : null;
  const settings = await getSettings();
  const personal = personalHold(call, settings.callbackGraceMinutes);

  if (call.kind === 'order' && orderId) await applyCallToOrder(orderId, callId, result, personal);
  else if (call.taskId) await applyCallToTask(String(call.taskId), callId, result, personal);
  // Only after the call state is written: a claim that gets in once the hold is gone must see the
  // item no longer due (claimNextQueueItem re-reads it), never the state from before the call.
  await releaseClaim(
    queueKey(call.kind as 'order' | 'task', call.kind === 'order' ? String(orderId) : String(call.taskId)),
    String(call.by.id),
  );
  await linkAttachmentsToCall((call.attachmentIds ?? []).map(String), callId);

  if (call.outcome === 'invalid_contact' && call.phone) await markPhoneInvalid(String(call.clientId), call.phone);
  if (call.kind === 'order' && orderId) {
    if (call.outcome === 'cancelled') await moveStatus(orderId, 'cancelled', actor, 'The client refused on the phone');
    if (call.outcome === 'already_paid') {
      await flagPaymentCheck(orderId);
      await recordOrderEvent(orderId, {
        type: 'system',
        text: 'The client says this order is already paid: an administrator should check the payment',
        data: { callId, paymentCheck: true },
        actor,
        once: `call:${callId}:already-paid`,
      });
    }
    if (call.followUp && call.followUpOrderId) {
      await createFollowUpOrder(orderId, actor, {
        cancelOriginal: call.followUp === 'replace',
        id: String(call.followUpOrderId),
      });
    }
    if (result.capReached) {
      const why = `Left the call queue after ${result.notReachedStreak} consecutive calls without reaching the client (attempt cap)`;
      const order = await getOrderDoc(orderId);
      const to = settings.attemptCap.status;
      if (order.status !== to && canTransition(order.status as OrderStatus, to))
        await moveStatus(orderId, to, actor, why);
      else
        await recordOrderEvent(orderId, {
          type: 'system',
          text: why,
          data: { callId, attemptCap: true },
          actor,
          once: `call:${callId}:attempt-cap`,
        });
    }
  }
  if (prepared && !call.letterId) {
    const letter = await enqueueLetter(prepared, {
      kind: 'call',
      callId,
      ...(copyTo.length ? { copyTo } : {}),
      dedupeKey: `call:${callId}`,
      actor,
    });
    await CallModel.updateOne({ _id: call._id }, { $set: { letterId: letter.id } });
  }
  // A marker: setting it again on a retry is harmless, and _id alone keeps FerretDB from a scan.
  await CallModel.updateOne({ _id: call._id }, { $set: { effectsDoneAt: clock.now() } });
  await PendingCallEffectsModel.deleteOne({ _id: call._id });

  await emitDomainEvent('call.recorded', { callId, orderId, taskId: call.taskId ? String(call.taskId) : null });
  await emitDomainEvent('queue.changed', {
    reason: 'call.recorded',
    ...(call.kind === 'order' && orderId ? { orderId } : { taskId: String(call.taskId) }),
  });
  if (orderId) await emitDomainEvent('order.changed', { orderId });
}

export async function toCallDtos(docs: CallDoc[]): Promise<Call[]> {
  const attachments = await callAttachments(docs.flatMap((d) => (d.attachmentIds ?? []).map(String)));
  return docs.map((d) => ({
    id: String(d._id),
    kind: d.kind as Call['kind'],
    orderId: d.orderId ? String(d.orderId) : null,
    taskId: d.taskId ? String(d.taskId) : null,
    clientId: String(d.clientId),
    outcome: d.outcome as CallOutcome,
    comment: d.comment ?? null,
    at: d.at.toISOString(),
    by: toActor(d.by),
    phone: d.phone ?? null,
    callbackAt: iso(d.callbackAt),
    personal: !!d.personal,
    followUp: (d.followUp ?? null) as Call['followUp'],
    followUpOrderId: d.followUpOrderId ? String(d.followUpOrderId) : null,
    attachments: (d.attachmentIds ?? []).flatMap((id) => attachments.get(String(id)) ?? []),
    letterId: d.letterId ?? null,
    nextCallAt: iso(d.result?.nextCallAt),
    resultState: (d.result?.state ?? 'closed') as Call['resultState'],
  }));
}

async function callResponse(callId: string): Promise<RecordCallResult> {
  const doc = await CallModel.findById(callId).lean<CallDoc>();
  if (!doc) throw new AppError('internal', 'The recorded call disappeared');
  const [call] = await toCallDtos([doc]);
  const out: RecordCallResult = { call: call as Call };
  if (doc.kind === 'order' && doc.orderId) out.order = toOrderDto(await getOrderDoc(String(doc.orderId)));
  if (doc.kind === 'task' && doc.taskId) out.task = await toTaskDto(await getTaskDoc(String(doc.taskId)));
  if (doc.followUpOrderId) out.newOrder = toOrderDto(await getOrderDoc(String(doc.followUpOrderId)));
  return out;
}

/** The client card's "All order calls" / "All task calls" tabs. */
export async function listClientCalls(
  clientId: string,
  query: { kind: 'order' | 'task'; page: number; limit: number },
): Promise<Page<Call>> {
  await getClientDoc(clientId);
  const filter = { clientId: new mongoose.Types.ObjectId(clientId), kind: query.kind };
  const [docs, total] = await Promise.all([
    CallModel.find(filter)
      .sort({ at: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<CallDoc[]>(),
    CallModel.countDocuments(filter),
  ]);
  return { items: await toCallDtos(docs), total, page: query.page, limit: query.limit };
}

/** The order timeline's "call" entries (order calls, and calls of tasks linked to the order). */
export async function callTimeline(orderId: string): Promise<TimelineItem[]> {
  if (!mongoose.isValidObjectId(orderId)) return [];
  const docs = await CallModel.find({ orderId }).sort({ at: -1 }).lean<CallDoc[]>();
  return (await toCallDtos(docs)).map((c) => ({
    id: `call:${c.id}`,
    type: 'call' as const,
    at: c.at,
    by: c.by,
    callId: c.id,
    kind: c.kind,
    taskId: c.taskId,
    outcome: c.outcome,
    comment: c.comment,
    attachments: c.attachments,
    letterId: c.letterId,
    callbackAt: c.callbackAt,
    nextCallAt: c.nextCallAt,
    followUpOrderId: c.followUpOrderId,
    phone: c.phone,
  }));
}
