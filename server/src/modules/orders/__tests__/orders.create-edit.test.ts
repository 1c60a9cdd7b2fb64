import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../order.model.js';
import { OrderEventModel } from '../order-event.model.js';
import { makeOrder, shop } from './orders-fixtures.js';

const ctx = useTestApp();

describe('POST /api/orders', () => {
  it('lets staff create an order with the same body as intake', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const res = await agent.post('/api/orders').send({
      client: { name: 'Hannah Weber', phone: '+49 1512 3456789' },
      items: [
        { name: 'Yoga mat', quantity: 2, unitPrice: 24.5, sku: 'YM-1' },
        { name: 'E-book', quantity: 1, unitPrice: 9.99 },
      ],
      currency: 'EUR',
      discount: 5,
    });
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({
      total: 53.99,
      discount: 5,
      status: 'pending',
      createdBy: { type: 'user', id: user.id },
    });
    expect(await OrderModel.exists({ _id: res.body.order.id })).toBeTruthy();
  });

  it('refuses injection in the body and answers 401 without a session', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const injected = await agent
      .post('/api/orders')
      .send({ client: { name: 'X', email: { $gt: '' } }, items: [], currency: 'EUR' });
    expect(injected.status).toBe(400);
    expect((await request(ctx.app).post('/api/orders').send({})).status).toBe(401);
  });

  it('takes the next free number when the counter lags behind numbers already in use', async () => {
    const latest = await makeOrder();
    const taken = Array.from({ length: 30 }, (_, i) => latest.number + 1 + i);
    await OrderModel.insertMany(
      taken.map((number) => ({
        number,
        clientId: latest.clientId,
        items: [{ name: 'Imported', quantity: 1, unitPriceMinor: 100 }],
        currency: 'EUR',
        totalMinor: 100,
        createdBy: shop,
      })),
    );
    const next = await makeOrder();
    expect(next.number).toBe(latest.number + 31);
  });
});

describe('GET /api/orders/:id', () => {
  it('returns the order with its client', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const o = await makeOrder({ client: { name: 'Søren Kierkegaard', phone: '+45 31 22 33 44' } });
    const res = await agent.get(`/api/orders/${o.id}`);
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({ id: o.id, number: o.number, ip: '203.0.113.7' });
    expect(res.body.client).toMatchObject({
      id: o.clientId,
      name: 'Søren Kierkegaard',
      timezone: 'Europe/Copenhagen',
      notes: [],
    });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.get('/api/orders/0123456789abcdef01234567')).status).toBe(404);
    expect((await agent.get('/api/orders/not-an-id')).status).toBe(400);
  });
});

describe('PATCH /api/orders/:id', () => {
  it('recomputes the total from new items and discount and records the change on the timeline', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager', { rights: ['orders.edit'] });
    const o = await makeOrder();
    const res = await agent.patch(`/api/orders/${o.id}`).send({
      items: [{ name: 'Course', quantity: 3, unitPrice: 19.99 }],
      discount: 0.97,
      managerId: user.id,
      tags: ['vip', 'vip', 'spring'],
      funnel: 'Courses',
      stage: 'negotiation',
      autoCancelAt: '2030-01-01T00:00:00Z',
      delivery: { method: 'by e-mail' },
      paymentMethod: 'transfer',
      income: 59,
      expenses: 12.5,
    });
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({
      total: 59,
      discount: 0.97,
      managerId: user.id,
      tags: ['vip', 'spring'],
      funnel: 'Courses',
      stage: 'negotiation',
      autoCancelAt: '2030-01-01T00:00:00.000Z',
      delivery: { method: 'by e-mail', trackingNumber: null },
      paymentMethod: 'transfer',
      income: 59,
      expenses: 12.5,
    });
    const stored = await OrderModel.findById(o.id).lean();
    expect(stored).toMatchObject({ totalMinor: 5900, discountMinor: 97, expensesMinor: 1250 });
    const events = await OrderEventModel.find({ orderId: o.id, type: 'system' }).lean();
    expect(events).toHaveLength(1);
    expect(events[0]?.text).toMatch(`Manager: not assigned → ${user.name}`);
    expect(events[0]?.by).toMatchObject({ type: 'user', id: user.id });

    const off = await agent.patch(`/api/orders/${o.id}`).send({ autoCancelAt: null });
    expect(off.body.order.autoCancelAt).toBeNull();
  });

  it('refuses an unknown manager, too many decimals, a discount above the subtotal, and injection', async () => {
    const { agent } = await signedInAgent(ctx, 'manager', { rights: ['orders.edit'] });
    const o = await makeOrder();
    expect((await agent.patch(`/api/orders/${o.id}`).send({ managerId: '0123456789abcdef01234567' })).status).toBe(400);
    expect((await agent.patch(`/api/orders/${o.id}`).send({ discount: 1.234 })).status).toBe(400);
    expect((await agent.patch(`/api/orders/${o.id}`).send({ discount: 50 })).status).toBe(400);
    expect((await agent.patch(`/api/orders/${o.id}`).send({ tags: { $gt: '' } })).status).toBe(400);
    expect((await agent.patch(`/api/orders/${o.id}`).send({ status: 'paid' })).status).toBe(400);
    expect((await agent.patch('/api/orders/0123456789abcdef01234567').send({ tags: [] })).status).toBe(404);
    expect((await OrderModel.findById(o.id).lean())?.totalMinor).toBe(4900);
    expect(await OrderEventModel.countDocuments({ orderId: o.id })).toBe(0);
  });
});
