import { derivePaymentStatus, type Actor, type Order, type PaymentBody } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { getOrderDoc, toOrderDto } from './order.service.js';
import { minorOrThrow } from './order-items.js';

const writeAttempts = 5;

/**
 * Records a payment, an advance (a prepayment, counted in both `advances` and `paid`) or a
 * refund, and derives the payment status from the new sums. A negative payment corrects an
 * earlier one; nothing may take the paid amount below zero.
 */
export async function addPayment(orderId: string, body: PaymentBody, actor: Actor): Promise<Order> {
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
    // The filter on the old sum makes a concurrent payment retry instead of overwriting it.
    const updated = await OrderModel.findOneAndUpdate(
      { _id: order._id, paidMinor: paidBefore, advancesMinor: order.advancesMinor ?? 0 },
      {
        $push: { payments: payment },
        $set: { paidMinor, advancesMinor, paymentStatus: derivePaymentStatus(order.totalMinor, paidMinor, refunded) },
      },
      { returnDocument: 'after' },
    ).lean<OrderDoc>();
    if (updated) {
      await emitDomainEvent('order.changed', { orderId });
      return toOrderDto(updated);
    }
  }
  throw conflict('The order is being changed by someone else; please retry');
}
