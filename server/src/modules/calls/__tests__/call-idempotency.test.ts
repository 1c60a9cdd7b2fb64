import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { clock } from '../../../lib/clock.js';
import { OrderModel } from '../../orders/order.model.js';
import { CallModel } from '../call.model.js';
import { newOrder, useFixedClock } from './fixtures.js';

const ctx = useTestApp();

const at = useFixedClock('2026-05-04T08:05:00Z'); // 10:05 in Madrid

describe('POST /api/orders/:id/calls with an Idempotency-Key', () => {
  it('records one call for a retried request and answers with the first call', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const a = await agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'k-1')
      .send({ outcome: 'not_reached' });
    at('2026-05-04T08:06:00Z');
    const b = await agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'k-1')
      .send({ outcome: 'not_reached' });
    expect(b.status).toBe(201);
    expect(b.body.call.id).toBe(a.body.call.id);
    expect(await CallModel.countDocuments({ orderId: order.id })).toBe(1);
    expect((await OrderModel.findById(order.id).lean())?.call?.attempts).toBe(1);
  });

  it('records one call when two identical requests arrive at the same moment', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const send = () =>
      agent.post(`/api/orders/${order.id}/calls`).set('Idempotency-Key', 'same-moment').send({ outcome: 'cancelled' });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.call.id).toBe(b.body.call.id);
    expect(await CallModel.countDocuments({ orderId: order.id })).toBe(1);
    const timeline = await agent.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.items.filter((i: { type: string }) => i.type === 'status')).toHaveLength(1);
  });

  it('answers 409 when the key is reused with a different body', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await agent.post(`/api/orders/${order.id}/calls`).set('Idempotency-Key', 'k-2').send({ outcome: 'not_reached' });
    const res = await agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'k-2')
      .send({ outcome: 'completed' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency_conflict');
  });

  it('scopes keys per user: another manager with the same key records their own call', async () => {
    const one = await signedInAgent(ctx, 'manager');
    const two = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await one.agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'shared')
      .send({ outcome: 'not_reached' });
    const res = await two.agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'shared')
      .send({ outcome: 'not_reached' });
    expect(res.status).toBe(201);
    expect(await CallModel.countDocuments({ orderId: order.id })).toBe(2);
  });

  it('completes the missing effects when retried after a crash between the call record and the order update', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const first = await agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'crash')
      .send({ outcome: 'not_reached' });
    // As if the process died right after inserting the call: the order never saw it.
    await OrderModel.updateOne(
      { _id: order.id },
      {
        $set: {
          'call.state': 'due',
          'call.nextCallAt': clock.now(),
          'call.attempts': 0,
          'call.notReachedStreak': 0,
          'call.lastOutcome': null,
          'call.lastCallAt': null,
          'call.lastCallId': null,
        },
      },
    );
    await CallModel.updateOne({ _id: first.body.call.id }, { $set: { effectsDoneAt: null } });
    const retry = await agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'crash')
      .send({ outcome: 'not_reached' });
    expect(retry.body.call.id).toBe(first.body.call.id);
    expect(retry.body.order.call).toMatchObject({
      attempts: 1,
      notReachedStreak: 1,
      nextCallAt: '2026-05-04T09:05:00.000Z',
    });
    expect((await CallModel.findById(first.body.call.id).lean())?.effectsDoneAt).toBeTruthy();
  });

  it('re-applies every effect of a retried call once: one follow-up order, one already-paid entry, one cancellation', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const crashAndRetry = async (orderId: string, key: string, body: object) => {
      const first = await agent.post(`/api/orders/${orderId}/calls`).set('Idempotency-Key', key).send(body);
      expect(first.status).toBe(201);
      // As if the process died before marking the effects done: the retry runs them all again.
      await CallModel.updateOne({ _id: first.body.call.id }, { $set: { effectsDoneAt: null } });
      const retry = await agent.post(`/api/orders/${orderId}/calls`).set('Idempotency-Key', key).send(body);
      expect(retry.status).toBe(201);
      expect(retry.body.call.id).toBe(first.body.call.id);
      return { first: first.body, retry: retry.body };
    };

    const invoiced = await newOrder();
    const invoice = await crashAndRetry(invoiced.id, 'invoice', { outcome: 'completed', followUp: 'invoice' });
    expect(invoice.retry.newOrder.id).toBe(invoice.first.newOrder.id);
    expect(await OrderModel.countDocuments({ clientId: invoiced.clientId })).toBe(2);

    const replaced = await newOrder();
    const replace = await crashAndRetry(replaced.id, 'replace', { outcome: 'completed', followUp: 'replace' });
    expect(replace.retry.order.status).toBe('cancelled');
    expect(replace.retry.newOrder.id).toBe(replace.first.newOrder.id);
    expect(await OrderModel.countDocuments({ clientId: replaced.clientId })).toBe(2);
    const history = (await agent.get(`/api/orders/${replaced.id}/timeline`)).body.items as {
      type: string;
      text?: string;
    }[];
    expect(history.filter((i) => i.type === 'status')).toHaveLength(1);
    expect(history.filter((i) => /Replaced by order/.test(i.text ?? ''))).toHaveLength(1);

    const paid = await newOrder();
    await crashAndRetry(paid.id, 'paid', { outcome: 'already_paid' });
    const paidHistory = (await agent.get(`/api/orders/${paid.id}/timeline`)).body.items as { text?: string }[];
    expect(paidHistory.filter((i) => /already paid/.test(i.text ?? ''))).toHaveLength(1);
  });

  it('answers 400 for a malformed key', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'has space')
      .send({ outcome: 'completed' });
    expect(res.status).toBe(400);
  });
});
