import { fromMinor, type Actor, type ConfirmPaymentBody, type Order, type OrderStatus } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { recordAudit } from '../audit/index.js';
import { setCall } from '../call-state/index.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { getOrderDoc, toOrderDto } from './order.service.js';
import { addPayment } from './order-payments.service.js';
import { callableStatuses } from './order-status-effects.js';
import { recordOrderEvent } from './order-timeline.js';

/**
 * "Payments to check": orders a call flagged as already paid (the `paymentCheck` flag), which an
 * admin either confirms (the payment is there) or sends back to the call queue (it is not).
 */

async function flaggedOrder(orderId: string): Promise<OrderDoc> {
  const order = await getOrderDoc(orderId);
  if (!order.paymentCheck) throw conflict(`Order #${order.number} has no payment to check`);
  return order;
}

/** Clears the flag once; the answer says whether this call cleared it. */
async function clearFlag(order: OrderDoc, extra: Record<string, unknown> = {}): Promise<OrderDoc | null> {
  return OrderModel.findOneAndUpdate(
    { _id: order._id, paymentCheck: true },
    { $set: { paymentCheck: false, ...extra } },
    { returnDocument: 'after' },
  ).lean<OrderDoc>();
}

/**
 * The payment is there: records what is left to pay (which pays the order, closes its call and
 * clears the flag), or, with nothing left, just clears the flag. A retry after an interruption finds
 * nothing left and finishes the job.
 */
export async function confirmPaymentCheck(orderId: string, body: ConfirmPaymentBody, actor: Actor): Promise<Order> {
  const order = await flaggedOrder(orderId);
  const leftMinor = order.totalMinor - (order.paidMinor ?? 0);
  if (leftMinor > 0) {
    const method = body.method ?? order.paymentMethod;
    if (!method) {
      throw badRequest('Say how the order was paid: it has no payment method', [
        { path: 'body.method', message: 'is required for an order without a payment method' },
      ]);
    }
    const { method: _method, ...rest } = body;
    await addPayment(
      orderId,
      { ...rest, amount: fromMinor(leftMinor, order.currency), method, kind: 'payment' },
      actor,
    );
  }
  const cleared = await clearFlag(order);
  if (cleared) {
    await recordAudit({
      by: actor,
      objectType: 'order',
      objectId: orderId,
      action: 'payment_check_confirmed',
      changes: { paymentCheck: { from: true, to: false } },
    });
    await emitDomainEvent('order.changed', { orderId });
  }
  return toOrderDto(cleared ?? (await getOrderDoc(orderId)));
}

/** The payment is not there: the flag goes and the order is due in the call queue now. */
export async function reopenPaymentCheck(orderId: string, actor: Actor): Promise<Order> {
  const order = await flaggedOrder(orderId);
  if (!callableStatuses.includes(order.status as OrderStatus)) {
    throw conflict(`Order #${order.number} is ${order.status}: it is not worked by phone any more`);
  }
  const now = clock.now();
  const reopened = await clearFlag(order, setCall({ state: 'due', nextCallAt: now }));
  if (!reopened) throw conflict(`Order #${order.number} has no payment to check`);
  await recordOrderEvent(orderId, {
    type: 'system',
    text: 'Back in the call queue: the payment was not found',
    actor,
  });
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'payment_check_reopened',
    changes: {
      paymentCheck: { from: true, to: false },
      callState: { from: order.call?.state ?? null, to: 'due' },
    },
  });
  await emitDomainEvent('queue.changed', { reason: 'payment-check:reopened', orderId });
  await emitDomainEvent('order.changed', { orderId });
  return toOrderDto(reopened);
}
