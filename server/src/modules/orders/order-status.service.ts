import { canTransition, type Actor, type Order, type OrderStatus } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError, conflict } from '../../lib/errors.js';
import { recordAudit } from '../audit/index.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { callStateOnStatus } from './order-status-effects.js';
import { getOrderDoc, toOrderDto } from './order.service.js';
import { recordOrderEvent } from './order-timeline.js';

export type StatusChangeOptions = { message?: string; notifyClient?: boolean; notifyAdmin?: boolean };

/**
 * Moves an order to another status if the transition table allows it (409 otherwise), records
 * it on the timeline and in the audit log, and announces it (letters react to the event). Leaving the callable
 * statuses takes the order out of the call queue; coming back from a closed status puts it in
 * the queue again, due now.
 */
export async function setOrderStatus(
  orderOrId: string | OrderDoc,
  to: OrderStatus,
  actor: Actor,
  opts: StatusChangeOptions = {},
): Promise<Order> {
  return toOrderDto(await changeOrderStatus(orderOrId, to, actor, opts));
}

/** setOrderStatus, answering with the order as stored, for a caller that goes on with it. */
export async function changeOrderStatus(
  orderOrId: string | OrderDoc,
  to: OrderStatus,
  actor: Actor,
  opts: StatusChangeOptions = {},
): Promise<OrderDoc> {
  // A caller that has just read the order passes it; the write below is conditional on its status.
  const order = typeof orderOrId === 'string' ? await getOrderDoc(orderOrId) : orderOrId;
  const orderId = String(order._id);
  const from = order.status as OrderStatus;
  if (!canTransition(from, to)) {
    throw new AppError('transition_not_allowed', `An order cannot go from ${from} to ${to}`, [
      { path: 'body.status', message: `not allowed from ${from}`, from, to },
    ]);
  }
  const now = clock.now();
  const { set: callSet, queueChanged } = callStateOnStatus(order, to, now);
  const set: Record<string, unknown> = { status: to, ...callSet };
  if (to === 'completed') set.completedAt = now;
  const updated = await OrderModel.findOneAndUpdate(
    { _id: order._id, status: from },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<OrderDoc>();
  if (!updated) throw conflict('The order status was changed meanwhile; reload it and try again');
  await recordOrderEvent(orderId, {
    type: 'status',
    text: opts.message ?? null,
    data: { from, to, notifyClient: !!opts.notifyClient, notifyAdmin: !!opts.notifyAdmin },
    actor,
  });
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'status_changed',
    changes: {
      status: { from, to },
      ...(callSet['call.state'] !== undefined
        ? { callState: { from: order.call?.state ?? null, to: callSet['call.state'] } }
        : {}),
    },
  });
  await emitDomainEvent('order.statusChanged', {
    orderId,
    from,
    to,
    actor,
    ...(opts.message ? { message: opts.message } : {}),
    // Left undefined when the caller did not say, so the settings decide whether the client is e-mailed.
    notifyClient: opts.notifyClient,
    notifyAdmin: !!opts.notifyAdmin,
  });
  await emitDomainEvent('order.changed', { orderId });
  if (queueChanged) await emitDomainEvent('queue.changed', { reason: `status:${to}`, orderId });
  return updated;
}
