import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../test/test-app.js';
import { OrderModel } from '../../modules/orders/order.model.js';
import { CallModel } from '../../modules/calls/call.model.js';
import { TaskModel } from '../../modules/tasks/task.model.js';
import { seedDemoTasks, type SeedOrder } from '../demo-tasks.js';
import { newOrder } from '../../modules/calls/__tests__/fixtures.js';

const ctx = useTestApp();

describe('seedDemoTasks', () => {
  it('writes a call history that agrees with each order’s call state, and tasks for the managers', async () => {
    const { user, agent } = await signedInAgent(ctx, 'manager');
    const called = await newOrder();
    const fresh = await newOrder();
    const lastCallAt = new Date('2026-05-03T10:00:00Z');
    await OrderModel.updateOne(
      { _id: called.id },
      {
        $set: {
          'call.attempts': 3,
          'call.lastOutcome': 'callback',
          'call.lastCallAt': lastCallAt,
          'call.state': 'scheduled',
          'call.nextCallAt': new Date('2026-05-05T10:00:00Z'),
        },
      },
    );
    let seed = 1;
    const result = await seedDemoTasks({
      managers: [user.id],
      admins: [],
      clients: [called.clientId, fresh.clientId],
      orders: await OrderModel.find({ _id: { $in: [called.id, fresh.id] } })
        .sort({ createdAt: 1 })
        .lean<SeedOrder[]>(),
      now: new Date('2026-05-04T10:00:00Z'),
      random: () => (seed = (seed * 16807) % 2147483647) / 2147483647,
    });
    expect(result).toEqual({ calls: 3, tasks: 2 });
    const calls = await CallModel.find({ orderId: called.id }).sort({ at: 1 }).lean();
    expect(calls.map((c) => c.outcome)).toEqual(['not_reached', 'not_reached', 'callback']);
    expect(calls[2]?.at.toISOString()).toBe(lastCallAt.toISOString());
    expect(await TaskModel.countDocuments({ assigneeId: user.id })).toBe(2);
    const tab = await agent.get(`/api/clients/${called.clientId}/calls?kind=order`);
    expect(tab.body.total).toBe(3);
  });
});
