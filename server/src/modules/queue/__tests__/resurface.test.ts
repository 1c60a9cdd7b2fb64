import { describe, expect, it } from '@jest/globals';
import { useTestApp } from '../../../test/test-app.js';
import { onDomainEvent } from '../../../lib/domain-events.js';
import { clock } from '../../../lib/clock.js';
import { OrderModel } from '../../orders/order.model.js';
import { newOrder, useQueueClock } from '../../calls/__tests__/fixtures.js';
import { announceDueItems } from '../queue-announcements.js';

useTestApp();
const at = useQueueClock();

async function announcedDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const off = onDomainEvent('queue.changed', (e) => {
    if (e.reason === 'due' && e.orderId) seen.push(e.orderId);
  });
  try {
    await run();
  } finally {
    off();
  }
  return seen;
}

describe('the resurfacing sweep', () => {
  it('announces a due time written just behind its last run, once, and a rescheduled one again', async () => {
    at('2026-05-04T10:00:00Z');
    await announceDueItems(clock.now());
    // Written after that run had read, with a due time it had already passed.
    const order = await newOrder();
    at('2026-05-04T10:00:15Z');
    expect(await announcedDuring(() => announceDueItems(clock.now()))).toContain(order.id);
    at('2026-05-04T10:00:30Z');
    expect(await announcedDuring(() => announceDueItems(clock.now()))).not.toContain(order.id);

    await OrderModel.updateOne(
      { _id: order.id },
      { $set: { 'call.state': 'scheduled', 'call.nextCallAt': new Date('2026-05-04T11:00:00Z') } },
    );
    at('2026-05-04T10:59:45Z');
    expect(await announcedDuring(() => announceDueItems(clock.now()))).not.toContain(order.id);
    at('2026-05-04T11:00:00Z');
    const twice = await announcedDuring(() =>
      Promise.all([announceDueItems(clock.now()), announceDueItems(clock.now())]),
    );
    expect(twice.filter((id) => id === order.id)).toHaveLength(1);
  });

  it('still announces after the clock was set back', async () => {
    at('2026-05-04T12:00:00Z');
    await announceDueItems(clock.now());
    at('2026-05-04T09:00:00Z');
    const order = await newOrder();
    at('2026-05-04T09:00:10Z');
    expect(await announcedDuring(() => announceDueItems(clock.now()))).toContain(order.id);
  });
});
