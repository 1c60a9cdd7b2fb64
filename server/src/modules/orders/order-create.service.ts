import mongoose from 'mongoose';
import {
  canTransition,
  type Actor,
  type CreateOrderBody,
  type Order,
  type OrderStatus,
  type PaymentMethod,
} from '@callboard/shared';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError } from '../../lib/errors.js';
import { addPendingContacts, matchOrCreateClient } from '../clients/index.js';
import { type OrderDoc } from './order.model.js';
import { copyItems, minorOrThrow, orderTotalMinor, toStoredItems } from './order-items.js';
import { insertOrder } from './order-numbering.js';
import { getOrderDoc, toOrderDto } from './order.service.js';
import { recordOrderEvent } from './order-timeline.js';
import { setOrderStatus } from './order-status.service.js';

/** A new order from the shop (intake) or from staff: the client is matched or created first. */
export async function createOrder(input: CreateOrderBody, actor: Actor, ip: string | null): Promise<Order> {
  // Everything is checked before the first write, so a refused order leaves no client behind.
  const items = toStoredItems(input.items, input.currency);
  const discountMinor =
    input.discount === undefined ? 0 : minorOrThrow(input.discount, input.currency, 'body.discount');
  const totalMinor = orderTotalMinor(items, discountMinor);
  // Contacts typed by staff are theirs to vouch for; the shop website's are not (see matchOrCreateClient).
  const { client, newContacts } = await matchOrCreateClient(input.client, { confirmed: actor.type !== 'intake' });
  const doc = await insertOrder({
    clientId: client._id,
    managerId: client.managerId ?? null,
    items,
    currency: input.currency,
    discountMinor,
    totalMinor,
    paymentMethod: input.paymentMethod ?? null,
    tags: [...new Set(input.tags ?? [])],
    funnel: null,
    stage: null,
    delivery: { method: null, trackingNumber: null },
    autoCancelAt: null,
    ip,
    contact: { email: newContacts.email, phone: newContacts.phone?.number ?? null },
    source: input.source ?? null,
    channel: input.channel ?? null,
    createdBy: actor,
  });
  if (newContacts.email || newContacts.phone) {
    await addPendingContacts(client._id, { id: String(doc._id), number: doc.number }, newContacts);
  }
  await emitDomainEvent('order.created', { orderId: String(doc._id), actor });
  return toOrderDto(doc);
}

/**
 * "Save and create invoice" / "cancel and create order": a new order for the same client with the
 * same items, the old one kept (or cancelled, never deleted; the cancellation is checked before
 * anything is written). Created under the id the call reserved for it, with its timeline entries
 * keyed to that id, so a retried call completes it without a second order.
 */
export async function createFollowUpOrder(
  orderOrId: string | OrderDoc,
  actor: Actor,
  opts: { cancelOriginal: boolean; id: string },
): Promise<{ order: Order; newOrder: Order }> {
  const original = typeof orderOrId === 'string' ? await getOrderDoc(orderOrId) : orderOrId;
  const orderId = String(original._id);
  const cancel = opts.cancelOriginal && original.status !== 'cancelled';
  if (cancel && !canTransition(original.status as OrderStatus, 'cancelled')) {
    throw new AppError(
      'transition_not_allowed',
      `Order #${original.number} is ${original.status} and cannot be cancelled`,
    );
  }
  const doc = await insertOrder(
    {
      clientId: original.clientId,
      managerId: original.managerId ?? null,
      items: copyItems(original),
      currency: original.currency,
      discountMinor: original.discountMinor ?? 0,
      totalMinor: original.totalMinor,
      paymentMethod: (original.paymentMethod ?? null) as PaymentMethod | null,
      tags: original.tags ?? [],
      funnel: original.funnel ?? null,
      stage: original.stage ?? null,
      delivery: { method: original.delivery?.method ?? null, trackingNumber: null },
      autoCancelAt: null,
      ip: null,
      // The follow-up continues the same purchase, so its letters may use the same address.
      contact: { email: original.contact?.email ?? null, phone: original.contact?.phone ?? null },
      source: original.source ?? null,
      channel: original.channel ?? null,
      createdBy: actor,
    },
    new mongoose.Types.ObjectId(opts.id),
  );
  const newId = String(doc._id);
  await recordOrderEvent(newId, {
    type: 'system',
    text: `Created from order #${original.number}`,
    data: { fromOrderId: orderId },
    actor,
    once: `follow-up:${newId}:from`,
  });
  await recordOrderEvent(orderId, {
    type: 'system',
    text: `${opts.cancelOriginal ? 'Replaced by' : 'Follow-up'} order #${doc.number}`,
    data: { followUpOrderId: newId },
    actor,
    once: `follow-up:${newId}:to`,
  });
  await emitDomainEvent('order.created', { orderId: newId, actor });
  const order = cancel
    ? await setOrderStatus(original, 'cancelled', actor, { message: `Replaced by order #${doc.number}` })
    : toOrderDto(original);
  return { order, newOrder: toOrderDto(doc) };
}
