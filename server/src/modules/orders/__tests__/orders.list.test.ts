import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Order, OrderStatus } from '@callboard/shared';
import { resetClock, setClock } from '../../../lib/clock.js';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../order.model.js';
import { createOrder } from '../order-create.service.js';
import { forceStatus, makeOrder, uniqueTag } from './orders-fixtures.js';

const ctx = useTestApp();

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

describe('GET /api/clients/:id/orders', () => {
  it("lists the client's orders of every status, newest first, paged", async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const made: Order[] = [];
    for (const [i, day] of ['01', '02', '03'].entries()) {
      setClock(() => new Date(`2025-06-${day}T09:00:00Z`));
      made.push(
        await createOrder(
          {
            client: { name: 'Repeat Buyer', email: 'repeat@example.com' },
            items: [{ name: `Box ${i}`, quantity: 1, unitPrice: 10 }],
            currency: 'EUR',
          },
          { type: 'intake', id: null, name: 'Shop website' },
          null,
        ),
      );
    }
    resetClock();
    await OrderModel.updateOne({ _id: made[2]!.id }, { $set: { status: 'cancelled' } });
    const res = await agent.get(`/api/clients/${made[0]!.clientId}/orders?limit=2`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(res.body.items.map((o: Order) => o.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect((await agent.get('/api/clients/0123456789abcdef01234567/orders')).status).toBe(404);
    expect((await agent.get(`/api/clients/${made[0]!.clientId}/orders?status=all`)).status).toBe(400);
  });
});
