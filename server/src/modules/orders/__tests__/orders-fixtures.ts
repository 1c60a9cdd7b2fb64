import type { CreateOrderBody, Order, OrderStatus } from '@callboard/shared';
import { resetClock, setClock } from '../../../lib/clock.js';
import { OrderModel } from '../order.model.js';
import { createOrder } from '../order-create.service.js';

export const shop = { type: 'intake' as const, id: null, name: 'Shop website' };

let seq = 0;
export function uniqueTag(): string {
  seq += 1;
  return `t${seq}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function makeOrder(over: Partial<CreateOrderBody> = {}, at?: string): Promise<Order> {
  seq += 1;
  if (at) setClock(() => new Date(at));
  try {
    return await createOrder(
      {
        client: { name: `Client ${seq}`, email: `client${seq}@example.com` },
        items: [{ name: 'Online course', quantity: 1, unitPrice: 49 }],
        currency: 'EUR',
        ...over,
      },
      shop,
      '203.0.113.7',
    );
  } finally {
    resetClock();
  }
}

export async function forceStatus(orderId: string, status: OrderStatus): Promise<void> {
  await OrderModel.updateOne({ _id: orderId }, { $set: { status } });
}
