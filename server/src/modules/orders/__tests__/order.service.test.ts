import { describe, expect, it } from '@jest/globals';
import { useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../order.model.js';
import { OrderEventModel } from '../order-event.model.js';
import { createFollowUpOrder, createOrder } from '../order-create.service.js';
import { orderTotalMinor } from '../order-items.js';
import { setOrderStatus } from '../order-status.service.js';

useTestApp();
const manager = { type: 'user' as const, id: '0123456789abcdef01234567', name: 'Marta López' };

function newOrder(email: string) {
  return createOrder(
    {
      client: { name: 'Carmen Ruiz', email },
      items: [
        { name: 'Curso de cocina', quantity: 2, unitPrice: 35.5 },
        { name: 'Delantal', quantity: 1, unitPrice: 12 },
      ],
      currency: 'EUR',
      discount: 3,
      tags: ['cocina'],
    },
    { type: 'intake', id: null, name: 'Shop website' },
    null,
  );
}

describe('orderTotalMinor', () => {
  it('sums integer minor units and subtracts the discount', () => {
    expect(orderTotalMinor([{ name: 'a', sku: null, quantity: 3, unitPriceMinor: 1999 }], 97)).toBe(5900);
  });

  it('refuses a discount above the subtotal', () => {
    expect(() => orderTotalMinor([{ name: 'a', sku: null, quantity: 1, unitPriceMinor: 100 }], 101)).toThrow(
      /discount/,
    );
  });
});

describe('createFollowUpOrder', () => {
  it('creates an invoice order for the same client with the same items and keeps the original', async () => {
    const original = await newOrder('carmen1@example.es');
    const { order, newOrder: invoice } = await createFollowUpOrder(original.id, manager, { cancelOriginal: false });
    expect(order.status).toBe('pending');
    expect(invoice).toMatchObject({
      clientId: original.clientId,
      total: 80,
      discount: 3,
      currency: 'EUR',
      tags: ['cocina'],
      status: 'pending',
    });
    expect(invoice.items).toEqual(original.items);
    expect(invoice.number).not.toBe(original.number);
    expect(
      await OrderEventModel.exists({ orderId: original.id, type: 'system', 'data.followUpOrderId': invoice.id }),
    ).toBeTruthy();
  });

  it('cancels (never deletes) the original when replacing it', async () => {
    const original = await newOrder('carmen2@example.es');
    const { order, newOrder: replacement } = await createFollowUpOrder(original.id, manager, { cancelOriginal: true });
    expect(order.status).toBe('cancelled');
    expect(order.call.state).toBe('closed');
    expect((await OrderModel.findById(original.id).lean())?.status).toBe('cancelled');
    expect(replacement.status).toBe('pending');
    expect(await OrderEventModel.exists({ orderId: original.id, type: 'status', 'data.to': 'cancelled' })).toBeTruthy();
  });

  it('refuses to replace an order that cannot be cancelled, before creating anything', async () => {
    const original = await newOrder('carmen3@example.es');
    await setOrderStatus(original.id, 'paid', manager);
    await setOrderStatus(original.id, 'completed', manager);
    const before = await OrderModel.countDocuments();
    await expect(createFollowUpOrder(original.id, manager, { cancelOriginal: true })).rejects.toMatchObject({
      code: 'transition_not_allowed',
    });
    expect(await OrderModel.countDocuments()).toBe(before);
  });
});

describe('setOrderStatus', () => {
  it('puts an order back in the call queue, due now, when it is reopened from cancelled', async () => {
    const o = await newOrder('carmen4@example.es');
    await setOrderStatus(o.id, 'cancelled', manager);
    const reopened = await setOrderStatus(o.id, 'pending', manager);
    expect(reopened.call.state).toBe('due');
    expect(reopened.call.nextCallAt).not.toBeNull();
  });

  it('refuses a transition outside the table with transition_not_allowed', async () => {
    const o = await newOrder('carmen5@example.es');
    await expect(setOrderStatus(o.id, 'shipped', manager)).rejects.toMatchObject({ code: 'transition_not_allowed' });
  });
});
