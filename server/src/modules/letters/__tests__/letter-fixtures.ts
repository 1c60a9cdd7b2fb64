import { ClientModel } from '../../clients/client.model.js';
import { OrderModel } from '../../orders/order.model.js';

let nextNumber = 50_000;

export type OrderFixture = {
  name?: string;
  email?: string | null;
  paymentMethod?: 'card' | 'transfer' | 'cash' | null;
  status?: string;
  totalMinor?: number;
  currency?: string;
  managerId?: string | null;
  completedAt?: Date | null;
};

/** A client and an order written straight to the database, so letter tests need no other module's routes. */
export async function createOrderFixture(f: OrderFixture = {}) {
  const client = await ClientModel.create({
    name: f.name ?? 'Ana García',
    emails: f.email === null ? [] : [f.email ?? 'ana@example.com'],
    phones: [{ number: '+34600000001', display: '+34 600 00 00 01', country: 'ES' }],
  });
  nextNumber += 1;
  const totalMinor = f.totalMinor ?? 4990;
  const order = await OrderModel.create({
    number: nextNumber,
    status: f.status ?? 'pending',
    clientId: client._id,
    managerId: f.managerId ?? null,
    items: [{ name: 'Lamp', quantity: 1, unitPriceMinor: totalMinor }],
    currency: f.currency ?? 'EUR',
    totalMinor,
    paymentMethod: f.paymentMethod ?? null,
    completedAt: f.completedAt ?? null,
    createdBy: { type: 'intake', id: null, name: 'Shop' },
  });
  return { client, order, orderId: String(order._id), number: order.number };
}
