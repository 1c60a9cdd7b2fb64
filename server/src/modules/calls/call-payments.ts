import mongoose from 'mongoose';
import type { DomainEvents } from '../../lib/domain-events.js';
import { clock } from '../../lib/clock.js';
import { logger } from '../../lib/logger.js';
import { CallModel } from './call.model.js';

const paidWithinMs = 7 * 24 * 60 * 60 * 1000;

/**
 * An order that becomes paid credits the last completed call on it in the 7 days before, which
 * the reports count as "paid within 7 days". Setting the mark again changes nothing, so a repeated
 * event is harmless; a failure here is logged, never the payment's.
 */
export async function creditPaymentToCall({ orderId, to }: DomainEvents['order.statusChanged']): Promise<void> {
  if (to !== 'paid' || !mongoose.isValidObjectId(orderId)) return;
  const paidAt = clock.now();
  try {
    const call = await CallModel.findOne(
      { orderId, outcome: 'completed', at: { $gte: new Date(paidAt.getTime() - paidWithinMs), $lte: paidAt } },
      { _id: 1 },
    )
      .sort({ at: -1 })
      .lean<{ _id: mongoose.Types.ObjectId }>();
    if (call) await CallModel.updateOne({ _id: call._id }, { $set: { paidWithin7Days: true } });
  } catch (err) {
    logger.error(`Could not credit the payment of order ${orderId} to its call`, err);
  }
}
