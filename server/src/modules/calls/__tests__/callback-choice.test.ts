import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { OrderModel } from '../../orders/order.model.js';
import { QueueClaimModel } from '../../queue/queue-claim.model.js';
import { newOrder, useQueueClock } from './fixtures.js';

const ctx = useTestApp();
const at = useQueueClock('2026-05-04T08:00:00Z'); // 10:00 in Madrid

/** Whether this manager is offered the order now (the claim is let go again). */
async function offered(agent: Awaited<ReturnType<typeof signedInAgent>>['agent'], orderId: string) {
  const res = await agent.post('/api/queue/claim').send({});
  await QueueClaimModel.deleteMany({});
  return res.status === 200 && res.body.item.order.id === orderId;
}

describe('a call back "for me" or "for the team"', () => {
  it.each([
    ['callback', { outcome: 'callback' }],
    ['completed with a time', { outcome: 'completed' }],
  ])('%s "for me" is held for its manager for the grace period, then anyone’s', async (_name, body) => {
    const { agent: mine, user } = await signedInAgent(ctx, 'manager');
    const { agent: colleague } = await signedInAgent(ctx, 'manager');
    const order = await newOrder({ timezone: 'Europe/Madrid' });
    const res = await mine
      .post(`/api/orders/${order.id}/calls`)
      .send({ ...body, callbackAt: '2026-05-04T12:00:00Z', personal: true });
    expect(res.status).toBe(201);
    expect(res.body.call.personal).toBe(true);
    const call = (await OrderModel.findById(order.id).lean())?.call;
    expect(String(call?.personalFor)).toBe(user.id);
    expect(call?.personalUntil?.toISOString()).toBe('2026-05-04T12:30:00.000Z');

    at('2026-05-04T12:10:00Z');
    expect(await offered(colleague, order.id)).toBe(false);
    expect(await offered(mine, order.id)).toBe(true);
    at('2026-05-04T12:30:00Z');
    expect(await offered(colleague, order.id)).toBe(true);
  });

  it.each([
    ['callback', { outcome: 'callback' }],
    ['completed with a time', { outcome: 'completed' }],
  ])('%s "for the team" is anyone’s as soon as it is due', async (_name, body) => {
    const { agent: mine } = await signedInAgent(ctx, 'manager');
    const { agent: colleague } = await signedInAgent(ctx, 'manager');
    const order = await newOrder({ timezone: 'Europe/Madrid' });
    const res = await mine
      .post(`/api/orders/${order.id}/calls`)
      .send({ ...body, callbackAt: '2026-05-04T12:00:00Z', personal: false });
    expect(res.status).toBe(201);
    expect(res.body.call.personal).toBe(false);
    expect((await OrderModel.findById(order.id).lean())?.call).toMatchObject({
      personalFor: null,
      personalUntil: null,
    });
    at('2026-05-04T11:59:00Z');
    expect(await offered(colleague, order.id)).toBe(false);
    at('2026-05-04T12:00:00Z');
    expect(await offered(colleague, order.id)).toBe(true);
  });

  it('defaults to "for me" for a callback and "for the team" for completed with a time, and refuses a choice without a time', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const callback = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'callback', callbackAt: '2026-05-04T12:00:00Z' });
    expect(callback.body.call.personal).toBe(true);
    const completed = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'completed', callbackAt: '2026-05-04T13:00:00Z' });
    expect(completed.body.call.personal).toBe(false);
    const refused = await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'completed', personal: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'body.personal', message: 'is only allowed with a callback time' },
    ]);
  });
});
