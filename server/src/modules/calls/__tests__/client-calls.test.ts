import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { newOrder, useFixedClock } from './fixtures.js';

const ctx = useTestApp();

const at = useFixedClock('2026-05-04T08:05:00Z'); // 10:05 in Madrid

describe('GET /api/clients/:id/calls', () => {
  it('lists the client’s order calls newest first, and the order timeline shows them', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached', comment: 'voicemail' });
    at('2026-05-04T09:10:00Z');
    await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'completed' });
    const res = await agent.get(`/api/clients/${order.clientId}/calls?kind=order`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1 });
    expect(res.body.items.map((c: { outcome: string }) => c.outcome)).toEqual(['completed', 'not_reached']);
    expect((await agent.get(`/api/clients/${order.clientId}/calls?kind=task`)).body.total).toBe(0);
    const timeline = await agent.get(`/api/orders/${order.id}/timeline`);
    const calls = timeline.body.items.filter((i: { type: string }) => i.type === 'call');
    expect(calls[1]).toMatchObject({ outcome: 'not_reached', comment: 'voicemail', by: { type: 'user' } });
    expect((await agent.get(`/api/clients/${order.clientId}/calls?kind=$ne`)).status).toBe(400);
  });
});
