import {
  derivePaymentStatus,
  fromMinor,
  statusAfterPayment,
  type Actor,
  type Order,
  type OrderStatus,
  type PaymentBody,
  type PaymentStatus,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError, badRequest, conflict } from '../../lib/errors.js';
import { recordAudit } from '../audit/index.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { getOrderDoc, toOrderDto } from './order.service.js';
import { minorOrThrow } from './order-items.js';
import { changeOrderStatus } from './order-status.service.js';

const writeAttempts = 5;

type PaymentWrite = { before: OrderDoc; after: OrderDoc };

/** Appends the payment and the sums it moves, conditional on the sums read, so a concurrent payment retries. */
async function writePayment(orderId: string, body: PaymentBody, actor: Actor): Promise<PaymentWrite> {
  for (let attempt = 0; attempt < writeAttempts; attempt++) {
    const order = await getOrderDoc(orderId);
    const amountMinor = minorOrThrow(body.amount, order.currency, 'body.amount');
    if (body.kind !== 'payment' && amountMinor < 0) {
      throw badRequest(`A ${body.kind} amount must be positive`, [
        { path: 'body.amount', message: 'must be positive' },
      ]);
    }
    const paidBefore = order.paidMinor ?? 0;
    const delta = body.kind === 'refund' ? -amountMinor : amountMinor;
    const paidMinor = paidBefore + delta;
    if (paidMinor < 0) {
      throw badRequest('This would take the paid amount below zero', [
        { path: 'body.amount', message: 'exceeds what was paid' },
      ]);
    }
    const advancesMinor = (order.advancesMinor ?? 0) + (body.kind === 'advance' ? amountMinor : 0);
    const refunded = body.kind === 'refund' ? paidMinor === 0 : order.paymentStatus === 'refunded' && paidMinor === 0;
    const paymentStatus = derivePaymentStatus(order.totalMinor, paidMinor, refunded);
    const payment = {
      at: clock.now(),
      kind: body.kind,
      method: body.method,
      system: body.system ?? null,
      transactionId: body.transactionId ?? null,
      attempts: body.attempts ?? 1,
      amountMinor,
      comment: body.comment ?? null,
      by: actor,
    };
    // Paid in full, there is nothing left for an admin to check.
    const set = {
      paidMinor,
      advancesMinor,
      paymentStatus,
      ...(paymentStatus === 'paid' ? { paymentCheck: false } : {}),
    };
    const updated = await OrderModel.findOneAndUpdate(
      { _id: order._id, paidMinor: paidBefore, advancesMinor: order.advancesMinor ?? 0 },
      { $push: { payments: payment }, $set: set },
      { returnDocument: 'after' },
    ).lean<OrderDoc>();
    if (updated) return { before: order, after: updated };
  }
  throw conflict('The order is being changed by someone else; please retry');
}

/**
 * Moves the status where the payments say (statusAfterPayment), by the person who recorded the
 * payment, so the status letter and the call queue follow as for a change by hand. A status changed
 * meanwhile is read again and judged anew; the answer is the order as it now stands.
 */
async function settleStatus(order: OrderDoc, before: PaymentStatus, actor: Actor): Promise<OrderDoc> {
  let current = order;
  for (let attempt = 0; attempt < writeAttempts; attempt++) {
    const to = statusAfterPayment(current.status as OrderStatus, before, current.paymentStatus as PaymentStatus);
    if (!to) return current;
    try {
      return await changeOrderStatus(current, to, actor);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
      current = await getOrderDoc(String(order._id));
    }
  }
  return current;
}

/**
 * Records a payment, an advance (a prepayment, counted in both `advances` and `paid`) or a refund,
 * and derives the payment status from the new sums. A negative payment corrects an earlier one;
 * nothing may take the paid amount below zero. Covering the total pays the order (status `paid`,
 * out of the call queue); taking money back from a paid order reopens it (see statusAfterPayment).
 */
export async function addPayment(orderId: string, body: PaymentBody, actor: Actor): Promise<Order> {
  const { before, after } = await writePayment(orderId, body, actor);
  const added = after.payments[after.payments.length - 1];
  const money = (minor: number) => fromMinor(minor, after.currency);
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: body.kind === 'refund' ? 'refund_recorded' : 'payment_recorded',
    changes: {
      payments: {
        from: null,
        to: {
          id: String((added as { _id?: unknown } | undefined)?._id ?? ''),
          kind: body.kind,
          amount: body.amount,
          method: body.method,
          system: body.system ?? null,
          transactionId: body.transactionId ?? null,
          attempts: body.attempts ?? 1,
          comment: body.comment ?? null,
        },
      },
      paid: { from: money(before.paidMinor ?? 0), to: money(after.paidMinor ?? 0) },
      ...(before.paymentStatus !== after.paymentStatus
        ? { paymentStatus: { from: before.paymentStatus, to: after.paymentStatus } }
        : {}),
      ...(before.paymentCheck && !after.paymentCheck ? { paymentCheck: { from: true, to: false } } : {}),
    },
  });
  const settled = await settleStatus(after, before.paymentStatus as PaymentStatus, actor);
  await emitDomainEvent('order.changed', { orderId });
  return toOrderDto(settled);
}
