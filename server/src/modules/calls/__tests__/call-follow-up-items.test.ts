import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../../orders/order.model.js';
import { CallModel } from '../call.model.js';
import { newOrder, useFixedClock } from './fixtures.js';

const ctx = useTestApp();
useFixedClock('2026-05-04T08:05:00Z');

describe('POST /api/orders/:id/calls with a follow-up order of its own items', () => {
  it('creates the invoice with the items and discount the dialog edited, the original untouched', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const record = () =>
      agent
        .post(`/api/orders/${order.id}/calls`)
        .set('Idempotency-Key', 'upsell-1')
        .send({
          outcome: 'completed',
          followUp: 'invoice',
          followUpItems: [
            { name: 'Widget', quantity: 2, unitPrice: 20 },
            { name: 'Widget case', quantity: 1, unitPrice: 7.5, sku: 'WC-1' },
          ],
          followUpDiscount: 2.5,
        });
    const res = await record();
    expect(res.status).toBe(201);
    expect(res.body.newOrder).toMatchObject({
      clientId: order.clientId,
      total: 45,
      discount: 2.5,
      items: [
        { name: 'Widget', quantity: 2, unitPrice: 20, sku: null },
        { name: 'Widget case', quantity: 1, unitPrice: 7.5, sku: 'WC-1' },
      ],
    });
    expect(await OrderModel.findById(res.body.newOrder.id).lean()).toMatchObject({
      totalMinor: 4500,
      discountMinor: 250,
    });
    expect(res.body.order).toMatchObject({ id: order.id, total: 40, status: 'pending' });

    // A retry with the same key answers the same order, not a second one.
    const again = await record();
    expect(again.body.newOrder.id).toBe(res.body.newOrder.id);
    expect(await OrderModel.countDocuments({ clientId: order.clientId })).toBe(2);
  });

  it('refuses items without a follow-up, and a discount above the new items, before recording anything', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const orphan = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'completed', followUpItems: [{ name: 'A', quantity: 1, unitPrice: 1 }] });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details[0].path).toBe('body.followUpItems');
    const tooMuch = await agent.post(`/api/orders/${order.id}/calls`).send({
      outcome: 'completed',
      followUp: 'replace',
      followUpItems: [{ name: 'A', quantity: 1, unitPrice: 1 }],
      followUpDiscount: 2,
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details).toEqual([{ path: 'body.followUpDiscount', message: 'exceeds the subtotal' }]);
    expect(await CallModel.countDocuments({ orderId: order.id })).toBe(0);
    expect((await OrderModel.findById(order.id).lean())?.status).toBe('pending');
  });
});
