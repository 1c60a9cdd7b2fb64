import type mongoose from 'mongoose';
import { canTransition, orderStatuses, type OrderStatus } from '@callboard/shared';
import { AppError } from '../../lib/errors.js';
import { schedulerActor } from '../../db/actor.js';
import { OrderModel } from './order.model.js';
import { setOrderStatus } from './order-status.service.js';

/** Orders past their auto-cancel date in a status that may still become cancelled. */
function findOrdersToAutoCancel(now: Date, statuses: OrderStatus[], limit: number) {
  return OrderModel.find({ autoCancelAt: { $lte: now }, status: { $in: statuses } }, { _id: 1 })
    .sort({ autoCancelAt: 1 })
    .limit(limit)
    .lean<{ _id: mongoose.Types.ObjectId }[]>();
}

const autoCancellable = orderStatuses.filter((s) => canTransition(s, 'cancelled'));

/**
 * The auto-cancel sweep: orders past their auto-cancel date are cancelled by the scheduler.
 * setOrderStatus changes the status only from the status it read, so two sweeps racing on one
 * order cancel it once; the loser's conflict is expected and ignored.
 */
export async function autoCancelDueOrders(now: Date, batch = 200): Promise<number> {
  let cancelled = 0;
  for (;;) {
    const due = await findOrdersToAutoCancel(now, autoCancellable, batch);
    for (const { _id } of due) {
      const id = String(_id);
      try {
        await setOrderStatus(id, 'cancelled', schedulerActor, {
          message: 'Cancelled automatically: the auto-cancel date has passed',
          notifyClient: true,
        });
        // A reopened order must not be cancelled again by the date that already did it.
        await OrderModel.updateOne({ _id, status: 'cancelled' }, { $set: { autoCancelAt: null } });
        cancelled += 1;
      } catch (err) {
        if (!(err instanceof AppError && (err.code === 'conflict' || err.code === 'transition_not_allowed'))) throw err;
      }
    }
    if (due.length < batch) return cancelled;
  }
}
