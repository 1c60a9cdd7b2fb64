import { describe, expect, it } from '@jest/globals';
import { onDomainEvent, type DomainEvents } from '../../../lib/domain-events.js';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../order.model.js';
import { OrderEventModel } from '../order-event.model.js';
import { makeOrder } from './orders-fixtures.js';

const ctx = useTestApp();

describe('POST /api/orders/:id/status', () => {
  it('lets an admin change the status, records it and announces it with the notify flags', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    // A client with a phone, so the order is in the call queue (one without waits for a contact).
    const o = await makeOrder({
      client: { name: 'Ana Ruiz', email: 'ana.ruiz@example.com', phone: '+34 600 12 34 56' },
    });
    const seen: DomainEvents['order.statusChanged'][] = [];
    const off = onDomainEvent('order.statusChanged', (e) => {
      seen.push(e);
    });
    try {
      const res = await agent
        .post(`/api/orders/${o.id}/status`)
        .send({ status: 'reserved', message: 'Stock set aside', notifyClient: true, notifyAdmin: false });
      expect(res.status).toBe(200);
      expect(res.body.order.status).toBe('reserved');
      expect(res.body.order.call.state).toBe('due');
    } finally {
      off();
    }
    expect(seen).toEqual([
      expect.objectContaining({
        orderId: o.id,
        from: 'pending',
        to: 'reserved',
        message: 'Stock set aside',
        notifyClient: true,
        notifyAdmin: false,
      }),
    ]);
    const timeline = await agent.get(`/api/orders/${o.id}/timeline`);
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'status')).toMatchObject({
      type: 'status',
      from: 'pending',
      to: 'reserved',
      message: 'Stock set aside',
      by: { type: 'user', id: user.id, name: user.name },
    });
  });

  it('sets completedAt on completion and takes the order out of the call queue', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
    for (const status of ['paid', 'completed']) {
      expect((await agent.post(`/api/orders/${o.id}/status`).send({ status })).status).toBe(200);
    }
    const stored = await OrderModel.findById(o.id).lean();
    expect(stored?.completedAt).toBeInstanceOf(Date);
    expect(stored?.call.state).toBe('closed');
    expect(stored?.call.nextCallAt).toBeNull();
  });

  it('answers 409 transition_not_allowed for a forbidden transition and changes nothing', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
    const res = await agent.post(`/api/orders/${o.id}/status`).send({ status: 'refunded' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('transition_not_allowed');
    expect((await OrderModel.findById(o.id).lean())?.status).toBe('pending');
    expect(await OrderEventModel.countDocuments({ orderId: o.id })).toBe(0);
  });

  it('answers 403 to a manager without the right, 200 to one with orders.status, 400/404 for bad input', async () => {
    const o = await makeOrder();
    const { agent: plain } = await signedInAgent(ctx, 'manager');
    expect((await plain.post(`/api/orders/${o.id}/status`).send({ status: 'reserved' })).status).toBe(403);
    const { agent: trusted } = await signedInAgent(ctx, 'manager', { rights: ['orders.status'] });
    expect((await trusted.post(`/api/orders/${o.id}/status`).send({ status: 'reserved' })).status).toBe(200);
    expect((await trusted.post(`/api/orders/${o.id}/status`).send({ status: 'lost' })).status).toBe(400);
    expect((await trusted.post(`/api/orders/${o.id}/status`).send({ status: { $ne: 'x' } })).status).toBe(400);
    expect((await trusted.post('/api/orders/0123456789abcdef01234567/status').send({ status: 'paid' })).status).toBe(
      404,
    );
  });
});

describe('POST /api/orders/:id/payments', () => {
  it('records payments exactly and derives the payment status', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const o = await makeOrder({ items: [{ name: 'E-book', quantity: 3, unitPrice: 19.99 }] });
    const part = await agent
      .post(`/api/orders/${o.id}/payments`)
      .send({ amount: 20, method: 'card', system: 'Redsys', transactionId: 'tx-1', kind: 'advance' });
    expect(part.status).toBe(201);
    expect(part.body.order).toMatchObject({ paid: 20, advances: 20, paymentStatus: 'partially_paid' });
    const rest = await agent
      .post(`/api/orders/${o.id}/payments`)
      .send({ amount: 39.97, method: 'transfer', comment: 'rest' });
    expect(rest.body.order).toMatchObject({ paid: 59.97, paymentStatus: 'paid' });
    expect(rest.body.order.payments[1]).toMatchObject({
      amount: 39.97,
      method: 'transfer',
      kind: 'payment',
      by: { id: user.id },
    });
    const refund = await agent
      .post(`/api/orders/${o.id}/payments`)
      .send({ amount: 59.97, method: 'transfer', kind: 'refund' });
    expect(refund.body.order).toMatchObject({ paid: 0, paymentStatus: 'refunded' });
    const stored = await OrderModel.findById(o.id).lean();
    expect(stored).toMatchObject({ paidMinor: 0, advancesMinor: 2000, paymentStatus: 'refunded' });
    expect(stored?.payments).toHaveLength(3);
  });

  it('refuses too many decimals, refunds above what was paid and bad bodies without writing', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const o = await makeOrder();
    expect((await agent.post(`/api/orders/${o.id}/payments`).send({ amount: 19.999, method: 'card' })).status).toBe(
      400,
    );
    expect(
      (await agent.post(`/api/orders/${o.id}/payments`).send({ amount: 5, method: 'card', kind: 'refund' })).status,
    ).toBe(400);
    expect((await agent.post(`/api/orders/${o.id}/payments`).send({ amount: 5, method: 'bitcoin' })).status).toBe(400);
    expect((await agent.post(`/api/orders/${o.id}/payments`).send({ amount: { $gt: 0 }, method: 'card' })).status).toBe(
      400,
    );
    expect((await OrderModel.findById(o.id).lean())?.payments).toHaveLength(0);
    const jpy = await makeOrder({ items: [{ name: 'Tea set', quantity: 1, unitPrice: 4500 }], currency: 'JPY' });
    expect((await agent.post(`/api/orders/${jpy.id}/payments`).send({ amount: 0.5, method: 'cash' })).status).toBe(400);
    expect(
      (await agent.post(`/api/orders/${jpy.id}/payments`).send({ amount: 4500, method: 'cash' })).body.order
        .paymentStatus,
    ).toBe('paid');
  });
});
