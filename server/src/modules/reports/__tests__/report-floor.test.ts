import { describe, expect, it } from '@jest/globals';
import { onDomainEvent, type DomainEvents } from '../../../lib/domain-events.js';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { newOrder, useQueueClock } from '../../calls/__tests__/fixtures.js';

const ctx = useTestApp();
const at = useQueueClock('2026-05-04T09:00:00Z');

describe('GET /api/reports/floor and DELETE /api/queue/claims/:itemId', () => {
  it('shows who holds what; an admin releases the hold and the next manager to claim gets the same item', async () => {
    await updateSettings({ timeZone: 'Europe/Madrid' });
    const first = await newOrder({ timezone: 'Europe/Madrid' });
    at('2026-05-04T09:10:00Z');
    const second = await newOrder({ timezone: 'Europe/Madrid' });
    const asleep = await newOrder({ timezone: 'America/Los_Angeles' });
    const reached = await newOrder({ timezone: 'Europe/Madrid' });
    at('2026-05-04T10:00:00Z'); // 12:00 in Madrid, 03:00 in Los Angeles
    const admin = await signedInAgent(ctx, 'admin', { name: 'Ada' });
    const ana = await signedInAgent(ctx, 'manager', { name: 'Ana' });
    const bruno = await signedInAgent(ctx, 'manager', { name: 'Bruno' });
    expect((await bruno.agent.post(`/api/orders/${reached.id}/calls`).send({ outcome: 'completed' })).status).toBe(201);

    const claimed = await ana.agent.post('/api/queue/claim').send({});
    expect(claimed.body.item.order.id).toBe(first.id);

    const floor = await admin.agent.get('/api/reports/floor');
    expect(floor.status).toBe(200);
    expect(floor.body.totals).toEqual({ due: 3, held: 1, callsToday: 1, reachedToday: 1 });
    expect(floor.body.queue).toEqual([
      {
        itemId: first.id,
        kind: 'order',
        orderId: first.id,
        orderNumber: first.number,
        clientName: expect.any(String),
        reason: 'New order, not called yet',
        why: { kind: 'new', streak: 0, lastCallAt: null },
        dueAt: '2026-05-04T09:00:00.000Z',
        waitingSince: '2026-05-04T09:00:00.000Z',
        clientTimeZone: 'Europe/Madrid',
        clientLocalTime: '12:00',
        outsideCallingHours: false,
        heldBy: { id: ana.user.id, name: 'Ana', since: '2026-05-04T10:00:00.000Z' },
      },
      expect.objectContaining({ itemId: second.id, orderNumber: second.number, outsideCallingHours: false }),
      expect.objectContaining({
        itemId: asleep.id,
        clientTimeZone: 'America/Los_Angeles',
        clientLocalTime: '03:00',
        outsideCallingHours: true,
      }),
    ]);
    expect(floor.body.queue[1].heldBy).toBeUndefined();
    expect(floor.body.managers).toEqual([
      { id: admin.user.id, name: 'Ada', signedIn: true, callsToday: 0 },
      {
        id: ana.user.id,
        name: 'Ana',
        signedIn: true,
        holding: { itemId: first.id, kind: 'order', since: '2026-05-04T10:00:00.000Z' },
        callsToday: 0,
      },
      { id: bruno.user.id, name: 'Bruno', signedIn: true, callsToday: 1 },
    ]);

    // Managers may not release; an admin may, and the workbenches hear of it.
    expect((await bruno.agent.delete(`/api/queue/claims/${first.id}`)).status).toBe(403);
    const heard: DomainEvents['queue.changed'][] = [];
    const stop = onDomainEvent('queue.changed', (e) => void heard.push(e));
    try {
      at('2026-05-04T10:03:00Z');
      expect((await admin.agent.delete(`/api/queue/claims/${first.id}`)).status).toBe(204);
    } finally {
      stop();
    }
    expect(heard).toEqual([{ reason: 'released', orderId: first.id }]);
    expect((await admin.agent.delete(`/api/queue/claims/${first.id}`)).status).toBe(404);

    const after = await admin.agent.get('/api/reports/floor');
    expect(after.body.totals).toMatchObject({ due: 3, held: 0 });
    expect(after.body.queue[0].heldBy).toBeUndefined();
    expect(after.body.managers.find((m: { id: string }) => m.id === ana.user.id).holding).toBeUndefined();

    const taken = await bruno.agent.post('/api/queue/claim').send({});
    expect(taken.body.item.order.id).toBe(first.id);
    const now = await admin.agent.get('/api/reports/floor');
    expect(now.body.queue[0].heldBy).toEqual({ id: bruno.user.id, name: 'Bruno', since: '2026-05-04T10:03:00.000Z' });
  });
});
