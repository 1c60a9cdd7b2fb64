import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CreateOrderBody, Order, OrderStatus } from '@callboard/shared';
import { onDomainEvent, type DomainEvents } from '../../../lib/domain-events.js';
import { resetClock, setClock } from '../../../lib/clock.js';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../order.model.js';
import { OrderEventModel } from '../order-event.model.js';
import { createOrder } from '../order.service.js';

const ctx = useTestApp();
const shop = { type: 'intake' as const, id: null, name: 'Shop website' };

let seq = 0;
function uniqueTag(): string {
  seq += 1;
  return `t${seq}-${Math.random().toString(36).slice(2, 8)}`;
}

async function makeOrder(over: Partial<CreateOrderBody> = {}, at?: string): Promise<Order> {
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

async function forceStatus(orderId: string, status: OrderStatus): Promise<void> {
  await OrderModel.updateOne({ _id: orderId }, { $set: { status } });
}

describe('GET /api/orders', () => {
  it('answers 401 without a session', async () => {
    const res = await request(ctx.app).get('/api/orders');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('lists pending, reserved and paid by default, newest first, with client and manager names', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const tag = uniqueTag();
    const made: Order[] = [];
    const statuses: OrderStatus[] = ['pending', 'reserved', 'paid', 'cancelled', 'completed'];
    for (const [i, status] of statuses.entries()) {
      const o = await makeOrder({ tags: [tag] }, `2025-03-0${i + 1}T10:00:00Z`);
      await forceStatus(o.id, status);
      made.push(o);
    }
    await OrderModel.updateOne({ _id: made[1]!.id }, { $set: { managerId: user.id } });
    const res = await agent.get(`/api/orders?tag=${tag}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, limit: 50 });
    expect(res.body.items.map((o: Order) => o.status)).toEqual(['paid', 'reserved', 'pending']);
    expect(res.body.items[1]).toMatchObject({ clientName: expect.stringMatching(/^Client /), managerName: user.name });
    expect(res.body.items[0].managerName).toBeNull();

    const all = await agent.get(`/api/orders?tag=${tag}&status=all`);
    expect(all.body.total).toBe(5);
    const some = await agent.get(`/api/orders?tag=${tag}&status=cancelled,completed`);
    expect(some.body.items.map((o: Order) => o.status)).toEqual(['completed', 'cancelled']);
  });

  it('filters by year in UTC, by manager (or none), stage and client', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const tag = uniqueTag();
    const old = await makeOrder({ tags: [tag] }, '2024-12-31T23:59:59Z');
    const recent = await makeOrder({ tags: [tag] }, '2025-01-01T00:00:00Z');
    await OrderModel.updateOne({ _id: recent.id }, { $set: { managerId: user.id, stage: 'offer-sent' } });

    const y2024 = await agent.get(`/api/orders?tag=${tag}&year=2024`);
    expect(y2024.body.items.map((o: Order) => o.id)).toEqual([old.id]);
    const y2025 = await agent.get(`/api/orders?tag=${tag}&year=2025`);
    expect(y2025.body.items.map((o: Order) => o.id)).toEqual([recent.id]);
    expect((await agent.get(`/api/orders?tag=${tag}&managerId=${user.id}`)).body.items.map((o: Order) => o.id)).toEqual(
      [recent.id],
    );
    expect((await agent.get(`/api/orders?tag=${tag}&managerId=none`)).body.items.map((o: Order) => o.id)).toEqual([
      old.id,
    ]);
    expect((await agent.get(`/api/orders?tag=${tag}&stage=offer-sent`)).body.items.map((o: Order) => o.id)).toEqual([
      recent.id,
    ]);
    expect(
      (await agent.get(`/api/orders?tag=${tag}&clientId=${old.clientId}`)).body.items.map((o: Order) => o.id),
    ).toEqual([old.id]);
  });

  it('searches by order number, e-mail, name and phone written in another format', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const tag = uniqueTag();
    const o = await makeOrder({
      client: { name: 'Begoña Iturralde', email: 'begona.i@example.es', phone: '+34 611 22 33 44' },
      tags: [tag],
    });
    const other = await makeOrder({ tags: [tag] });
    const ids = async (q: string) =>
      (await agent.get(`/api/orders?tag=${tag}&q=${encodeURIComponent(q)}`)).body.items.map((x: Order) => x.id);
    expect(await ids(String(o.number))).toEqual([o.id]);
    expect(await ids(`#${other.number}`)).toEqual([other.id]);
    expect(await ids('begona.i@EXAMPLE.es')).toEqual([o.id]);
    expect(await ids('iturralde')).toEqual([o.id]);
    expect(await ids('0034611223344')).toEqual([o.id]);
    expect(await ids('611 22 33 44')).toEqual([o.id]);
    expect(await ids('nobody-like-this')).toEqual([]);
  });

  it('pages the list and refuses bad paging and operator injection in the query', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const tag = uniqueTag();
    for (let i = 0; i < 3; i++) await makeOrder({ tags: [tag] }, `2025-05-0${i + 1}T08:00:00Z`);
    const page2 = await agent.get(`/api/orders?tag=${tag}&limit=2&page=2`);
    expect(page2.body).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect(page2.body.items).toHaveLength(1);
    expect((await agent.get('/api/orders?limit=201')).status).toBe(400);
    expect((await agent.get('/api/orders?page=0')).status).toBe(400);
    expect((await agent.get('/api/orders?status[$ne]=x')).status).toBe(400);
    expect((await agent.get('/api/orders?q[$regex]=.')).status).toBe(400);
    expect((await agent.get('/api/orders?status=bogus')).status).toBe(400);
    expect((await agent.get('/api/orders?managerId[$ne]=x')).status).toBe(400);
  });
});

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
    const { agent, user } = await signedInAgent(ctx, 'manager');
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
    const { agent } = await signedInAgent(ctx, 'manager');
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

describe('POST /api/orders/:id/status', () => {
  it('lets an admin change the status, records it and announces it with the notify flags', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
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

describe('POST /api/orders/:id/notes and GET /api/orders/:id/timeline', () => {
  it('adds private and public notes and merges notes, payments, status and system entries newest first', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
    const at = (minute: number) => setClock(() => new Date(`2026-02-01T10:${String(minute).padStart(2, '0')}:00Z`));
    at(1);
    const note = await agent.post(`/api/orders/${o.id}/notes`).send({ text: 'Prefers WhatsApp' });
    expect(note.status).toBe(201);
    expect(note.body.note).toMatchObject({ text: 'Prefers WhatsApp', visibility: 'private', by: { id: user.id } });
    at(2);
    await agent.post(`/api/orders/${o.id}/notes`).send({ text: 'Ships Monday', visibility: 'public' });
    at(3);
    await agent.post(`/api/orders/${o.id}/payments`).send({ amount: 10, method: 'cash' });
    at(4);
    await agent.post(`/api/orders/${o.id}/status`).send({ status: 'reserved' });
    at(5);
    await agent.patch(`/api/orders/${o.id}`).send({ stage: 'won' });
    resetClock();
    const res = await agent.get(`/api/orders/${o.id}/timeline`);
    expect(res.status).toBe(200);
    // Other modules (letters) may add their own entries; ours must be there, newest first.
    const ours = res.body.items.filter(
      (i: { type: string; text?: string }) =>
        ['status', 'payment', 'note'].includes(i.type) || i.text === 'Stage: none → won',
    );
    expect(ours.map((i: { type: string }) => i.type)).toEqual(['system', 'status', 'payment', 'note', 'note']);
    expect(ours[2]).toMatchObject({ amount: 10, currency: 'EUR', method: 'cash', at: '2026-02-01T10:03:00.000Z' });
    expect(ours[3]).toMatchObject({ text: 'Ships Monday', visibility: 'public' });
    expect(ours[0]).toMatchObject({ by: { id: user.id }, at: '2026-02-01T10:05:00.000Z' });
    for (const item of res.body.items)
      expect(item).toEqual(expect.objectContaining({ id: expect.any(String), at: expect.any(String) }));
  });

  it('refuses a bad visibility and unknown orders', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const o = await makeOrder();
    expect((await agent.post(`/api/orders/${o.id}/notes`).send({ text: 'x', visibility: 'secret' })).status).toBe(400);
    expect((await agent.post('/api/orders/0123456789abcdef01234567/notes').send({ text: 'x' })).status).toBe(404);
    expect((await agent.get('/api/orders/0123456789abcdef01234567/timeline')).status).toBe(404);
    expect((await request(ctx.app).get(`/api/orders/${o.id}/timeline`)).status).toBe(401);
  });
});

describe('DELETE /api/orders/:id', () => {
  it('deletes an order nothing happened to', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
    expect((await agent.delete(`/api/orders/${o.id}`)).status).toBe(204);
    expect(await OrderModel.exists({ _id: o.id })).toBeNull();
    expect((await agent.delete(`/api/orders/${o.id}`)).status).toBe(404);
  });

  it('refuses with 409 (cancel instead) an order with a payment, a call or a note', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const paid = await makeOrder();
    await agent.post(`/api/orders/${paid.id}/payments`).send({ amount: 1, method: 'cash' });
    const called = await makeOrder();
    await OrderModel.updateOne({ _id: called.id }, { $set: { 'call.attempts': 1 } });
    const noted = await makeOrder();
    await agent.post(`/api/orders/${noted.id}/notes`).send({ text: 'keep me' });
    for (const o of [paid, called, noted]) {
      const res = await agent.delete(`/api/orders/${o.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/cancel it instead/);
      expect(await OrderModel.exists({ _id: o.id })).toBeTruthy();
    }
  });

  it('answers 403 to a manager without the right', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const o = await makeOrder();
    expect((await agent.delete(`/api/orders/${o.id}`)).status).toBe(403);
    expect(await OrderModel.exists({ _id: o.id })).toBeTruthy();
  });
});
