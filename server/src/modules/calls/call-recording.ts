import { createHash, randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  computeNextCall,
  userActor,
  type Actor,
  type Call,
  type Order,
  type RecordCallBody,
  type SessionUser,
  type Task,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { derivedObjectId, insertOnce, isDuplicateKeyError } from '../../db/duplicate-key.js';
import { getSettings } from '../settings/index.js';
import { callSnapshot } from '../call-state/index.js';
import { followUpPrice, getOrderDoc, toOrderDto } from '../orders/index.js';
import { getTaskDoc, toTaskDto } from '../tasks/index.js';
import { prepareLetter, type PreparedLetter } from '../letters/index.js';
import { getUser } from '../users/index.js';
import { CallModel, PendingCallEffectsModel, callMirror, type CallDoc } from './call.model.js';
import { loadTarget, resolvePhone, validateCall, type CallTarget, type LoadedTarget } from './call-target.js';
import { applyCallEffects, type CallEffects } from './call-effects.js';
import { toCallDtos } from './call-history.js';
import { callStats } from './call-stats.js';

export type RecordCallResult = { call: Call; order?: Order; task?: Task; newOrder?: Order };

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

/**
 * A call just stored (`fresh`, with its target as read and its letter rendered) or found stored
 * by an earlier request.
 */
export type StoredCall =
  | { call: CallDoc; fresh: true; loaded: LoadedTarget; prepared: PreparedLetter | null }
  | { call: CallDoc; fresh: false };

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
  const effects = stored.fresh
    ? await applyingOnce(stored.call.idempotencyKey, () =>
        applyCallEffects(stored.call, stored.loaded, stored.prepared, stored.call.copyToManager ? [user.email] : []),
      )
    : ((await finishCallEffects(stored.call)) ?? (await effectsAsStored(String(stored.call._id))));
  const { call: doc, ...items } = effects;
  const [call] = await toCallDtos([doc]);
  return { call: call as Call, ...items };
}

/** The answer to a repeat of a call whose effects were already applied: everything as stored now. */
async function effectsAsStored(callId: string): Promise<CallEffects> {
  const call = await CallModel.findById(callId).lean<CallDoc>();
  if (!call) throw new AppError('internal', 'The recorded call disappeared');
  const out: CallEffects = { call };
  if (call.kind === 'order' && call.orderId) out.order = toOrderDto(await getOrderDoc(String(call.orderId)));
  if (call.kind === 'task' && call.taskId) out.task = await toTaskDto(await getTaskDoc(String(call.taskId)));
  if (call.followUpOrderId) out.newOrder = toOrderDto(await getOrderDoc(String(call.followUpOrderId)));
  return out;
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
    const existing = await callMirror.findById(String(callId));
    if (existing) return repeated(existing);
  }
  const now = clock.now();
  const loaded = await loadTarget(target);
  await validateCall(target, loaded, body, now);
  const phone = await resolvePhone(loaded.clientId, body.phone, body.outcome);
  const { order } = loaded;
  const price =
    order && body.followUp && body.followUpItems
      ? followUpPrice(order, { items: body.followUpItems, discount: body.followUpDiscount })
      : null;
  const orderId = order ? String(order._id) : null;
  const prepared =
    body.letter && order
      ? await prepareLetter({
          orderId: String(order._id),
          order,
          subject: body.letter.subject,
          html: body.letter.html,
          actor: userActor(user),
        })
      : null;
  const settings = await getSettings();
  const callbackAt = body.callbackAt ? new Date(body.callbackAt) : null;
  const previous = callSnapshot((loaded.task ?? order)?.call);
  const result = computeNextCall({
    previous,
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
      followUpPrice: price,
      attachmentIds: body.attachmentIds ?? [],
      letter: body.letter ?? undefined,
      copyToManager: !!body.copyToManager,
      idempotencyKey: key,
      requestHash,
      ...callStats({
        at: now,
        previous,
        orderCreatedAt: target.kind === 'order' && order ? order.createdAt : null,
        talkSeconds: body.talkSeconds,
      }),
      result: {
        state: result.state,
        nextCallAt: result.nextCallAt,
        notReachedStreak: result.notReachedStreak,
        attempts: result.attempts,
        capReached: result.capReached,
      },
    });
    return { call: created.toObject() as CallDoc, fresh: true, loaded, prepared };
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const existing = await CallModel.findById(callId).lean<CallDoc>();
    if (!existing) throw err;
    return repeated(existing);
  }
}

/**
 * Applies whatever a stored call's effects still lack — the one path of a client's retry and of
 * the unfinished-calls sweep; null if there was nothing left to apply. Waits for an application
 * already under way in this process; the letter is rendered again from the stored subject and body.
 */
export async function finishCallEffects(stored: Pick<CallDoc, '_id' | 'idempotencyKey'>): Promise<CallEffects | null> {
  return applyingOnce(stored.idempotencyKey, async () => {
    const call = await CallModel.findById(stored._id).lean<CallDoc>();
    if (!call) return null;
    if (call.effectsDoneAt) {
      await PendingCallEffectsModel.deleteOne({ _id: call._id });
      return null;
    }
    const actor = call.by as Actor;
    const order = call.orderId ? await getOrderDoc(String(call.orderId)).catch(() => null) : null;
    const task = call.kind === 'task' && call.taskId ? await getTaskDoc(String(call.taskId)).catch(() => null) : null;
    const prepared =
      call.letter?.subject && call.letter.html && call.orderId
        ? await prepareLetter({
            orderId: String(call.orderId),
            ...(order ? { order } : {}),
            subject: call.letter.subject,
            html: call.letter.html,
            actor,
          })
        : null;
    const manager = call.copyToManager && actor.id ? await getUser(actor.id).catch(() => null) : null;
    return applyCallEffects(call, { order, task }, prepared, manager ? [manager.email] : []);
  });
}
