import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { ClientModel } from '../../clients/client.model.js';
import { QueueClaimModel } from '../queue-claim.model.js';
import { emptyQueue, newOrder, useQueueClock } from '../../calls/__tests__/fixtures.js';

const ctx = useTestApp();

const at = useQueueClock();

describe('POST /api/queue/claim', () => {
  it('hands 5 due orders to 20 managers claiming at the same moment: 5 distinct items and 15 × 204, three times over', async () => {
    const managers = [];
    for (let i = 0; i < 20; i++) managers.push(await signedInAgent(ctx, 'manager'));
    for (let round = 0; round < 3; round++) {
      await emptyQueue();
      const orders = [];
      for (let i = 0; i < 5; i++) orders.push(await newOrder());
      const results = await Promise.all(managers.map((m) => m.agent.post('/api/queue/claim')));
      const claimed = results.filter((r) => r.status === 200);
      expect(claimed).toHaveLength(5);
      expect(results.filter((r) => r.status === 204)).toHaveLength(15);
      const ids = claimed.map((r) => r.body.item.order.id);
      expect(new Set(ids).size).toBe(5);
      expect(new Set(ids)).toEqual(new Set(orders.map((o) => o.id)));
      expect(await QueueClaimModel.countDocuments({})).toBe(5);
    }
  });

  it('offers the longest-waiting item first and shows who holds it in GET /api/queue', async () => {
    const one = await signedInAgent(ctx, 'manager');
    const two = await signedInAgent(ctx, 'manager');
    at('2026-05-04T09:00:00Z');
    const older = await newOrder();
    at('2026-05-04T09:30:00Z');
    const newer = await newOrder();
    at('2026-05-04T10:00:00Z');
    const claim = await one.agent.post('/api/queue/claim');
    expect(claim.status).toBe(200);
    expect(claim.body.item).toMatchObject({
      kind: 'order',
      order: { id: older.id },
      dueAt: '2026-05-04T09:00:00.000Z',
      claimedBy: { id: one.user.id },
      reason: 'New order, not called yet',
      why: { kind: 'new' },
    });
    expect(claim.body.item.client).toMatchObject({ id: older.clientId });
    const list = await two.agent.get('/api/queue');
    expect(list.body.items.map((i: { order: { id: string } }) => i.order.id)).toEqual([older.id, newer.id]);
    expect((await two.agent.get('/api/queue/count')).body).toEqual({ due: 2, more: false });
    expect(list.body.items[0].claimedBy).toMatchObject({ id: one.user.id });
    expect((await two.agent.post('/api/queue/claim')).body.item.order.id).toBe(newer.id);
  });

  it('claims ahead: `except` passes over the item the manager is still saving, and keeps holding it', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    at('2026-05-04T09:00:00Z');
    const first = await newOrder();
    at('2026-05-04T09:10:00Z');
    const second = await newOrder();
    at('2026-05-04T10:00:00Z');
    expect((await agent.post('/api/queue/claim')).body.item.order.id).toBe(first.id);
    const ahead = await agent.post('/api/queue/claim').send({ except: [first.id] });
    expect(ahead.body.item.order.id).toBe(second.id);
    expect(await QueueClaimModel.countDocuments({})).toBe(2);
    expect((await agent.post('/api/queue/claim').send({ except: [first.id, second.id] })).status).toBe(204);
    const bad = await agent.post('/api/queue/claim').send({ except: ['nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('frees a claim after the claim period and when a call is recorded', async () => {
    const one = await signedInAgent(ctx, 'manager');
    const two = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await one.agent.post('/api/queue/claim');
    expect((await two.agent.post('/api/queue/claim')).status).toBe(204);
    at('2026-05-04T10:10:00Z');
    const taken = await two.agent.post('/api/queue/claim');
    expect(taken.body.item.order.id).toBe(order.id);
    await two.agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached' });
    expect(await QueueClaimModel.countDocuments({ _id: `order:${order.id}` })).toBe(0);
  });

  it('keeps a personal callback for its manager until the grace period passes, then offers it to the team', async () => {
    const owner = await signedInAgent(ctx, 'manager');
    const other = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await owner.agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'callback', callbackAt: '2026-05-04T12:00:00Z' });
    at('2026-05-04T12:10:00Z');
    expect((await other.agent.get('/api/queue')).body.items).toHaveLength(0);
    expect((await other.agent.post('/api/queue/claim')).status).toBe(204);
    const own = await owner.agent.get('/api/queue');
    expect(own.body.items[0]).toMatchObject({ personalFor: owner.user.id, why: { kind: 'callback' } });
    at('2026-05-04T12:30:00Z'); // callbackAt + 30 min grace
    const escalated = await other.agent.post('/api/queue/claim');
    expect(escalated.status).toBe(200);
    expect(escalated.body.item.order.id).toBe(order.id);
  });

  it('offers a team callback (personal: false) to anyone at its time', async () => {
    const owner = await signedInAgent(ctx, 'manager');
    const other = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await owner.agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'callback', callbackAt: '2026-05-04T12:00:00Z', personal: false });
    at('2026-05-04T12:00:00Z');
    expect((await other.agent.post('/api/queue/claim')).body.item.order.id).toBe(order.id);
  });

  it('holds back a client for whom it is night until the calling hours open in their zone', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    at('2026-05-04T03:00:00Z'); // 05:00 in Madrid, 12:00 in Tokyo
    const madrid = await newOrder({ timezone: 'Europe/Madrid' });
    const tokyo = await newOrder({ timezone: 'Asia/Tokyo' });
    const list = await agent.get('/api/queue');
    expect(list.body.items.map((i: { order: { id: string } }) => i.order.id)).toEqual([tokyo.id]);
    expect((await agent.get('/api/queue/count')).body).toEqual({ due: 1, more: false });
    expect((await agent.post('/api/queue/claim')).body.item.order.id).toBe(tokyo.id);
    expect((await agent.post('/api/queue/claim')).body.item.order.id).toBe(tokyo.id); // still holds it, gets it again
    at('2026-05-04T06:59:00Z'); // 08:59 in Madrid
    expect((await agent.get('/api/queue')).body.items.map((i: { order: { id: string } }) => i.order.id)).not.toContain(
      madrid.id,
    );
    at('2026-05-04T07:00:00Z'); // 09:00 in Madrid
    expect((await agent.get('/api/queue')).body.items.map((i: { order: { id: string } }) => i.order.id)).toContain(
      madrid.id,
    );
  });

  it('never holds back a client whose zone is unknown', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    at('2026-05-04T02:00:00Z');
    const order = await newOrder({ phone: '+1 212 555 0100' });
    await ClientModel.updateOne({ _id: order.clientId }, { $set: { timezone: null } });
    expect((await agent.post('/api/queue/claim')).body.item.order.id).toBe(order.id);
  });

  it('answers 401 without a session and 400 for a bad limit', async () => {
    const { default: request } = await import('supertest');
    expect((await request(ctx.app).post('/api/queue/claim')).status).toBe(401);
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.get('/api/queue?limit=0')).status).toBe(400);
    expect((await agent.get('/api/queue?limit[$gt]=1')).status).toBe(400);
  });
});
