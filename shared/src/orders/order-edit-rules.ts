import type { Right, Role } from '../users/users.schema.js';
import { hasRight } from '../users/rights.js';
import type { OrderStatus, PaymentStatus } from './order-status.js';
import type { UpdateOrderBody } from './order.schema.js';

export type OrderEditField = keyof UpdateOrderBody;

/**
 * What every manager could change before the `orders.edit` right existed (the auto-cancel date), and may
 * still; everything else on the order needs the right (admins hold every right).
 */
const editableWithoutRight: readonly OrderEditField[] = ['autoCancelAt'];

export function mayEditOrderField(
  user: { role: Role; rights?: readonly Right[] } | null | undefined,
  field: OrderEditField,
): boolean {
  return editableWithoutRight.includes(field) || hasRight(user, 'orders.edit');
}

/** While the sale is still being agreed, its lines and price may change. */
const itemsOpenStatuses: readonly OrderStatus[] = ['pending', 'reserved', 'on_hold'];
/** A cancelled, failed or refunded order ships nothing. */
const deliveryClosedStatuses: readonly OrderStatus[] = ['cancelled', 'failed', 'refunded'];

export type OrderFieldLock = 'paid' | 'status';

/**
 * Why a field of this order can no longer be changed, or null. Items and the discount are the price the
 * client was asked to pay: fixed once it is paid in full (an advance still allows an upsell) or the order
 * moved on; delivery stays editable after payment (tracking arrives then) until the order is closed.
 * Tags, funnel and stage, manager, source and channel, income and expenses are bookkeeping, always open.
 * The server enforces this (409); the card mirrors it to show the field read-only.
 */
export function orderFieldLock(
  order: { status: OrderStatus; paymentStatus: PaymentStatus },
  field: OrderEditField,
): OrderFieldLock | null {
  if (field === 'items' || field === 'discount') {
    if (order.paymentStatus === 'paid' || order.paymentStatus === 'refunded') return 'paid';
    if (!itemsOpenStatuses.includes(order.status)) return 'status';
  }
  if (field === 'delivery' && deliveryClosedStatuses.includes(order.status)) return 'status';
  return null;
}
