import { describe, expect, it } from '@jest/globals';
import { useTestApp } from '../../test/test-app.js';
import { onDomainEvent } from '../../lib/domain-events.js';
import { OrderModel } from '../../modules/orders/order.model.js';
import { OrderEventModel } from '../../modules/orders/order-event.model.js';
import { newOrder, useQueueClock } from '../../modules/calls/__tests__/fixtures.js';
import { startScheduler } from '../scheduler.js';
import { jobDefinitions, type JobDefinition } from '../index.js';

const ctx = useTestApp();

const at = useQueueClock();

/** Polls (real time: the scheduler runs on Agenda's clock) until the check passes. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the scheduler');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const fast = { processEveryMs: 100, everyMs: 200 };
const jobsNamed = (...names: string[]): JobDefinition[] => jobDefinitions.filter((j) => names.includes(j.name));

async function autoCancelStatusEvents(orderIds: string[]) {
  return OrderEventModel.countDocuments({ orderId: { $in: orderIds }, type: 'status', 'data.to': 'cancelled' });
}

describe('the scheduler', () => {
  it('cancels orders at their auto-cancel date through the auto-cancel job, as the scheduler, once', async () => {
    const order = await newOrder();
    await OrderModel.updateOne({ _id: order.id }, { $set: { autoCancelAt: new Date('2026-05-04T09:59:00Z') } });
    const later = await newOrder();
    await OrderModel.updateOne({ _id: later.id }, { $set: { autoCancelAt: new Date('2026-05-05T10:00:00Z') } });
    const scheduler = await startScheduler({ ctx: { env: ctx.env }, jobs: jobsNamed('auto-cancel'), ...fast });
    try {
      // The job writes the status, then its timeline entry.
      await eventually(async () => (await autoCancelStatusEvents([order.id])) === 1);
      expect((await OrderModel.findById(order.id).lean())?.status).toBe('cancelled');
      const events = await OrderEventModel.find({ orderId: order.id, type: 'status' }).lean();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        by: { type: 'scheduler', name: 'Scheduler' },
        text: expect.stringMatching(/automatically/),
      });
      expect((await OrderModel.findById(later.id).lean())?.status).toBe('pending');
      at('2026-05-05T10:00:00Z');
      await eventually(async () => (await autoCancelStatusEvents([order.id, later.id])) === 2);
      expect((await OrderModel.findById(later.id).lean())?.status).toBe('cancelled');
    } finally {
      await scheduler.stop();
    }
  });

  it('survives a restart mid-way: every due order is cancelled exactly once, with one timeline entry', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const o = await newOrder();
      ids.push(o.id);
    }
    await OrderModel.updateMany({ _id: { $in: ids } }, { $set: { autoCancelAt: new Date('2026-05-04T09:00:00Z') } });
    const first = await startScheduler({ ctx: { env: ctx.env }, jobs: jobsNamed('auto-cancel'), ...fast });
    await eventually(async () => (await OrderModel.countDocuments({ _id: { $in: ids }, status: 'cancelled' })) > 0);
    // An abrupt stop: Agenda unlocks the job while its sweep may still be running beside the next scheduler's.
    await first.agenda.stop(false);
    const cancelledAtStop = await OrderModel.countDocuments({ _id: { $in: ids }, status: 'cancelled' });
    const second = await startScheduler({ ctx: { env: ctx.env }, jobs: jobsNamed('auto-cancel'), ...fast });
    try {
      await eventually(
        async () => (await OrderModel.countDocuments({ _id: { $in: ids }, status: 'cancelled' })) === ids.length,
      );
      await new Promise((r) => setTimeout(r, 600)); // a few more sweeps: nothing may happen twice
      expect(cancelledAtStop).toBeLessThanOrEqual(ids.length);
      expect(await autoCancelStatusEvents(ids)).toBe(ids.length);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('with two schedulers on one database, announces each due order once and cancels each once', async () => {
    const announced: string[] = [];
    const off = onDomainEvent('queue.changed', (e) => {
      if (e.reason === 'due' && e.orderId) announced.push(e.orderId);
    });
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) ids.push((await newOrder()).id);
    const cancelIds = ids.slice(0, 5);
    await OrderModel.updateMany(
      { _id: { $in: cancelIds } },
      { $set: { autoCancelAt: new Date('2026-05-04T09:00:00Z') } },
    );
    const jobs = jobsNamed('queue-resurface', 'auto-cancel');
    const a = await startScheduler({ ctx: { env: ctx.env }, jobs, ...fast, name: 'a' });
    const b = await startScheduler({ ctx: { env: ctx.env }, jobs, ...fast, name: 'b' });
    try {
      await eventually(
        async () => (await OrderModel.countDocuments({ _id: { $in: cancelIds }, status: 'cancelled' })) === 5,
      );
      await eventually(async () => ids.slice(5).every((id) => announced.includes(id)));
      await new Promise((r) => setTimeout(r, 800));
      const mine = announced.filter((id) => ids.includes(id));
      expect(new Set(mine).size).toBe(mine.length);
      expect(await autoCancelStatusEvents(cancelIds)).toBe(5);
    } finally {
      off();
      await a.stop();
      await b.stop();
    }
  });

  it('announces a not-reached order again when it falls due an hour later, once', async () => {
    const announced: string[] = [];
    const off = onDomainEvent('queue.changed', (e) => {
      if (e.reason === 'due' && e.orderId) announced.push(e.orderId);
    });
    const order = await newOrder();
    const scheduler = await startScheduler({ ctx: { env: ctx.env }, jobs: jobsNamed('queue-resurface'), ...fast });
    try {
      await eventually(async () => announced.includes(order.id));
      await OrderModel.updateOne(
        { _id: order.id },
        {
          $set: {
            'call.state': 'scheduled',
            'call.nextCallAt': new Date('2026-05-04T11:00:00Z'),
          },
        },
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(announced.filter((id) => id === order.id)).toHaveLength(1);
      at('2026-05-04T11:00:00Z');
      await eventually(async () => announced.filter((id) => id === order.id).length === 2);
      await new Promise((r) => setTimeout(r, 500));
      expect(announced.filter((id) => id === order.id)).toHaveLength(2);
    } finally {
      off();
      await scheduler.stop();
    }
  });
});
