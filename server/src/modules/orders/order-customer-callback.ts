import type { Actor, OrderStatus } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { updateByIdIf } from '../../db/guarded-update.js';
import { setCall } from '../call-state/index.js';
import { OrderModel } from './order.model.js';
import { callableStatuses } from './order-status-effects.js';
import { recordOrderEvent } from './order-timeline.js';

/**
 * A callback the customer booked on their page: the order's next call at `at` for whichever
 * manager is free (no personal hold), with a timeline entry by the customer. Only while the order
 * is still worked by phone; false otherwise, so the caller can leave the team a call task instead.
 */
export async function scheduleCustomerCallback(
  orderId: string,
  at: Date,
  actor: Actor,
  text: string,
): Promise<boolean> {
  const scheduled = await updateByIdIf(
    OrderModel,
    orderId,
    {
      filter: { status: { $in: [...callableStatuses] } },
      holds: (doc: { status: string }) => callableStatuses.includes(doc.status as OrderStatus),
      fields: 'status',
    },
    {
      $set: {
        ...setCall({ state: 'scheduled', nextCallAt: at, personalFor: null, personalUntil: null }),
        updatedAt: clock.now(),
      },
    },
  );
  if (!scheduled) return false;
  await recordOrderEvent(orderId, { type: 'system', text, data: { customerCallbackAt: at.toISOString() }, actor });
  await emitDomainEvent('queue.changed', { reason: 'customer.callback', orderId });
  await emitDomainEvent('order.changed', { orderId });
  return true;
}
