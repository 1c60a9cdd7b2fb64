import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createApp } from '../../../app.js';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { ClientModel } from '../../clients/client.model.js';
import { OrderModel } from '../../orders/order.model.js';

const ctx = useTestApp();
const key = 'test-intake-key-0123456789';

function intake(body: unknown) {
  return request(ctx.app)
    .post('/api/intake/orders')
    .set('X-Api-Key', key)
    .send(body as object);
}

const course = { name: 'Spanish for beginners (online course)', quantity: 1, unitPrice: 49 };

describe('POST /api/intake/orders', () => {
  it('creates a pending order due now with the request IP and a new client', async () => {
    const res = await intake({
      client: { name: 'Lucía Romero', email: 'Lucia.Romero@example.es', phone: '+34 600 11 22 33' },
      items: [course],
      currency: 'eur',
      source: 'Tienda online',
      channel: 'google-ads',
      tags: ['spring'],
    });
    expect(res.status).toBe(201);
    const order = res.body.order;
    expect(order).toMatchObject({
      status: 'pending',
      paymentStatus: 'unpaid',
      currency: 'EUR',
      total: 49,
      paid: 0,
      source: 'Tienda online',
      channel: 'google-ads',
      tags: ['spring'],
      createdBy: { type: 'intake', id: null, name: 'Tienda online' },
    });
    expect(order.number).toBeGreaterThan(10000);
    expect(order.call.state).toBe('due');
    expect(Date.parse(order.call.nextCallAt)).toBeLessThanOrEqual(Date.now());
    expect(order.ip).toMatch(/127\.0\.0\.1|::1/);
    const client = await ClientModel.findById(order.clientId).lean();
    expect(client?.emails).toEqual(['lucia.romero@example.es']);
    expect(client?.phones[0]).toMatchObject({ number: '+34600112233', display: '+34 600 11 22 33', country: 'ES' });
    const stored = await OrderModel.findById(order.id).lean();
    expect(stored?.totalMinor).toBe(4900);
    expect(stored?.ip).toBe(order.ip);
  });

  it('matches an existing client by phone written another way; a new e-mail stays on the order, pending', async () => {
    const first = await intake({
      client: { name: 'Mads Jensen', phone: '+45 20 12 34 56' },
      items: [course],
      currency: 'DKK',
    });
    const second = await intake({
      client: { name: 'Mads J.', phone: '004520123456', email: 'Mads@example.dk' },
      items: [course],
      currency: 'DKK',
    });
    expect(second.status).toBe(201);
    expect(second.body.order.clientId).toBe(first.body.order.clientId);
    expect(second.body.order.createdBy.name).toBe('Shop website');
    expect(second.body.order.contact).toEqual({ email: 'mads@example.dk', phone: null });
    expect(first.body.order.contact).toBeUndefined();
    const client = await ClientModel.findById(first.body.order.clientId).lean();
    expect(client?.name).toBe('Mads Jensen');
    expect(client?.emails).toEqual([]);
    expect(client?.timezone).toBe('Europe/Copenhagen');
    expect(client?.pendingContacts).toHaveLength(1);
    expect(client?.pendingContacts[0]).toMatchObject({
      kind: 'email',
      value: 'mads@example.dk',
      orderNumber: second.body.order.number,
    });
    expect(String(client?.pendingContacts[0]?.orderId)).toBe(second.body.order.id);
    expect(await ClientModel.countDocuments({ 'phones.number': '+4520123456' })).toBe(1);

    // The same e-mail with a third order is offered once; that order keeps its own copy.
    const third = await intake({
      client: { name: 'Mads', phone: '+4520123456', email: 'mads@example.dk' },
      items: [course],
      currency: 'DKK',
    });
    expect(third.body.order.contact).toEqual({ email: 'mads@example.dk', phone: null });
    expect((await ClientModel.findById(first.body.order.clientId).lean())?.pendingContacts).toHaveLength(1);
  });

  it('matches by e-mail when the phone is new; the phone stays pending and sets no time zone', async () => {
    const first = await intake({
      client: { name: 'Oliver Smith', email: 'oliver@example.co.uk' },
      items: [course],
      currency: 'GBP',
    });
    const second = await intake({
      client: { name: 'Oliver Smith', email: 'OLIVER@example.co.uk', phone: '+44 7400 123456' },
      items: [course],
      currency: 'GBP',
    });
    expect(second.body.order.clientId).toBe(first.body.order.clientId);
    expect(second.body.order.contact).toEqual({ email: null, phone: '+447400123456' });
    const client = await ClientModel.findById(first.body.order.clientId).lean();
    expect(client?.phones).toEqual([]);
    expect(client?.emails).toEqual(['oliver@example.co.uk']);
    expect(client?.timezone).toBeNull();
    expect(client?.pendingContacts.map((p) => [p.kind, p.value, p.display])).toEqual([
      ['phone', '+447400123456', '+44 7400 123456'],
    ]);
  });

  it("gives a staff-made order's new e-mail to the client at once", async () => {
    const first = await intake({
      client: { name: 'Staff Typed', phone: '+45 20 99 88 77' },
      items: [course],
      currency: 'DKK',
    });
    const { agent } = await signedInAgent(ctx, 'manager');
    const staff = await agent.post('/api/orders').send({
      client: { name: 'Staff Typed', phone: '+4520998877', email: 'typed@example.dk' },
      items: [course],
      currency: 'DKK',
    });
    expect(staff.status).toBe(201);
    expect(staff.body.order.contact).toBeUndefined();
    const client = await ClientModel.findById(first.body.order.clientId).lean();
    expect(client?.emails).toEqual(['typed@example.dk']);
    expect(client?.pendingContacts).toEqual([]);
  });

  it('creates a new client when neither phone nor e-mail is known; no zone for a multi-zone country', async () => {
    const res = await intake({
      client: { name: 'Emily Carter', email: 'emily@example.com', phone: '+1 212 555 0123' },
      items: [course],
      currency: 'USD',
    });
    const client = await ClientModel.findById(res.body.order.clientId).lean();
    expect(client?.name).toBe('Emily Carter');
    expect(client?.timezone).toBeNull();
    expect(client?.phones[0]?.country).toBe('US');
  });

  it('sums money exactly in minor units (3 × 19.99 EUR = 59.97)', async () => {
    const res = await intake({
      client: { name: 'Exact Sum' },
      items: [{ name: 'E-book', quantity: 3, unitPrice: 19.99 }],
      currency: 'EUR',
    });
    expect(res.status).toBe(201);
    expect(res.body.order.total).toBe(59.97);
    expect(res.body.order.items[0].lineTotal).toBe(59.97);
    expect((await OrderModel.findById(res.body.order.id).lean())?.totalMinor).toBe(5997);
  });

  it('refuses more decimals than the currency has (19.999 EUR, 1.5 JPY) and accepts whole yen', async () => {
    const eur = await intake({
      client: { name: 'A' },
      items: [{ name: 'X', quantity: 1, unitPrice: 19.999 }],
      currency: 'EUR',
    });
    expect(eur.status).toBe(400);
    expect(eur.body.error.code).toBe('validation_failed');
    const jpyBad = await intake({
      client: { name: 'A' },
      items: [{ name: 'X', quantity: 1, unitPrice: 1.5 }],
      currency: 'JPY',
    });
    expect(jpyBad.status).toBe(400);
    const jpy = await intake({
      client: { name: 'Yuki Tanaka' },
      items: [{ name: 'X', quantity: 2, unitPrice: 1500 }],
      currency: 'JPY',
    });
    expect(jpy.status).toBe(201);
    expect(jpy.body.order.total).toBe(3000);
    expect((await OrderModel.findById(jpy.body.order.id).lean())?.totalMinor).toBe(3000);
  });

  it('writes nothing when any part of the order is invalid (a bad second item creates no client)', async () => {
    const clients = await ClientModel.countDocuments();
    const orders = await OrderModel.countDocuments();
    const res = await intake({
      client: { name: 'Nobody Written', email: 'nobody-written@example.com' },
      items: [course, { name: 'Broken', quantity: 0, unitPrice: 10 }],
      currency: 'EUR',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.some((d: { path: string }) => d.path === 'body.items.1.quantity')).toBe(true);
    const discount = await intake({
      client: { name: 'Nobody Written' },
      items: [course],
      currency: 'EUR',
      discount: 100,
    });
    expect(discount.status).toBe(400);
    expect(await ClientModel.countDocuments()).toBe(clients);
    expect(await OrderModel.countDocuments()).toBe(orders);
  });

  it('refuses operator injection and unknown fields with 400', async () => {
    const injected = await intake({ client: { name: 'X', email: { $gt: '' } }, items: [course], currency: 'EUR' });
    expect(injected.status).toBe(400);
    const extra = await intake({ client: { name: 'X' }, items: [course], currency: 'EUR', status: 'paid' });
    expect(extra.status).toBe(400);
  });

  it('answers 401 without or with a wrong key, and 403 when intake is disabled', async () => {
    const body = { client: { name: 'X' }, items: [course], currency: 'EUR' };
    expect((await request(ctx.app).post('/api/intake/orders').send(body)).status).toBe(401);
    expect(
      (await request(ctx.app).post('/api/intake/orders').set('X-Api-Key', 'wrong-key-wrong-key').send(body)).status,
    ).toBe(401);
    const disabled = createApp({ ...ctx.env, intakeApiKey: undefined });
    const res = await request(disabled).post('/api/intake/orders').set('X-Api-Key', key).send(body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('gives 50 parallel orders 50 distinct numbers and loses none', async () => {
    const before = await OrderModel.countDocuments();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        intake({
          client: { name: `Parallel ${i}`, email: `parallel${i}@example.com` },
          items: [course],
          currency: 'EUR',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = new Set(results.map((r) => r.body.order.number));
    expect(numbers.size).toBe(50);
    expect(await OrderModel.countDocuments()).toBe(before + 50);
  });
});

describe('letters about a website order that brought a new e-mail', () => {
  const letter = { subject: 'Order <$order_number>', html: '<p>Hello <$name></p>' };
  const lettersTo = async (agent: request.Agent, orderId: string) =>
    ((await agent.get(`/api/letters?orderId=${orderId}`)).body.items as { to: string }[]).map((l) => l.to);

  it("go to the order's own e-mail while the client has no confirmed one, and never for the client's other orders", async () => {
    const first = await intake({
      client: { name: 'Phone Only', phone: '+45 31 22 33 44' },
      items: [course],
      currency: 'DKK',
    });
    const second = await intake({
      client: { name: 'Phone Only', phone: '+4531223344', email: 'someone-new@example.dk' },
      items: [course],
      currency: 'DKK',
    });
    const { agent } = await signedInAgent(ctx, 'manager');
    const own = await agent.post(`/api/orders/${second.body.order.id}/calls`).send({ outcome: 'completed', letter });
    expect(own.status).toBe(201);
    expect(await lettersTo(agent, second.body.order.id)).toEqual(['someone-new@example.dk']);

    const other = await agent.post(`/api/orders/${first.body.order.id}/calls`).send({ outcome: 'completed', letter });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('unprocessable');
    expect(await lettersTo(agent, first.body.order.id)).toEqual([]);
  });

  it("go to the client's confirmed e-mail when there is one, not the order's", async () => {
    await intake({
      client: { name: 'Has Email', phone: '+45 32 22 33 44', email: 'confirmed@example.dk' },
      items: [course],
      currency: 'DKK',
    });
    const forged = await intake({
      client: { name: 'Has Email', phone: '+4532223344', email: 'intruder@example.dk' },
      items: [course],
      currency: 'DKK',
    });
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.post(`/api/orders/${forged.body.order.id}/calls`).send({ outcome: 'completed', letter });
    expect(res.status).toBe(201);
    expect(await lettersTo(agent, forged.body.order.id)).toEqual(['confirmed@example.dk']);
  });
});
