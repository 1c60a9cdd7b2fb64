import {
  canTransition,
  type Actor,
  type CallOutcome,
  type CallStateSnapshot,
  type Order,
  type OrderStatus,
  type Task,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError } from '../../lib/errors.js';
import { getSettings } from '../settings/index.js';
import { markPhoneInvalid } from '../clients/index.js';
import {
  applyCallToOrder,
  changeOrderStatus,
  createFollowUpOrder,
  flagPaymentCheck,
  getOrderDoc,
  recordOrderEvent,
  toOrderDto,
  type OrderDoc,
} from '../orders/index.js';
import { applyCallToTask, toTaskDto } from '../tasks/index.js';
import { linkAttachmentsToCall } from '../attachments/index.js';
import { queueKey, releaseClaim } from '../queue/index.js';
import { enqueueLetter, type PreparedLetter } from '../letters/index.js';
import { CallModel, PendingCallEffectsModel, type CallDoc } from './call.model.js';
import type { LoadedTarget } from './call-target.js';

/** What a call's effects leave behind, for the answer: the call and its item as they now are. */
export type CallEffects = { call: CallDoc; order?: Order; task?: Task; newOrder?: Order };

function personalHold(call: CallDoc, graceMinutes: number) {
  if (!call.personal || !call.result?.nextCallAt) return null;
  return { userId: String(call.by.id), until: new Date(call.result.nextCallAt.getTime() + graceMinutes * 60_000) };
}

/**
 * Status changes are conditional on the status they start from; a concurrent one already did it
 * (and the order is read again, since this one is out of date). The order as it now is.
 */
async function moveStatus(order: OrderDoc, to: OrderStatus, actor: Actor, message: string): Promise<OrderDoc> {
  if (order.status === to || !canTransition(order.status as OrderStatus, to)) return order;
  try {
    return await changeOrderStatus(order, to, actor, { message });
  } catch (err) {
    if (!(err instanceof AppError && (err.code === 'conflict' || err.code === 'transition_not_allowed'))) throw err;
    return getOrderDoc(String(order._id));
  }
}

/**
 * Every effect of a recorded call, each safe to run again for the same call; the pending marker
 * goes last. `loaded` is the call's order and task as read for this request: each effect passes
 * the order on as the previous one left it, instead of reading it again. `copyTo` is the
 * manager's copy of the letter.
 */
export async function applyCallEffects(
  call: CallDoc,
  loaded: Pick<LoadedTarget, 'order' | 'task'>,
  prepared: PreparedLetter | null,
  copyTo: string[],
): Promise<CallEffects> {
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
  const out: CallEffects = { call };

  let order = call.kind === 'order' ? loaded.order : null;
  let task = call.kind === 'task' ? loaded.task : null;
  if (order) order = await applyCallToOrder(order, callId, result, personal);
  else if (task) task = await applyCallToTask(task, callId, result, personal);
  // Only after the call state is written: a claim that gets in once the hold is gone must see the
  // item no longer due (claimNextQueueItem re-reads it), never the state from before the call.
  await releaseClaim(
    queueKey(call.kind as 'order' | 'task', call.kind === 'order' ? String(orderId) : String(call.taskId)),
    String(call.by.id),
  );
  await linkAttachmentsToCall((call.attachmentIds ?? []).map(String), callId);

  if (call.outcome === 'invalid_contact' && call.phone)
    await markPhoneInvalid(String(call.clientId), call.phone, actor);
  if (order) {
    // The order as a follow-up's own status change answered it, when that came last.
    let answered: Order | null = null;
    if (call.outcome === 'cancelled')
      order = await moveStatus(order, 'cancelled', actor, 'The client refused on the phone');
    if (call.outcome === 'already_paid') {
      order = await flagPaymentCheck(order);
      await recordOrderEvent(String(order._id), {
        type: 'system',
        text: 'The client says this order is already paid: an administrator should check the payment',
        data: { callId, paymentCheck: true },
        actor,
        once: `call:${callId}:already-paid`,
      });
    }
    if (call.followUp && call.followUpOrderId) {
      const made = await createFollowUpOrder(order, actor, {
        cancelOriginal: call.followUp === 'replace',
        id: String(call.followUpOrderId),
        price: call.followUpPrice
          ? {
              items: call.followUpPrice.items.map((i) => ({
                name: i.name,
                sku: i.sku ?? null,
                quantity: i.quantity,
                unitPriceMinor: i.unitPriceMinor,
              })),
              discountMinor: call.followUpPrice.discountMinor ?? 0,
            }
          : null,
      });
      out.newOrder = made.newOrder;
      if (call.followUp === 'replace') answered = made.order;
    }
    if (result.capReached) {
      if (answered) [order, answered] = [await getOrderDoc(String(order._id)), null];
      const why = `Left the call queue after ${result.notReachedStreak} consecutive calls without reaching the client (attempt cap)`;
      const to = settings.attemptCap.status;
      if (order.status !== to && canTransition(order.status as OrderStatus, to))
        order = await moveStatus(order, to, actor, why);
      else
        await recordOrderEvent(String(order._id), {
          type: 'system',
          text: why,
          data: { callId, attemptCap: true },
          actor,
          once: `call:${callId}:attempt-cap`,
        });
    }
    out.order = answered ?? toOrderDto(order);
  }
  if (task) out.task = await toTaskDto(task);
  if (prepared && !call.letterId) {
    const letter = await enqueueLetter(prepared, {
      kind: 'call',
      callId,
      ...(copyTo.length ? { copyTo } : {}),
      dedupeKey: `call:${callId}`,
      actor,
    });
    await CallModel.updateOne({ _id: call._id }, { $set: { letterId: letter.id } });
    out.call = { ...call, letterId: letter.id };
  }
  // A marker: setting it again on a retry is harmless, and _id alone keeps FerretDB from a scan.
  await CallModel.updateOne({ _id: call._id }, { $set: { effectsDoneAt: clock.now() } });
  await PendingCallEffectsModel.deleteOne({ _id: call._id });

  // One event for the change: the queue lost (or rescheduled) the item, and the order's history grew.
  await emitDomainEvent('queue.changed', {
    reason: 'call.recorded',
    ...(orderId ? { orderId } : {}),
    ...(call.taskId ? { taskId: String(call.taskId) } : {}),
  });
  if (orderId) await emitDomainEvent('order.changed', { orderId });
  return out;
}
