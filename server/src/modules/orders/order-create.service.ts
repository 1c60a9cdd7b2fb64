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
import { recordAudit, changedFields } from '../audit/index.js';
import { derivedObjectId } from '../../db/duplicate-key.js';
import { AppError } from '../../lib/errors.js';
import { addPendingContacts, hasCallablePhone, matchOrCreateClient } from '../clients/index.js';
import { type OrderDoc } from './order.model.js';
import {
  copyItems,
  minorOrThrow,
  orderTotalMinor,
  toStoredItems,
  type ItemInput,
  type StoredItem,
} from './order-items.js';
import { orderAuditView } from './order-audit.js';
import { insertOrder } from './order-numbering.js';
import { findOrderDoc, getOrderDoc, toOrderDto } from './order.service.js';
import { recordOrderEvent } from './order-timeline.js';
import { setOrderStatus } from './order-status.service.js';

/**
 * A new order from the shop (intake) or from staff: the client is matched or created first. With an
 * idempotency key the order is created under an id derived from it, once: a retry finds that order
 * and only re-announces it, so its effects (the confirmation letter, keyed to the order) finish once.
 */
export async function createOrder(
  input: CreateOrderBody,
  actor: Actor,
  ip: string | null,
  opts: { idempotencyKey?: string } = {},
): Promise<Order> {
  const id = opts.idempotencyKey ? derivedObjectId(`order:${opts.idempotencyKey}`) : undefined;
  const earlier = id ? await findOrderDoc(String(id)) : null;
  if (earlier) {
    await emitDomainEvent('order.created', { orderId: String(earlier._id), actor });
    return toOrderDto(earlier);
  }
  // Everything is checked before the first write, so a refused order leaves no client behind.
  const items = toStoredItems(input.items, input.currency);
  const discountMinor =
    input.discount === undefined ? 0 : minorOrThrow(input.discount, input.currency, 'body.discount');
  const totalMinor = orderTotalMinor(items, discountMinor);
  // Contacts typed by staff are theirs to vouch for; the shop website's are not (see matchOrCreateClient).
  const { client, newContacts } = await matchOrCreateClient(input.client, { confirmed: actor.type !== 'intake' });
  const doc = await insertOrder(
    {
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
      delivery: { method: null, address: null, trackingNumber: null, expectedDate: null },
      autoCancelAt: null,
      ip,
      contact: { email: newContacts.email, phone: newContacts.phone?.number ?? null },
      source: input.source ?? null,
      channel: input.channel ?? null,
      createdBy: actor,
    },
    id,
    hasCallablePhone(client),
  );
  if (newContacts.email || newContacts.phone) {
    await addPendingContacts(client._id, { id: String(doc._id), number: doc.number }, newContacts);
  }
  const order = toOrderDto(doc);
  await auditCreated(order, actor);
  await emitDomainEvent('order.created', { orderId: order.id, actor });
  return order;
}

async function auditCreated(order: Order, actor: Actor): Promise<void> {
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: order.id,
    action: 'created',
    changes: changedFields({}, orderAuditView(order)),
  });
}

/** A follow-up's own price, when the call gave one (an upsell). */
export type FollowUpPrice = { items: StoredItem[]; discountMinor: number };

/**
 * The follow-up order's items and discount from a call body, in the original's currency: checked when
 * the call is recorded, before anything is written (400 naming the field when they do not add up).
 */
export function followUpPrice(
  original: Pick<OrderDoc, 'currency'>,
  input: { items: ItemInput[]; discount?: number | undefined },
): FollowUpPrice {
  const items = toStoredItems(input.items, original.currency, 'body.followUpItems');
  const discountMinor =
    input.discount === undefined ? 0 : minorOrThrow(input.discount, original.currency, 'body.followUpDiscount');
  orderTotalMinor(items, discountMinor, 'body.followUpDiscount');
  return { items, discountMinor };
}

/**
 * "Save and create invoice" / "cancel and create order": a new order for the same client with the
 * items the call gave (else the same items), the old one kept (or cancelled, never deleted; the cancellation is checked before
 * anything is written). Created under the id the call reserved for it, with its timeline entries
 * keyed to that id, so a retried call completes it without a second order.
 */
export async function createFollowUpOrder(
  orderOrId: string | OrderDoc,
  actor: Actor,
  opts: { cancelOriginal: boolean; id: string; price?: FollowUpPrice | null },
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
  // Without a price of its own (an invoice for the same things) the follow-up copies the original's.
  const price = opts.price ?? { items: copyItems(original), discountMinor: original.discountMinor ?? 0 };
  const doc = await insertOrder(
    {
      clientId: original.clientId,
      managerId: original.managerId ?? null,
      items: price.items,
      currency: original.currency,
      discountMinor: price.discountMinor,
      totalMinor: orderTotalMinor(price.items, price.discountMinor),
      paymentMethod: (original.paymentMethod ?? null) as PaymentMethod | null,
      tags: original.tags ?? [],
      funnel: original.funnel ?? null,
      stage: original.stage ?? null,
      // The parcel is the new order's own: only how and where it goes carries over.
      delivery: {
        method: original.delivery?.method ?? null,
        address: original.delivery?.address ?? null,
        trackingNumber: null,
        expectedDate: null,
      },
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
  const newOrder = toOrderDto(doc);
  await auditCreated(newOrder, actor);
  await emitDomainEvent('order.created', { orderId: newId, actor, followUpOf: orderId });
  const order = cancel
    ? await setOrderStatus(original, 'cancelled', actor, { message: `Replaced by order #${doc.number}` })
    : toOrderDto(original);
  return { order, newOrder };
}
