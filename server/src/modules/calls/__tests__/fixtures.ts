import { beforeEach } from '@jest/globals';
import type { Order } from '@callboard/shared';
import { setClock } from '../../../lib/clock.js';
import { createOrder } from '../../orders/index.js';
import { OrderModel } from '../../orders/order.model.js';
import { TaskModel } from '../../tasks/task.model.js';
import { QueueClaimModel } from '../../queue/queue-claim.model.js';

let counter = 0;

/** A pending order due now, for a client with an e-mail and a Spanish mobile. */
export async function newOrder(client: { timezone?: string; phone?: string; email?: string } = {}): Promise<Order> {
  counter += 1;
  return createOrder(
    {
      client: {
        name: `Client ${counter}`,
        email: client.email ?? `client${counter}-${Date.now()}@example.com`,
        phone: client.phone ?? `+34 600 ${String(100000 + counter).slice(-6)}`,
        ...(client.timezone ? { timezone: client.timezone } : {}),
      },
      items: [{ name: 'Widget', quantity: 2, unitPrice: 20 }],
      currency: 'EUR',
    },
    { type: 'intake', id: null, name: 'Shop' },
    '127.0.0.1',
  );
}

/** Takes everything out of the queue so a test sees only its own items. */
export async function emptyQueue(): Promise<void> {
  await OrderModel.updateMany({}, { $set: { 'call.state': 'closed', 'call.nextCallAt': null } });
  await TaskModel.updateMany({ kind: 'call' }, { $set: { done: true, 'call.state': 'closed' } });
  await QueueClaimModel.deleteMany({});
}

/** A fixed clock that tests move with the returned `at(iso)`, reset to `start` before each test. */
export function useFixedClock(start: string): (iso: string) => void {
  let now = new Date(start);
  const at = (iso: string) => {
    now = new Date(iso);
    setClock(() => now);
  };
  beforeEach(() => at(start));
  return at;
}

/**
 * A fixed clock (as useFixedClock) and an empty queue before each test. Call at the top level of a
 * test file.
 */
export function useQueueClock(start = '2026-05-04T10:00:00Z'): (iso: string) => void {
  const at = useFixedClock(start);
  beforeEach(emptyQueue);
  return at;
}
