import {
  fromMinor,
  mayEditOrderField,
  orderFieldLock,
  type Actor,
  type Order,
  type OrderEditField,
  type OrderStatus,
  type PaymentStatus,
  type SessionUser,
  type UpdateOrderBody,
} from '@callboard/shared';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { conflict, forbidden } from '../../lib/errors.js';
import { recordAudit, changedFields } from '../audit/index.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { OrderEventModel } from './order-event.model.js';
import { OrderNoteModel } from './order-note.model.js';
import { getOrderDoc, toOrderDto } from './order.service.js';
import { recordOrderEvent } from './order-timeline.js';
import { computeOrderEdit } from './order-edit-changes.js';
import { orderAuditView } from './order-audit.js';

const lockReason = { paid: 'is paid', status: 'is' } as const;
const fieldNames: Partial<Record<OrderEditField, string>> = {
  items: 'its items',
  discount: 'its discount',
  delivery: 'its delivery',
};

/** A person's PATCH: everything but the auto-cancel date needs the `orders.edit` right (403 naming the fields). */
export function assertMayEditOrder(user: SessionUser, body: UpdateOrderBody): void {
  const fields = (Object.keys(body) as OrderEditField[]).filter((f) => body[f] !== undefined);
  const refused = fields.filter((f) => !mayEditOrderField(user, f));
  if (refused.length > 0) throw forbidden(`Changing ${refused.join(', ')} needs the "orders.edit" right`);
}

/**
 * Staff edits: items (the total follows), discount, manager, tags, funnel and stage, auto-cancel,
 * delivery, payment method, source and channel, income and expenses (who may is checked by the caller:
 * assertMayEditOrder). A paid or closed order refuses what may no longer change (409).
 * One timeline entry lists each change from → to, and one audit entry records it.
 */
export async function updateOrder(orderId: string, body: UpdateOrderBody, actor: Actor): Promise<Order> {
  const order = await getOrderDoc(orderId);
  const { set, changes } = await computeOrderEdit(order, body);
  const state = { status: order.status as OrderStatus, paymentStatus: order.paymentStatus as PaymentStatus };
  for (const field of new Set(changes.map((c) => c.field))) {
    const lock = orderFieldLock(state, field);
    if (!lock) continue;
    const why = lock === 'paid' ? lockReason.paid : `${lockReason.status} ${order.status}`;
    throw conflict(`Order #${order.number} ${why}: ${fieldNames[field] ?? field} can no longer be changed`, [
      { path: `body.${field}`, message: lock === 'paid' ? 'the order is paid' : `the order is ${order.status}` },
    ]);
  }

  const paidMinor = order.paidMinor ?? 0;
  if (typeof set.totalMinor === 'number' && set.totalMinor < paidMinor) {
    const money = (minor: number) => `${fromMinor(minor, order.currency)} ${order.currency}`;
    throw conflict(
      `The new total (${money(set.totalMinor)}) is below the ${money(paidMinor)} already paid: record a refund first`,
    );
  }
  if (changes.length === 0) return toOrderDto(order);
  // Filtering on updatedAt refuses an edit computed from a version someone else just changed.
  const updated = await OrderModel.findOneAndUpdate(
    { _id: order._id, updatedAt: order.updatedAt },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<OrderDoc>();
  if (!updated) throw conflict('The order was changed meanwhile; reload it and try again');
  await recordOrderEvent(orderId, {
    type: 'system',
    text: changes.map((c) => `${c.label}: ${c.from} → ${c.to}`).join('\n'),
    data: { fields: [...new Set(changes.map((c) => c.field))], changes },
    actor,
  });
  const after = toOrderDto(updated);
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'updated',
    changes: changedFields(orderAuditView(toOrderDto(order)), orderAuditView(after)),
  });
  await emitDomainEvent('order.changed', { orderId });
  return after;
}

/**
 * Only an order nothing happened to may be deleted; one with payments, calls or notes is
 * history and must be cancelled instead.
 */
export async function deleteOrder(orderId: string, actor: Actor): Promise<void> {
  const order = await getOrderDoc(orderId);
  const refuse = () =>
    conflict(`Order #${order.number} has payments, calls or notes: cancel it instead of deleting it`);
  if ((order.payments ?? []).length > 0 || (order.call?.attempts ?? 0) > 0) throw refuse();
  if (await OrderNoteModel.exists({ orderId: order._id })) throw refuse();
  // The filter re-checks in the same write, so a call or payment recorded meanwhile is not lost.
  const res = await OrderModel.deleteOne({
    _id: order._id,
    'call.attempts': order.call?.attempts ?? 0,
    payments: { $size: 0 },
  });
  if (res.deletedCount === 0) throw refuse();
  const removed = orderAuditView(toOrderDto(order));
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'deleted',
    changes: Object.fromEntries(Object.entries(removed).map(([field, from]) => [field, { from, to: null }])),
  });
  await OrderEventModel.deleteMany({ orderId: order._id });
  await emitDomainEvent('order.changed', { orderId });
  await emitDomainEvent('queue.changed', { reason: 'order.deleted', orderId });
}
