import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { newOrder, useQueueClock } from '../../calls/__tests__/fixtures.js';

const ctx = useTestApp();

const at = useQueueClock();

describe('GET /api/queue/outlook', () => {
  it('says how many due calls wait for their calling hours, and when and where the first hours open', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    at('2026-05-04T04:30:00Z'); // 06:30 in Madrid, 00:30 in New York: both before 09:00
    await newOrder({ timezone: 'Europe/Madrid' });
    await newOrder({ timezone: 'Europe/Madrid' });
    await newOrder({ timezone: 'America/New_York', phone: '+1 212 555 0142' });
    expect((await agent.get('/api/queue/count')).body).toEqual({ due: 0, more: false });
    const outlook = await agent.get('/api/queue/outlook');
    expect(outlook.status).toBe(200);
    expect(outlook.body).toEqual({
      outsideHours: { count: 3, more: false, opensAt: '2026-05-04T07:00:00.000Z', zone: 'Europe/Madrid' },
      heldForOthers: { count: 0, until: null },
      nextDueAt: null,
    });
    at('2026-05-04T20:00:00Z'); // 22:00 in Madrid (closed until tomorrow), 16:00 in New York (open)
    const evening = await agent.get('/api/queue/outlook');
    expect(evening.body.outsideHours).toEqual({
      count: 2,
      more: false,
      opensAt: '2026-05-05T07:00:00.000Z',
      zone: 'Europe/Madrid',
    });
  });

  it("counts other managers' personal callbacks until their hold ends, and says when the next call falls due", async () => {
    const owner = await signedInAgent(ctx, 'manager');
    const other = await signedInAgent(ctx, 'manager');
    const held = await newOrder({ timezone: 'Europe/Madrid' });
    const later = await newOrder({ timezone: 'Europe/Madrid' });
    await owner.agent
      .post(`/api/orders/${held.id}/calls`)
      .send({ outcome: 'callback', callbackAt: '2026-05-04T11:00:00Z' });
    await owner.agent
      .post(`/api/orders/${later.id}/calls`)
      .send({ outcome: 'callback', callbackAt: '2026-05-04T15:00:00Z', personal: false });
    expect((await other.agent.get('/api/queue/outlook')).body).toEqual({
      outsideHours: { count: 0, more: false, opensAt: null, zone: null },
      heldForOthers: { count: 0, until: null },
      nextDueAt: '2026-05-04T11:00:00.000Z',
    });
    at('2026-05-04T11:05:00Z');
    expect((await other.agent.get('/api/queue/outlook')).body).toEqual({
      outsideHours: { count: 0, more: false, opensAt: null, zone: null },
      heldForOthers: { count: 1, until: '2026-05-04T11:30:00.000Z' },
      nextDueAt: '2026-05-04T15:00:00.000Z',
    });
    // The owner has it to take: nothing is held back from them.
    expect((await owner.agent.get('/api/queue/outlook')).body.heldForOthers).toEqual({ count: 0, until: null });
  });

  it('is for signed-in staff only', async () => {
    expect((await request(ctx.app).get('/api/queue/outlook')).status).toBe(401);
  });
});
