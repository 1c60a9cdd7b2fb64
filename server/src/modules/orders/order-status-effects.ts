import type { OrderStatus } from '@callboard/shared';
import { setCall } from '../call-state/index.js';
import type { OrderDoc } from './order.model.js';

/** Statuses in which the order is still worked by phone; leaving them takes the order out of the queue. */
export const callableStatuses: readonly OrderStatus[] = ['pending', 'reserved'];

/**
 * What a status change does to the order's call state: leaving the callable statuses takes the
 * order out of the call queue; coming back from a closed status puts it in the queue again, due
 * now. `set` joins the status write; `queueChanged` says the queue must hear of it.
 */
export function callStateOnStatus(
  order: Pick<OrderDoc, 'status' | 'call'>,
  to: OrderStatus,
  now: Date,
): { set: Record<string, unknown>; queueChanged: boolean } {
  const wasCallable = callableStatuses.includes(order.status as OrderStatus);
  const isCallable = callableStatuses.includes(to);
  if (!isCallable && order.call?.state !== 'closed')
    return { set: setCall({ state: 'closed', nextCallAt: null }), queueChanged: true };
  if (isCallable && !wasCallable && order.call?.state === 'closed')
    return { set: setCall({ state: 'due', nextCallAt: now }), queueChanged: true };
  return { set: {}, queueChanged: false };
}
