import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { resetClock, setClock } from '../../../lib/clock.js';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../order.model.js';
import { makeOrder } from './orders-fixtures.js';

const ctx = useTestApp();

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
