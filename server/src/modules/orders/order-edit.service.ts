import { derivePaymentStatus, fromMinor, type Actor, type Order, type UpdateOrderBody } from '@callboard/shared';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { conflict } from '../../lib/errors.js';
import { userNames } from '../users/index.js';
import { assertAssignableUser } from '../clients/index.js';
import { iso } from '../../db/dates.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { OrderEventModel } from './order-event.model.js';
import { OrderNoteModel } from './order-note.model.js';
import { copyItems, minorOrThrow, orderTotalMinor, toStoredItems } from './order-items.js';
import { getOrderDoc, toOrderDto } from './order.service.js';
import { recordOrderEvent } from './order-timeline.js';

function moneyText(minor: number, currency: string): string {
  return `${fromMinor(minor, currency)} ${currency}`;
}

/**
 * Staff edits: items (the total follows), discount, manager, tags, funnel and stage, auto-cancel,
 * delivery, payment method, income and expenses. A meaningful change leaves a 'system' entry.
 */
export async function updateOrder(orderId: string, body: UpdateOrderBody, actor: Actor): Promise<Order> {
  const order = await getOrderDoc(orderId);
  const cur = order.currency;
  const set: Record<string, unknown> = {};
  const changes: string[] = [];

  const items = body.items ? toStoredItems(body.items, cur) : copyItems(order);
  const discountMinor =
    body.discount === undefined ? (order.discountMinor ?? 0) : minorOrThrow(body.discount, cur, 'body.discount');
  if (body.items || body.discount !== undefined) {
    const totalMinor = orderTotalMinor(items, discountMinor);
    if (body.items && JSON.stringify(items) !== JSON.stringify(copyItems(order))) {
      set.items = items;
      changes.push(`Items: ${items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}`);
    }
    if (discountMinor !== (order.discountMinor ?? 0)) {
      set.discountMinor = discountMinor;
      changes.push(`Discount: ${moneyText(order.discountMinor ?? 0, cur)} → ${moneyText(discountMinor, cur)}`);
    }
    if (totalMinor !== order.totalMinor) {
      set.totalMinor = totalMinor;
      set.paymentStatus = derivePaymentStatus(totalMinor, order.paidMinor ?? 0, order.paymentStatus === 'refunded');
      changes.push(`Total: ${moneyText(order.totalMinor, cur)} → ${moneyText(totalMinor, cur)}`);
    }
  }
  if (body.managerId !== undefined && body.managerId !== (order.managerId ? String(order.managerId) : null)) {
    if (body.managerId) await assertAssignableUser(body.managerId);
    const names = await userNames([body.managerId ?? '', order.managerId ? String(order.managerId) : '']);
    set.managerId = body.managerId;
    const name = (id: unknown) => (id ? (names.get(String(id)) ?? 'unknown') : 'not assigned');
    changes.push(`Manager: ${name(order.managerId)} → ${name(body.managerId)}`);
  }
  if (body.tags !== undefined) {
    const tags = [...new Set(body.tags)];
    if (tags.join('\n') !== (order.tags ?? []).join('\n')) {
      set.tags = tags;
      changes.push(`Tags: ${tags.join(', ') || 'none'}`);
    }
  }
  for (const key of ['funnel', 'stage'] as const) {
    if (body[key] !== undefined && body[key] !== (order[key] ?? null)) {
      set[key] = body[key];
      changes.push(`${key === 'funnel' ? 'Funnel' : 'Stage'}: ${order[key] ?? 'none'} → ${body[key] ?? 'none'}`);
    }
  }
  if (body.autoCancelAt !== undefined) {
    const next = body.autoCancelAt ? new Date(body.autoCancelAt) : null;
    if (iso(next) !== iso(order.autoCancelAt)) {
      set.autoCancelAt = next;
      changes.push(`Auto-cancel: ${iso(order.autoCancelAt) ?? 'off'} → ${iso(next) ?? 'off'}`);
    }
  }
  if (body.paymentMethod !== undefined && body.paymentMethod !== (order.paymentMethod ?? null)) {
    set.paymentMethod = body.paymentMethod;
    changes.push(`Payment method: ${order.paymentMethod ?? 'none'} → ${body.paymentMethod ?? 'none'}`);
  }
  if (body.delivery) {
    const delivery = {
      method: body.delivery.method !== undefined ? body.delivery.method : (order.delivery?.method ?? null),
      trackingNumber:
        body.delivery.trackingNumber !== undefined
          ? body.delivery.trackingNumber
          : (order.delivery?.trackingNumber ?? null),
    };
    if (
      delivery.method !== (order.delivery?.method ?? null) ||
      delivery.trackingNumber !== (order.delivery?.trackingNumber ?? null)
    ) {
      set.delivery = delivery;
      changes.push(
        `Delivery: ${delivery.method ?? 'none'}${delivery.trackingNumber ? `, tracking ${delivery.trackingNumber}` : ''}`,
      );
    }
  }
  for (const [key, field, label] of [
    ['income', 'incomeMinor', 'Income'],
    ['expenses', 'expensesMinor', 'Expenses'],
  ] as const) {
    const value = body[key];
    if (value === undefined) continue;
    const minor = minorOrThrow(value, cur, `body.${key}`);
    if (minor !== (order[field] ?? 0)) {
      set[field] = minor;
      changes.push(`${label}: ${moneyText(order[field] ?? 0, cur)} → ${moneyText(minor, cur)}`);
    }
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
    text: changes.join('\n'),
    data: { fields: Object.keys(set) },
    actor,
  });
  await emitDomainEvent('order.changed', { orderId });
  return toOrderDto(updated);
}

/**
 * Only an order nothing happened to may be deleted; one with payments, calls or notes is
 * history and must be cancelled instead.
 */
export async function deleteOrder(orderId: string): Promise<void> {
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
  await OrderEventModel.deleteMany({ orderId: order._id });
  await emitDomainEvent('order.changed', { orderId });
  await emitDomainEvent('queue.changed', { reason: 'order.deleted', orderId });
}
