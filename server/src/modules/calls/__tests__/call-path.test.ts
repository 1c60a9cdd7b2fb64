import { afterEach, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { onDomainEvent, type DomainEvents } from '../../../lib/domain-events.js';
import { newOrder, useQueueClock } from './fixtures.js';

// Faults and reads are injected into the database calls: these run on the database path (as on MongoDB).
const ctx = useTestApp({}, { mirrors: false });
useQueueClock();

/** Whole-document reads of one order by _id, as the driver is asked for them. */
function countOrderReads(orderId: string): { reads: () => number; stop: () => void } {
  let reads = 0;
  mongoose.set('debug', (collection: string, method: string, query: unknown, ...rest: unknown[]) => {
    const projection = (rest[0] as { projection?: unknown } | undefined)?.projection;
    const wholeDoc = !projection || Object.keys(projection).length === 0;
    if (
      collection === 'orders' &&
      method === 'findOne' &&
      wholeDoc &&
      String((query as { _id?: unknown })?._id) === orderId
    )
      reads += 1;
  });
  return { reads: () => reads, stop: () => mongoose.set('debug', false) };
}

afterEach(() => mongoose.set('debug', false));

describe('the call path', () => {
  it('reads the order once for a call that cancels it and sends a letter, and answers with the order as left', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const counter = countOrderReads(order.id);
    const res = await agent.post(`/api/orders/${order.id}/calls`).send({
      outcome: 'cancelled',
      comment: 'Changed their mind',
      letter: { subject: 'Order <$order_number>', html: '<p>Hello <$name>, your order is cancelled.</p>' },
    });
    counter.stop();
    expect(res.status).toBe(201);
    expect(counter.reads()).toBe(1);
    expect(res.body.order).toMatchObject({ status: 'cancelled', call: { state: 'closed', attempts: 1 } });
    expect(res.body.call.letterId).toEqual(expect.any(String));
    const stored = (await agent.get(`/api/orders/${order.id}`)).body;
    expect({ ...res.body.order, updatedAt: null }).toEqual({ ...(stored.order ?? stored), updatedAt: null });
  });

  it('announces one queue change per recorded call', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const seen: DomainEvents['queue.changed'][] = [];
    const off = onDomainEvent('queue.changed', (e) => void seen.push(e));
    try {
      await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached' });
    } finally {
      off();
    }
    expect(seen).toEqual([{ reason: 'call.recorded', orderId: order.id }]);
  });
});
