import mongoose, { type Model } from 'mongoose';
import { canTransition, orderStatuses, type Actor, type OrderStatus } from '@callboard/shared';
import { AppError } from '../../lib/errors.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { updateByIdIf, type Guard } from '../../db/guarded-update.js';
import { callableStatuses, findOrderDoc, recordOrderEvent, setOrderStatus } from './order.service.js';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import type { NextCall } from '@callboard/shared';
import { schedulerActor } from '../../db/actor.js';

/**
 * The call queue's reads and the call-state writes on orders. Everything else about an order
 * belongs to order.service.ts; the queue, the calls and the sweeps go through here.
 */

const dueFilter = (now: Date) => ({
  'call.state': { $ne: 'closed' as const },
  'call.nextCallAt': { $lte: now },
  status: { $in: [...callableStatuses] },
});

/**
 * `dueFilter` as a test of one order read by _id: what a claim checks once it holds the order,
 * because the page it picked from may predate a call recorded since.
 */
function isDue(order: OrderDoc, now: Date): boolean {
  const call = order.call;
  return (
    !!call &&
    call.state !== 'closed' &&
    !!call.nextCallAt &&
    call.nextCallAt <= now &&
    callableStatuses.includes(order.status as OrderStatus)
  );
}

/** The order, whole, if it is due at `now`; read by _id, which FerretDB answers without a scan. */
export async function findDueOrder(id: string, now: Date): Promise<OrderDoc | null> {
  const order = await findOrderDoc(id);
  return order && isDue(order, now) ? order : null;
}

/**
 * The fields the queue picks by: enough to filter, sort and explain an order, not to show it. On
 * FerretDB a scan costs by the bytes it reads back, so counting and claiming read only these.
 */
export const queueFields = { clientId: 1, status: 1, call: 1 } as const;

/**
 * Due orders, longest waiting first, a page at a time (the caller filters by hours and claims);
 * whole, or only `queueFields`.
 */
export async function findDueOrders(
  now: Date,
  skip: number,
  limit: number,
  fields?: typeof queueFields,
): Promise<OrderDoc[]> {
  return OrderModel.find(dueFilter(now), fields)
    .sort({ 'call.nextCallAt': 1, _id: 1 })
    .skip(skip)
    .limit(limit)
    .lean<OrderDoc[]>();
}

export type PersonalHold = { userId: string; until: Date } | null;

/**
 * Writes a recorded call's result into the order's call state once: a retry of the same call
 * (lastCallId) or an older call arriving after a newer one (lastCallAt) changes nothing.
 */
export async function applyCallToOrder(
  orderId: string,
  callId: string,
  result: NextCall,
  personal: PersonalHold,
): Promise<void> {
  await updateByIdIf(OrderModel, orderId, callNotYetApplied(callId, result), {
    $set: callStateUpdate('call', callId, result, personal),
  });
}

type AppliedCall = { call?: { lastCallId?: unknown; lastCallAt?: Date | null } | null };

/**
 * The guard of a call-state write, shared by orders and call tasks: not this call again, and no
 * newer call already applied.
 */
export function callNotYetApplied(callId: string, result: NextCall): Guard<AppliedCall> {
  return {
    filter: {
      'call.lastCallId': { $ne: new mongoose.Types.ObjectId(callId) },
      'call.lastCallAt': { $not: { $gt: result.lastCallAt } },
    },
    holds: ({ call }) =>
      String(call?.lastCallId ?? '') !== callId &&
      !(call?.lastCallAt && result.lastCallAt && call.lastCallAt > result.lastCallAt),
    fields: 'call.lastCallId call.lastCallAt',
  };
}

/** The `$set` of a call result, shared by orders and call tasks (same sub-document). */
export function callStateUpdate(prefix: string, callId: string, result: NextCall, personal: PersonalHold) {
  return {
    [`${prefix}.state`]: result.state,
    [`${prefix}.nextCallAt`]: result.nextCallAt,
    [`${prefix}.notReachedStreak`]: result.notReachedStreak,
    [`${prefix}.attempts`]: result.attempts,
    [`${prefix}.lastOutcome`]: result.lastOutcome,
    [`${prefix}.lastCallAt`]: result.lastCallAt,
    [`${prefix}.lastCallId`]: new mongoose.Types.ObjectId(callId),
    [`${prefix}.personalFor`]: personal ? new mongoose.Types.ObjectId(personal.userId) : null,
    [`${prefix}.personalUntil`]: personal?.until ?? null,
  };
}

/** Takes an order out of the queue (it was cancelled, completed, refunded…). */
export async function closeOrderCall(orderId: string): Promise<void> {
  await OrderModel.updateOne(
    { _id: orderId, 'call.state': { $ne: 'closed' } },
    { $set: { 'call.state': 'closed', 'call.nextCallAt': null, 'call.personalFor': null, 'call.personalUntil': null } },
  );
}

/** Sets the admin's payment-check flag. */
export async function flagPaymentCheck(orderId: string): Promise<void> {
  await OrderModel.updateOne({ _id: orderId }, { $set: { paymentCheck: true } });
}

export type FallingDue = { _id: mongoose.Types.ObjectId; dueAt: Date };

/** Of the documents `due` selects, those whose call falls due in (from, to], with that time. */
export async function callsFallingDue<T>(
  model: Model<T>,
  due: Record<string, unknown>,
  from: Date,
  to: Date,
): Promise<FallingDue[]> {
  const docs = await model
    .find({ ...due, 'call.nextCallAt': { $gt: from, $lte: to } } as never, { _id: 1, 'call.nextCallAt': 1 })
    .lean<{ _id: mongoose.Types.ObjectId; call: { nextCallAt: Date } }[]>();
  return docs.map((d) => ({ _id: d._id, dueAt: d.call.nextCallAt }));
}

/** Open orders whose due time falls in (from, to]: what the resurfacing sweep announces. */
export const findOrdersFallingDue = (from: Date, to: Date) => callsFallingDue(OrderModel, dueFilter(to), from, to);

/**
 * "Leaves the queue until a contact is fixed": once the client has a callable phone again, their
 * open orders closed by an invalid-contact call are due now, each with a timeline entry. The
 * conditional update reopens an order once, however often the event comes.
 */
export async function requeueAfterPhoneFix(clientId: string, actor: Actor): Promise<number> {
  const orders = await OrderModel.find(
    { clientId, 'call.lastOutcome': 'invalid_contact', 'call.state': 'closed', status: { $in: [...callableStatuses] } },
    { _id: 1 },
  ).lean<{ _id: mongoose.Types.ObjectId }[]>();
  const now = clock.now();
  let reopened = 0;
  for (const { _id } of orders) {
    const res = await OrderModel.updateOne(
      { _id, 'call.state': 'closed', 'call.lastOutcome': 'invalid_contact' },
      {
        $set: {
          'call.state': 'due',
          'call.nextCallAt': now,
          'call.notReachedStreak': 0,
        },
      },
    );
    if (res.modifiedCount !== 1) continue;
    reopened += 1;
    await recordOrderEvent(String(_id), {
      type: 'system',
      text: "Back in the call queue: the client's phone was fixed",
      actor,
    });
    await emitDomainEvent('queue.changed', { reason: 'phone.fixed', orderId: String(_id) });
    await emitDomainEvent('order.changed', { orderId: String(_id) });
  }
  return reopened;
}

/** Orders past their auto-cancel date in a status that may still become cancelled. */
export async function findOrdersToAutoCancel(now: Date, statuses: OrderStatus[], limit: number) {
  return OrderModel.find({ autoCancelAt: { $lte: now }, status: { $in: statuses } }, { _id: 1 })
    .sort({ autoCancelAt: 1 })
    .limit(limit)
    .lean<{ _id: mongoose.Types.ObjectId }[]>();
}

const autoCancellable = orderStatuses.filter((s) => canTransition(s, 'cancelled'));

/**
 * The auto-cancel sweep: orders past their auto-cancel date are cancelled by the scheduler.
 * setOrderStatus changes the status only from the status it read, so two sweeps racing on one
 * order cancel it once; the loser's conflict is expected and ignored.
 */
export async function autoCancelDueOrders(now: Date, batch = 200): Promise<number> {
  let cancelled = 0;
  for (;;) {
    const due = await findOrdersToAutoCancel(now, autoCancellable, batch);
    for (const { _id } of due) {
      const id = String(_id);
      try {
        await setOrderStatus(id, 'cancelled', schedulerActor, {
          message: 'Cancelled automatically: the auto-cancel date has passed',
          notifyClient: true,
        });
        // A reopened order must not be cancelled again by the date that already did it.
        await OrderModel.updateOne({ _id, status: 'cancelled' }, { $set: { autoCancelAt: null } });
        cancelled += 1;
      } catch (err) {
        if (!(err instanceof AppError && (err.code === 'conflict' || err.code === 'transition_not_allowed'))) throw err;
      }
    }
    if (due.length < batch) return cancelled;
  }
}
