import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { OrderModel } from '../../orders/order.model.js';
import { ClientModel } from '../../clients/client.model.js';
import { CallModel } from '../call.model.js';
import { emptyQueue, newOrder, useFixedClock } from './fixtures.js';

const ctx = useTestApp();

const at = useFixedClock('2026-05-04T08:05:00Z'); // 10:05 in Madrid

describe('POST /api/orders/:id/calls', () => {
  it('schedules the next call 1 hour after a first not-reached call and 24 hours after a second, from the actual call time', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    await emptyQueue();
    const order = await newOrder({ timezone: 'Europe/Madrid' });
    const first = await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached' });
    expect(first.status).toBe(201);
    expect(first.body.order.call).toMatchObject({
      state: 'scheduled',
      nextCallAt: '2026-05-04T09:05:00.000Z',
      notReachedStreak: 1,
      attempts: 1,
      lastOutcome: 'not_reached',
    });
    expect(first.body.call).toMatchObject({
      outcome: 'not_reached',
      nextCallAt: '2026-05-04T09:05:00.000Z',
      orderId: order.id,
      kind: 'order',
    });

    at('2026-05-04T09:00:00Z');
    expect((await agent.get('/api/queue')).body.items).toHaveLength(0);
    at('2026-05-04T09:05:00Z');
    const due = await agent.get('/api/queue');
    expect(due.body.items).toHaveLength(1);
    expect(due.body.items[0]).toMatchObject({
      kind: 'order',
      reason: 'Not reached, last call 10:05',
      why: { kind: 'not_reached', streak: 1 },
    });

    at('2026-05-04T09:45:00Z'); // 11:45 in Madrid, 40 minutes after it became due
    const second = await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached' });
    expect(second.body.order.call).toMatchObject({
      nextCallAt: '2026-05-05T09:45:00.000Z',
      notReachedStreak: 2,
      attempts: 2,
    });
    at('2026-05-05T09:45:00Z');
    const next = await agent.get('/api/queue');
    expect(next.body.items[0]).toMatchObject({
      reason: 'Not reached twice, last call 11:45',
      why: { kind: 'not_reached', streak: 2 },
    });

    const stored = await OrderModel.findById(order.id).lean();
    expect(stored?.call?.notReachedStreak).toBe(2);
    expect(await CallModel.countDocuments({ orderId: order.id })).toBe(2);
  });

  it('closes the order call on completed and keeps the comment on the immutable record', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'completed', comment: 'Confirmed the items' });
    expect(res.status).toBe(201);
    expect(res.body.order.call).toMatchObject({ state: 'closed', nextCallAt: null, lastOutcome: 'completed' });
    const call = await CallModel.findById(res.body.call.id).lean();
    expect(call).toMatchObject({
      outcome: 'completed',
      comment: 'Confirmed the items',
      by: { type: 'user', id: user.id },
    });
  });

  it('schedules a completed call with a callback time, and a callback at the chosen time held for its manager', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const completed = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'completed', callbackAt: '2026-05-06T10:00:00Z' });
    expect(completed.body.order.call).toMatchObject({ state: 'scheduled', nextCallAt: '2026-05-06T10:00:00.000Z' });
    expect(completed.body.call.personal).toBe(false);
    const callback = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'callback', callbackAt: '2026-05-04T15:00:00Z' });
    expect(callback.status).toBe(201);
    expect(callback.body.call).toMatchObject({ personal: true, callbackAt: '2026-05-04T15:00:00.000Z' });
    const stored = await OrderModel.findById(order.id).lean();
    expect(String(stored?.call?.personalFor)).toBe(user.id);
    expect(stored?.call?.personalUntil?.toISOString()).toBe('2026-05-04T15:30:00.000Z');
  });

  it('flags an already-paid order for an admin payment check and says so on the timeline', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'already_paid' });
    expect(res.body.order).toMatchObject({ paymentCheck: true, call: { state: 'closed' } });
    const timeline = await agent.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.items.some((i: { text?: string }) => /already paid/.test(i.text ?? ''))).toBe(true);
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'call')).toMatchObject({
      outcome: 'already_paid',
    });
  });

  it('cancels the order on a refusal', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'cancelled', comment: 'Changed their mind' });
    expect(res.body.order).toMatchObject({ status: 'cancelled', call: { state: 'closed' } });
    expect((await OrderModel.findById(order.id).lean())?.status).toBe('cancelled');
  });

  it('marks the called phone invalid on invalid_contact', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder({ phone: '+34 611 22 33 44' });
    const res = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'invalid_contact', phone: '+34611223344' });
    expect(res.status).toBe(201);
    expect(res.body.call.phone).toBe('+34611223344');
    const client = await ClientModel.findById(order.clientId).lean();
    expect(client?.phones[0]).toMatchObject({ number: '+34611223344', invalid: true });
    expect(res.body.order.call.state).toBe('closed');
  });

  it('keeps an invalid-contact order out of the queue until the client has a callable phone again', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder({ phone: '+34 655 10 20 30' });
    expect((await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'invalid_contact' })).status).toBe(201);
    const queued = async () =>
      ((await agent.get('/api/queue')).body.items as { order?: { id: string }; why: { kind: string } }[]).find(
        (i) => i.order?.id === order.id,
      );
    expect(await queued()).toBeUndefined();
    // Editing something else, or re-sending the invalid number, changes nothing.
    await agent.patch(`/api/clients/${order.clientId}`).send({ phones: [{ number: '+34655102030' }] });
    expect(await queued()).toBeUndefined();

    at('2026-05-04T09:00:00Z');
    const fixed = await agent
      .patch(`/api/clients/${order.clientId}`)
      .send({ phones: [{ number: '+34655102030' }, { number: '+34 622 33 44 55' }] });
    expect(fixed.status).toBe(200);
    expect((await queued())?.why.kind).toBe('phone_fixed');
    const stored = await OrderModel.findById(order.id).lean();
    expect(stored?.call).toMatchObject({ state: 'due', nextCallAt: new Date('2026-05-04T09:00:00Z') });
    await agent.patch(`/api/clients/${order.clientId}`).send({ phones: [{ number: '+34 633 00 00 00' }] });
    const history = (await agent.get(`/api/orders/${order.id}/timeline`)).body.items as { text?: string }[];
    expect(history.filter((i) => /phone was fixed/.test(i.text ?? ''))).toHaveLength(1);
  });

  it('creates an invoice order for the same client and keeps the original', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'completed', followUp: 'invoice' });
    expect(res.status).toBe(201);
    expect(res.body.newOrder).toMatchObject({ clientId: order.clientId, status: 'pending', total: 40 });
    expect(res.body.order.status).toBe('pending');
    expect(res.body.call.followUpOrderId).toBe(res.body.newOrder.id);
  });

  it('replaces the order: the original is cancelled, never deleted, and a new one is created', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'completed', followUp: 'replace' });
    expect(res.body.order.status).toBe('cancelled');
    expect(res.body.newOrder.id).not.toBe(order.id);
    expect(await OrderModel.exists({ _id: order.id })).toBeTruthy();
  });

  it('queues the letter for the client with a copy to the manager, once', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const body = {
      outcome: 'completed',
      letter: { subject: 'Your order <$order_number>', html: '<p>Hello <$name></p>' },
      copyToManager: true,
    };
    const res = await agent.post(`/api/orders/${order.id}/calls`).set('Idempotency-Key', 'letter-1').send(body);
    expect(res.status).toBe(201);
    expect(res.body.call.letterId).toEqual(expect.any(String));
    await agent.post(`/api/orders/${order.id}/calls`).set('Idempotency-Key', 'letter-1').send(body);
    const letters = await agent.get(`/api/letters?orderId=${order.id}`);
    const callLetters = letters.body.items.filter((l: { kind: string }) => l.kind === 'call');
    expect(callLetters).toHaveLength(1);
    expect(callLetters[0].cc).toEqual([user.email]);
    expect(callLetters[0].subject).toBe(`Your order ${order.number}`);
  });

  it('refuses a letter with an unknown variable before writing anything', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'completed', letter: { subject: 'Hi', html: '<p><$nope></p>' } });
    expect(res.status).toBe(422);
    expect(await CallModel.countDocuments({ orderId: order.id })).toBe(0);
    expect((await OrderModel.findById(order.id).lean())?.call?.attempts).toBe(0);
  });

  it.each([
    [{ outcome: 'callback' }, 'body.callbackAt'],
    [{ outcome: 'callback', callbackAt: '2026-05-04T08:00:00Z' }, 'body.callbackAt'],
    [{ outcome: 'not_reached', callbackAt: '2026-05-05T08:00:00Z' }, 'body.callbackAt'],
    [{ outcome: 'not_reached', followUp: 'invoice' }, 'body.followUp'],
    [{ outcome: 'maybe' }, 'body.outcome'],
    [{ outcome: 'completed', attachmentIds: ['0123456789abcdef01234567'] }, 'body.attachmentIds.0'],
    [{ outcome: 'invalid_contact', phone: '+34 999 99 99 99' }, 'body.phone'],
  ])('answers 400 for %j and writes nothing', async (body, path) => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent.post(`/api/orders/${order.id}/calls`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await CallModel.countDocuments({ orderId: order.id })).toBe(0);
  });

  it('answers 404 for an unknown order and 401 without a session', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.post('/api/orders/0123456789abcdef01234567/calls').send({ outcome: 'completed' })).status).toBe(
      404,
    );
    const { default: request } = await import('supertest');
    expect(
      (await request(ctx.app).post('/api/orders/0123456789abcdef01234567/calls').send({ outcome: 'completed' })).status,
    ).toBe(401);
  });
});

describe('attempt cap', () => {
  it('takes the order out of the queue after N consecutive not-reached calls and moves it to the configured status', async () => {
    await updateSettings({ attemptCap: { enabled: true, maxNotReached: 2, status: 'on_hold' } });
    try {
      const { agent } = await signedInAgent(ctx, 'manager');
      const order = await newOrder();
      await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached' });
      at('2026-05-04T09:06:00Z');
      const res = await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached' });
      expect(res.body.order).toMatchObject({ status: 'on_hold', call: { state: 'closed', notReachedStreak: 2 } });
      const timeline = await agent.get(`/api/orders/${order.id}/timeline`);
      const status = timeline.body.items.find((i: { type: string }) => i.type === 'status');
      expect(JSON.stringify(status)).toMatch(/attempt cap/);
    } finally {
      await updateSettings({ attemptCap: { enabled: false, maxNotReached: 5, status: 'cancelled' } });
    }
  });
});
