import type { NextCall, OrderStatus } from '@callboard/shared';
import {
  applyCallState,
  callsFallingDue,
  dueCallFilter,
  findDue,
  isCallDue,
  nextCallAfter,
} from '../call-state/index.js';
import type { PersonalHold } from '../call-state/index.js';
import { clock } from '../../lib/clock.js';
import { OrderModel, orderMirror, type OrderDoc } from './order.model.js';
import { findOrderDoc } from './order.service.js';
import { callableStatuses } from './order-status-effects.js';

/**
 * The orders' side of the call queue: which orders are due, and the call-state writes on an
 * order. The rules themselves live in the call-state module, shared with call tasks.
 */

const dueFilter = (now: Date) => ({ ...dueCallFilter(now), status: { $in: [...callableStatuses] } });

/** The order, whole, if it is due at `now`; read by _id, which FerretDB answers without a scan. */
export async function findDueOrder(id: string, now: Date): Promise<OrderDoc | null> {
  const order = await findOrderDoc(id);
  return order && isCallDue(order.call, now) && callableStatuses.includes(order.status as OrderStatus) ? order : null;
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
export const findDueOrders = (now: Date, skip: number, limit: number, fields?: typeof queueFields) =>
  findDue(orderMirror, dueFilter(now), skip, limit, fields);

/** When the first open order not yet due falls due: what an empty queue waits for. */
export const nextOrderCallAfter = (now: Date) => nextCallAfter(orderMirror, dueFilter(now), now);

/** Open orders whose due time falls in (from, to]: what the resurfacing sweep announces. */
export const findOrdersFallingDue = (from: Date, to: Date) => callsFallingDue(orderMirror, dueFilter(to), from, to);

/**
 * Writes a recorded call's result into the order's call state once; the order as the call left it
 * (its updatedAt as the write sets it, to the clock's precision).
 */
export const applyCallToOrder = (order: OrderDoc, callId: string, result: NextCall, personal: PersonalHold) =>
  applyCallState(OrderModel, order, callId, result, personal, { updatedAt: clock.now() });

/** Sets the admin's payment-check flag (an `already_paid` call); the order as it left it. */
export async function flagPaymentCheck(order: OrderDoc): Promise<OrderDoc> {
  const updated = await OrderModel.findByIdAndUpdate(
    order._id,
    { $set: { paymentCheck: true } },
    { returnDocument: 'after' },
  ).lean<OrderDoc>();
  return updated ?? order;
}
